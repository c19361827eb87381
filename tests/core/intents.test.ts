// A join code in a sentence is a join; questions that merely mention joining or six-letter words are not.
import { describe, expect, it } from 'vitest';
import { joinCodeInSentence } from '../../src/core/intents.js';

describe('joinCodeInSentence', () => {
  it.each([
    ['I want to join D5SNJS', { code: 'D5SNJS', sure: true }],
    ['can I join the cohort k7p2qx please', { code: 'k7p2qx', sure: true }],
    ['Hi, joining with code D5SNJS now', { code: 'D5SNJS', sure: true }],
    ['my code is D5SNJS', { code: 'D5SNJS', sure: true }],
    ['our cohort code: K7P2QX', { code: 'K7P2QX', sure: true }],
    ['please join me to ABCDEF', undefined],
    ['join ABCDEF', { code: 'ABCDEF', sure: true }],
    // Six lower-case letters may be a word: the bot joins only if such a cohort exists.
    ['can I join the cohort abcdef', { code: 'abcdef', sure: false }],
    ['I want to join my friend', { code: 'friend', sure: false }],
  ])('%j', (text, found) => {
    expect(joinCodeInSentence(text)).toEqual(found);
  });

  it.each(['What does joining up services mean?', 'how do I join a cohort?', 'join please', 'Which cohort covers the 2023 workshop?', 'What did UNDESA say about joined-up government?'])(
    '%j is not a join',
    (text) => {
      expect(joinCodeInSentence(text)).toBeUndefined();
    },
  );
});
