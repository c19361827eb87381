// Typed answers close to a choice are that choice; questions and vague text are not; answers that state a choice.
import { describe, expect, it } from 'vitest';
import { nearChoices, statesChoice } from '../../src/quiz/near-miss.js';
import { parseChoice } from '../../src/quiz/knowledge.js';
import { parseReadinessAnswer } from '../../src/quiz/readiness.js';

const THREE_DS = ['Data, design and delivery', 'Digital, devices and dashboards', 'Decide, develop and deploy', 'Data, documents and databases'];
const PORTAL = ['Government structure on the portal', 'National government portal', 'Digital government strategy', 'Links to local government'];

describe('near-miss quiz answers', () => {
  it.each([
    ['data design and delivery', THREE_DS, 0],
    ['Data design & delivery', THREE_DS, 0],
    ['data, desing and delivery', THREE_DS, 0],
    ["I think it's data design and delivery", THREE_DS, 0],
    ['govt structure', PORTAL, 0],
    ['national portal', PORTAL, 1],
    ['local govt links', PORTAL, 3],
    ['40 percent', ['4000%', '40%', '400%'], 1],
  ])('%j is choice %i of its list', (typed, choices, index) => {
    expect(parseChoice(typed, choices)).toBe(index);
  });

  it('text close to several choices is none of them, but says which', () => {
    expect(parseChoice('data', THREE_DS)).toBeUndefined();
    expect(nearChoices('data', THREE_DS)).toEqual([0, 3]);
    expect(nearChoices('gov portal', PORTAL)).toEqual([0, 1]);
  });

  it('a question is never a choice, however close', () => {
    for (const q of ['what is data design and delivery', 'data design and delivery?', 'Is it the government structure on the portal']) {
      expect(nearChoices(q, [...THREE_DS, ...PORTAL])).toEqual([]);
      expect(parseChoice(q, THREE_DS)).toBeUndefined();
    }
  });

  it('tells when an answer states a choice, as a phrase', () => {
    expect(statesChoice('The 3Ds are data, design and delivery: an integrated framework', 'Data, design and delivery')).toBe(true);
    expect(statesChoice('In 155 countries', '155')).toBe(true);
    expect(statesChoice('In 155 countries', '15')).toBe(false);
    expect(statesChoice('Data silos hold data back', 'Data, design and delivery')).toBe(false);
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
