// "What was X's score?" is answered by a score given as a number, not by a rank or a doc that only says
// "by score"; how a score is worked out is another question, answered by the method.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('scores', { title: 'Benchmarking Water Utilities', workshop: 'Atoll Utilities Day 2025', session: 'Session 4: Benchmarking', date: 'Thursday, 20 November 2025' }, [
    {
      id: 'index',
      title: 'The utility index',
      units: [
        { id: 'ranks', kind: 'fact', text: 'In the 2023 utility index, press reports placed Ruritania first by score and Panama second.', keywords: [] },
        { id: 'average', kind: 'statistic', text: 'The average utility index score in 2023 was 0.61 out of 1.', keywords: [] },
        { id: 'method', kind: 'fact', text: 'The utility index score is the mean of four pillar scores: supply, quality, billing and service.', keywords: [] },
        { id: 'perfect', kind: 'statistic', text: 'Four utilities reached a perfect score of 1 in the 2023 utility index.', keywords: [] },
        { id: 'hungary', kind: 'statistic', text: 'Hungary scored 0.74 in the 2023 utility index, up from 0.66 in 2021.', keywords: [] },
      ],
    },
  ]);

describe('scores', () => {
  const { answerer } = workshop(writePack());

  it('gives a score that the pack states as a number', () => {
    expect(answerer.answer("what was Hungary's utility index score in 2023?").text).toContain('0.74');
    expect(answerer.answer('what was the average utility index score in 2023?').text).toContain('0.61');
    // "Full marks" is a perfect score.
    expect(answerer.answer('did any utility get full marks?').text).toMatch(/^Four utilities/);
    // "the most recent edition": the latest one, whatever year it was.
    expect(answerer.answer('what was the average utility index score in the most recent edition?').text).toContain('0.61');
  });

  it('declines a score the pack never gives, though it ranks the country by score', () => {
    expect(answerer.answer("what was Ruritania's exact utility index score in 2023?").answered).toBe(false);
  });

  it('still answers how the score is worked out, and what it is made of', () => {
    expect(answerer.answer('how is the utility index score calculated?').text).toContain('mean of four pillar scores');
    expect(answerer.answer('what are the pillars of the utility index score?').text).toContain('supply, quality, billing and service');
  });
});

describe('the session asked about by its number', () => {
  const { answerer } = workshop(writePack());

  it('answers "what day is session 4 again?" with the date, an aside after it or not', () => {
    expect(answerer.answer('wat day is session 4 again? my calendar says friday').text).toContain('20 November 2025');
  });
});
