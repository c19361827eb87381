// "When did it start?", "when did the pilot run?": the verb says what kind of event is asked about, in the
// asker's words; a dated unit about the thing may say it otherwise ("introduced on", "from March to June").
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('when-verbs', { title: 'Berths Online', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'pass',
      title: 'The season pass',
      units: [
        { id: 'def', kind: 'definition', text: 'The season pass is a flat yearly fee that lets a skipper use any visitor berth at Port Ellis.', keywords: [] },
        { id: 'how', kind: 'fact', text: 'Under the season pass, introduced on 1 January 2023, each skipper pays 180 crowns a year plus a small charge per night.', keywords: [] },
      ],
    },
    {
      id: 'lessons',
      title: 'Lessons',
      units: [{ id: 'start', kind: 'fact', text: 'Where to start: begin with one quay and keep the phone line open.', keywords: [] }],
    },
  ]);

describe('the verb of a "when" question', () => {
  const { answerer } = workshop(writePack());

  it('is the event asked about, which a dated unit may say otherwise', () => {
    const first = answerer.answer('what is the season pass?');
    expect(first.text).toMatch(/^The season pass is a flat yearly fee/);
    const a = answerer.answer('when did it start', first.topic);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('1 January 2023');
  });
});
