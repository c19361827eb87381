// How text is cut into words, the same for the deck and for questions: what names survive it.
import { describe, expect, it } from 'vitest';
import { normalizeText, words } from '../../src/content/text.js';

describe('words of a text', () => {
  it('joins a series letter to its name ("Group A", "Groups C and D")', () => {
    expect(words('Group A economies')).toEqual(['groupa', 'economies']);
    expect(words('Groups C and D')).toEqual(['groupc', 'and', 'groupd']);
  });

  it('leaves one space where a sign was dropped ("came out #1")', () => {
    expect(normalizeText('who came out #1?')).toBe('who came out 1 ');
  });

  it('keeps a name before a hyphenated word apart from it ("Ruritania\'s Q-Net")', () => {
    expect(words("Ruritania's Q-Net")).toEqual(['ruritania', 'q', 'net']);
  });

  it('reads "I" before a lower-case word as the pronoun ("sorry I came late")', () => {
    expect(words('sorry I came late')).toEqual(['sorry', 'i', 'came', 'late']);
  });

  it(`reads the "'s" of a capital letter after a number as its plural ("the three A's")`, () => {
    expect(words("the three A's")).toEqual(['the', 'three', 'as']);
    expect(words("the 4 P's")).toEqual(['the', '4', 'ps']);
  });

  it(`reads "'s" after a question word as "is", spelt the way chat spells it ("what's" -> "whats")`, () => {
    expect(words("what's a one-stop shop? who's presenting?")).toEqual(['whats', 'a', 'one', 'stop', 'shop', 'whos', 'presenting']);
  });
});
