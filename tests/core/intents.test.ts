// A join code in a sentence is a join; questions that merely mention joining or six-letter words are not.
import { describe, expect, it } from 'vitest';
import { joinCodeInSentence } from '../../src/core/intents.js';

describe('joinCodeInSentence', () => {
  it.each([
    ['I want to join D5SNJS', 'D5SNJS'],
    ['can I join the cohort k7p2qx please', 'k7p2qx'],
    ['Hi, joining with code D5SNJS now', 'D5SNJS'],
    ['my code is D5SNJS', 'D5SNJS'],
    ['our cohort code: K7P2QX', 'K7P2QX'],
    ['please join me to ABCDEF', undefined],
    ['join ABCDEF', 'ABCDEF'],
  ])('%j', (text, code) => {
    expect(joinCodeInSentence(text)).toBe(code);
  });

  it.each(['What does joining up services mean?', 'how do I join a cohort?', 'join please', 'Which cohort covers the 2023 workshop?', 'What did UNDESA say about joined-up government?'])(
    '%j is not a join',
    (text) => {
      expect(joinCodeInSentence(text)).toBeUndefined();
    },
  );
});
