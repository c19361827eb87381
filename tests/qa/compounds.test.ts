// A name of two words that English also says in one ("United Kingdom" and "UK", "mobile phone" and
// "cellphone") is found by either: WordNet has them as one lemma, and the index keeps the pack's compounds.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('compounds', { title: 'Paying Bills Online', workshop: 'Utility Billing Forum 2025' }, [
    {
      id: 'abroad',
      title: 'Lessons from abroad',
      units: [
        { id: 'meters', kind: 'statistic', text: 'In the United Kingdom, water companies had fitted meters to 60% of homes by 2023.', keywords: [] },
        { id: 'billing', kind: 'statistic', text: 'In Ruritania, 45% of customers pay their water bill by mobile phone.', keywords: [] },
        { id: 'counter', kind: 'statistic', text: 'In Ruritania, 30% of customers still pay their water bill in cash at a post office.', keywords: [] },
        { id: 'us', kind: 'fact', text: 'In the United States, most water utilities are run by city governments.', keywords: [] },
        { id: 'ga', kind: 'fact', text: 'The General Assembly adopted the regional water charter in 2019.', keywords: [] },
        { id: 'law', kind: 'fact', text: 'Ruritania passed its water legislation in 1998.', keywords: [] },
        { id: 'tariffs', kind: 'fact', text: 'Ruritania charges a flat tariff for the first ten cubic metres a month.', keywords: [] },
      ],
    },
  ]);

describe('names of two words said in one', () => {
  const { answerer } = workshop(writePack());

  it('finds the "United Kingdom" for a question about the UK', () => {
    const a = answerer.answer('how many homes in the UK have water meters?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('60%');
  });

  it('finds paying "by mobile phone" for a question about cellphones, and only that', () => {
    const a = answerer.answer('what share of customers in Ruritania pay their water bill by cellphone?');
    expect(a.text).toContain('45%');
    expect(a.text).not.toContain('post office');
  });

  it('does not take an everyday word for a name that shares its stem ("use" is not "US")', () => {
    const use = answerer.explain('how do customers in Ruritania use their meters?').analysis.concepts.find((c) => c.words.join(' ') === 'use');
    expect(use?.alternatives.map((a) => a.stems.join(' '))).not.toContain('unit state');
  });

  it('takes only close synonyms of a name of two words, never words derived from it ("legislation" is no "General Assembly")', () => {
    const law = answerer.explain('when was the water legislation passed?').analysis.concepts.find((c) => c.words.join(' ') === 'legislation');
    expect(law?.alternatives.map((a) => a.stems.join(' '))).not.toContain('gener assembl');
  });
});
