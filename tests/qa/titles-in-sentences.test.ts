// "Presented by Dr. Lena Markovic": a short title's full stop ends no sentence, so an answer cut to fit, or cut
// to the sentence that answers, never stops at "Dr." with the name lost.
import { describe, expect, it } from 'vitest';
import { clip, sentences } from '../../src/qa/format.js';
import { workshop, writeSmallPack } from './helpers.js';

const review =
  'The ferry timetable review of 2023 looked at every crossing between Port Ellis and the four outer islands, counted how many passengers each sailing carried in each season, asked skippers and harbour staff which sailings were late most often and why, and compared the fares with those on the mainland bus routes that meet the boats. ' +
  'It was led by Dr. Amina Osei of the Harbour Services Board, with a panel of two skippers, one islander and an economist. ' +
  'Its forty recommendations went to the board in March 2024.';

const writePack = () =>
  writeSmallPack('titles-in-sentences', { title: 'Crossings on Time', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'review',
      title: 'The timetable review',
      units: [{ id: 'who', kind: 'fact', text: review, keywords: [] }],
    },
  ]);

describe('a title with a full stop inside a sentence', () => {
  it('ends no sentence', () => {
    expect(sentences('It was led by Dr. Amina Osei. It ended in 2024.')).toEqual(['It was led by Dr. Amina Osei.', 'It ended in 2024.']);
    expect(sentences('They ran in Zones A and B. About 38,000 took part.')).toEqual(['They ran in Zones A and B.', 'About 38,000 took part.']);
  });

  it('is no place to cut a long answer', () => {
    const { answerer } = workshop(writePack());
    const a = answerer.answer('who led the ferry timetable review?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text.length).toBeLessThanOrEqual(600);
    expect(a.text).toContain('Amina Osei');
    expect(clip(review, 420)).not.toMatch(/Dr\.$/);
  });
});
