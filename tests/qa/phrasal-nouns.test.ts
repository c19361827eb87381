// "The rollout" of a pack that says "rolled out", "the setup" of one that says "set up": a noun made of a verb
// and its particle is read as the verb and the particle when the pack never writes it as one word.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('phrasal-nouns', { title: 'Berths Online', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'programme',
      title: 'How the programme went',
      units: [
        { id: 'phases', kind: 'list', text: 'The booking service was rolled out in four phases: Port Ellis in 2020, the east quays in 2021, the ferries in 2022 and the marinas in 2023.', keywords: [] },
        { id: 'cost', kind: 'statistic', text: 'The booking service cost 2.4 million crowns over four years.', keywords: [] },
      ],
    },
  ]);

describe('nouns made of a verb and its particle', () => {
  const { answerer } = workshop(writePack());

  it('finds "rolled out" for "the rollout"', () => {
    const a = answerer.answer('what were the phases of the rollout?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^The booking service was rolled out in four phases/);
  });
});
