// "How much rubbish was collected?" of a pack that says "waste": a kind of the pack's thing, asked by its own
// everyday name (WordNet's narrower nouns of the pack's noun), holds what the question is about.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('noun-kinds', { title: 'Clean Quays', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'results',
      title: 'Results',
      units: [
        { id: 'waste', kind: 'statistic', text: 'The harbour crews collected 14,300 tonnes of waste from the quays in 2020.', keywords: [] },
        { id: 'berths', kind: 'statistic', text: 'The harbour let 410 berths to ferries and fishing boats in 2020.', keywords: [] },
      ],
    },
  ]);

describe('a kind of the pack\'s thing, by its everyday name', () => {
  const { answerer } = workshop(writePack());

  it('is answered by the unit on the pack\'s word for it', () => {
    const a = answerer.answer('how much rubbish did the crews collect in 2020?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('14,300 tonnes of waste');
  });
});
