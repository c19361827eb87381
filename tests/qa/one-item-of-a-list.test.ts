// "What does the crew pathway say?" of "the six pathways are: (1) fleet, (2) crew, ...": the question names one short
// item of a list, which the unit about that item says more of than the list that only names it.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('one-item-of-a-list', { title: 'Safe Crossings', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'pathways',
      title: 'The six pathways of the Safe Crossings Plan',
      units: [
        { id: 'list', kind: 'list', text: 'The six pathways are: (1) fleet, (2) crew, (3) berths, (4) tickets, (5) weather, and (6) rescue.', keywords: [] },
        { id: 'crew', kind: 'fact', text: 'Pathway 2, crew, sets a training course for every deckhand and a rest rule of ten hours between shifts.', keywords: [] },
        { id: 'weather', kind: 'fact', text: 'Pathway 5, weather, links every ferry to the storm warning service and cancels sailings above force 7.', keywords: [] },
      ],
    },
  ]);

describe('one item of a list', () => {
  const { answerer } = workshop(writePack());

  it('is answered by the unit about that item', () => {
    const a = answerer.answer('what does the crew pathway say?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^Pathway 2, crew, sets a training course/);
  });

  it('while the list answers what the items are', () => {
    expect(answerer.answer('what are the six pathways?').text).toMatch(/^The six pathways are/);
  });
});
