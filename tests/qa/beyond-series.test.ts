// "What does step 9 say?" of a pack with seven steps: an item past the end of a series the pack numbers ("step 1"
// to "step 7") or counts ("the seven steps"), which no unit can be about; an item within it is answered.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('beyond-series', { title: 'Safe Crossings', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'steps',
      title: 'The boarding code',
      units: [
        { id: 'list', kind: 'list', text: 'The boarding code has seven steps, from buying a ticket to leaving the ferry.', keywords: [] },
        { id: 's1', kind: 'fact', text: 'Step 1 is to buy a ticket at the kiosk or in the app before the gate closes.', keywords: [] },
        { id: 's4', kind: 'fact', text: 'Step 4 is to show the ticket to the deckhand, who scans it at the ramp.', keywords: [] },
      ],
    },
    {
      id: 'rules',
      title: 'Luggage rules',
      units: [{ id: 'bags', kind: 'fact', text: 'Each passenger may bring 3 bags; a bicycle needs a ticket of its own, issued within 5 days of travel.', keywords: [] }],
    },
  ]);

describe('an item past the end of a series', () => {
  const { answerer } = workshop(writePack());

  it('is declined, as the pack has no such item', () => {
    expect(answerer.answer('what does step 9 of the boarding code say?').answered).toBe(false);
    expect(answerer.answer('what is bag 5 for?').answered).toBe(false);
  });

  it('is answered within the series', () => {
    const a = answerer.answer('what does step 4 of the boarding code say?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('deckhand');
  });

  it('leaves a measure alone: "day 9" is no item of "5 days"', () => {
    const a = answerer.answer('is a bicycle ticket issued by day 9 before travel?');
    expect(a.text).not.toMatch(/can't find/);
  });
});
