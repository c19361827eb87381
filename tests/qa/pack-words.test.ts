// Any word a pack writes must load: WordNet relates its words to others, some of which ("constructor", from
// "constructed") are also names every plain JavaScript object has.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

describe('a pack that says "constructed"', () => {
  const dir = writeSmallPack('pack-words', { title: 'Harbour Works', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'works',
      title: 'Harbour works',
      units: [
        { id: 'quays', kind: 'fact', text: 'Two new quays were constructed in 2019 with money from the harbour levy.', keywords: [] },
        { id: 'cranes', kind: 'fact', text: 'The harbour has four cranes, the newest bought in 2022.', keywords: [] },
      ],
    },
  ]);

  it('loads and answers from that unit', () => {
    const { answerer } = workshop(dir);
    const a = answerer.answer('when were the two new quays constructed?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('2019');
  });
});
