// Typed answers close to a choice are that choice; questions and vague text are not; answers that state a choice.
import { describe, expect, it } from 'vitest';
import { nearChoices, statesChoice } from '../../src/quiz/near-miss.js';
import { parseChoice } from '../../src/quiz/knowledge.js';
import { parseReadinessAnswer } from '../../src/quiz/readiness.js';

const THREE_MS = ['Meters, maps and messages', 'Mains, models and manuals', 'Measure, map and mend', 'Meters, mains and money'];
const PORTAL = ['Government structure on the portal', 'National government portal', 'Digital government strategy', 'Links to local government'];

describe('near-miss quiz answers', () => {
  it.each([
    ['meters maps and messages', THREE_MS, 0],
    ['Meters maps & messages', THREE_MS, 0],
    ['meters, mpas and messages', THREE_MS, 0],
    ["I think it's meters maps and messages", THREE_MS, 0],
    ['govt structure', PORTAL, 0],
    ['national portal', PORTAL, 1],
    ['local govt links', PORTAL, 3],
    ['40 percent', ['4000%', '40%', '400%'], 1],
  ])('%j is choice %i of its list', (typed, choices, index) => {
    expect(parseChoice(typed, choices)).toBe(index);
  });

  it('text close to several choices is none of them, but says which', () => {
    expect(parseChoice('meters', THREE_MS)).toBeUndefined();
    expect(nearChoices('meters', THREE_MS)).toEqual([0, 3]);
    expect(nearChoices('gov portal', PORTAL)).toEqual([0, 1]);
  });

  it('a question is never a choice, however close', () => {
    for (const q of ['what is meters maps and messages', 'meters maps and messages?', 'Is it the government structure on the portal']) {
      expect(nearChoices(q, [...THREE_MS, ...PORTAL])).toEqual([]);
      expect(parseChoice(q, THREE_MS)).toBeUndefined();
    }
  });

  it('tells when an answer states a choice, as a phrase', () => {
    expect(statesChoice('The 3Ms of a digital utility are meters, maps and messages: measure every litre', 'Meters, maps and messages')).toBe(true);
    expect(statesChoice('In 84 utilities', '84')).toBe(true);
    expect(statesChoice('In 84 utilities', '8')).toBe(false);
    expect(statesChoice('Meters leak data back to the office', 'Meters, maps and messages')).toBe(false);
  });
});

describe('near-miss readiness answers', () => {
  it.each([
    ['yes we do', 'yes'], ['yse', 'yes'], ['partyl', 'partly'], ['Partly, a draft', 'partly'], ['no not yet', 'no'],
    ["we don't know", 'unknown'], ['no idea', 'unknown'], ['nah', 'no'], ["no we don't", 'no'],
  ])('%j is %s', (typed, value) => {
    expect(parseReadinessAnswer(typed)).toBe(value);
  });

  it.each(['is it a law?', 'what about the portal', 'the agency heads are listed on a page of the ministry site'])('%j is not an answer', (typed) => {
    expect(parseReadinessAnswer(typed)).toBeUndefined();
  });
});
