// "What happened on Marrowsea?" of a pack that only ever says "Marrowsea Airfield": the word is a name's own, not a
// plain word that merely stands inside a name ("population" in a "Population Data Agency"), so the unit about the
// airfield answers.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('name-words', { title: 'Arrivals Online', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'problems',
      title: 'Problems met',
      units: [
        { id: 'airfield', kind: 'fact', text: 'At Marrowsea Airfield the weak internet link made the border system go offline 19 times in 2023.', keywords: [] },
        { id: 'cruise', kind: 'fact', text: 'Cruise lines at first refused to collect arrival cards for their passengers.', keywords: [] },
      ],
    },
    { id: 'plans', title: 'Plans', units: [{ id: 'next', kind: 'fact', text: 'By 2028 the Harbour Board plans a nomad permit for stays of up to 12 months.', keywords: [] }] },
  ]);

describe("a word of a name's own", () => {
  const { answerer } = workshop(writePack());

  it('is held by the unit that names it inside a longer name', () => {
    const a = answerer.answer('what happened on marrowsea?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('offline 19 times');
  });
});
