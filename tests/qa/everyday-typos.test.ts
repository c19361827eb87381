// "What is a linkspan actualy?": a slip in one of the everyday words that carry no topic is read as that word,
// not as a strange word that would weigh most in the question; forms of English words are never "corrected".
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop } from './helpers.js';

describe('slips in everyday words', () => {
  // An invented ferry authority's pack.
  const { answerer } = workshop(join(import.meta.dirname, '../fixtures/ferry-pack'));

  it.each([
    ['ok so what is a linkspan actualy?', /^Linkspan: A hinged bridge/],
    ['what is the tidecard actualy', /^Tidecard: The MFA's contactless smartcard/],
  ])('"%s" is answered as if spelled right', (q, answer) => {
    expect(answerer.answer(q).text).toMatch(answer);
  });

  it('leaves a name one slip from an everyday word as it is ("avery" is not "every")', () => {
    expect(answerer.explain('what does avery say about the tidecard').analysis.words).toContain('avery');
  });

  it('leaves forms of English words as they are ("whose", "simpler", "newer")', () => {
    const words = (q: string) => answerer.explain(q).analysis.words;
    expect(words('whose smartcard is the tidecard?')).toContain('whose');
    expect(words('is paying by tidecard simpler than cash?')).toContain('simpler');
    expect(words('are the newer vessels faster?')).toContain('newer');
  });
});
