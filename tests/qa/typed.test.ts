// "What *threats* does the report warn of?": the noun after "what" names the kind of answer, which the unit
// need not say ("warns of flooding, drought..."), even when the pack never uses that noun. An adjective in
// that place ("which *northern* towns") names no kind of answer.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('typed', { title: 'Water Security Review', workshop: 'Utilities Forum 2025' }, [
    {
      id: 'review',
      title: 'The 2024 security review',
      units: [
        { id: 'warns', kind: 'list', text: 'The 2024 security review warns of flooding in low-lying towns, drought in the north and failing pumps.', keywords: [] },
        { id: 'who', kind: 'fact', text: 'The review was written by the National Water Board with three universities.', keywords: [] },
        { id: 'towns', kind: 'statistic', text: 'The review counted 40 towns at risk of flooding.', keywords: [] },
      ],
    },
  ]);

describe('the kind of answer asked for', () => {
  const { answerer } = workshop(writePack());

  it('answers "what threats does the review warn about?" though the pack never says "threats"', () => {
    const a = answerer.answer('what threats does the 2024 security review warn about?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('flooding in low-lying towns');
  });

  it('still declines a kind of thing the pack never speaks of, asked with more it lacks', () => {
    expect(answerer.answer('what salary does the review give water board staff?').answered).toBe(false);
  });
});
