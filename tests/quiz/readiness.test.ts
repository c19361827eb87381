// Readiness self-assessment: scoring, bands, gaps, wording against the deck's figures, change since last.
import { describe, expect, it } from 'vitest';
import {
  READINESS_CHOICES,
  cohortReadinessRows,
  formatReadinessResult,
  parseReadinessAnswer,
  readinessAnswersFromSession,
  readinessIntro,
  readinessLevel,
  readinessPrompt,
  scoreReadiness,
  splitMessage,
  type ReadinessValue,
} from '../../src/quiz/readiness.js';
import { fixtureContent, indicators } from './fixture.js';

const content = fixtureContent();
const all = (v: ReadinessValue) => Object.fromEntries(indicators.map((i) => [i.id, v]));

describe('readiness choices and prompts', () => {
  it('offers the four answers with their values', () => {
    expect(READINESS_CHOICES.map((c) => [c.label, c.value])).toEqual([
      ['Yes', 'yes'], ['Partly', 'partly'], ['No', 'no'], ["Don't know", 'unknown'],
    ]);
  });

  it('says what is kept, who sees it, how to erase it and how many questions', () => {
    const intro = readinessIntro(content);
    expect(intro).toContain('16 questions');
    expect(intro).toContain('trainers of cohorts you join');
    expect(intro).toContain('/forget');
    expect(intro).not.toContain('\n');
  });

  it('numbers the question from a 0-based index', () => {
    expect(readinessPrompt(content, indicators[2]!, 2, 16)).toBe(
      'Question 3 of 16 · Names of agency heads\nDoes your government have this: names of agency heads?',
    );
  });
});

describe('parseReadinessAnswer', () => {
  it.each([
    ['Yes', 'yes'], ['y', 'yes'], [' YES! ', 'yes'],
    ['partly', 'partly'], ['Partially', 'partly'],
    ['no', 'no'], ['N', 'no'], ['No.', 'no'],
    ["Don't know", 'unknown'], ['don\u2019t know', 'unknown'], ['dont know', 'unknown'], ['unsure', 'unknown'],
    ['IDK', 'unknown'], ['?', 'unknown'], ['unknown', 'unknown'],
  ])('%j means %s', (text, value) => {
    expect(parseReadinessAnswer(text)).toBe(value);
  });

  it.each(['', 'maybe', 'yes and no', 'nah we have it', '5'])('%j is not an answer', (text) => {
    expect(parseReadinessAnswer(text)).toBeUndefined();
  });
});

describe('scoreReadiness', () => {
  it('gives 16/16 and the top band for all Yes, with no gaps', () => {
    const r = scoreReadiness(content, all('yes'));
    expect([r.score, r.max, r.level.name]).toEqual([16, 16, 'Advanced']);
    expect(r.gaps).toEqual([]);
  });

  it('gives 0/16 and the first band for all No', () => {
    const r = scoreReadiness(content, all('no'));
    expect([r.score, r.level.name]).toEqual([0, 'Early']);
  });

  it('counts Partly as half a point and Don\u2019t know as none', () => {
    const answers = { ...all('yes'), cybersecurity: 'partly', 'open-data': 'partly', cio: 'unknown', 'digital-id': 'no' };
    const r = scoreReadiness(content, answers);
    expect(r.score).toBe(13);
    expect(r.rows.find((x) => x.indicatorId === 'cybersecurity')).toMatchObject({ answer: 'partly', points: 0.5 });
  });

  it('treats a missing or strange answer as Don\u2019t know', () => {
    const r = scoreReadiness(content, { cybersecurity: 'yes', cio: 'perhaps' });
    expect(r.score).toBe(1);
    expect(r.rows.find((x) => x.indicatorId === 'cio')?.answer).toBe('unknown');
    expect(r.rows.find((x) => x.indicatorId === 'org-chart')?.answer).toBe('unknown');
  });

  it.each([
    [0, 'Early'], [3.5, 'Early'], [4, 'Developing'], [7.5, 'Developing'],
    [8, 'Established'], [11.5, 'Established'], [12, 'Advanced'], [16, 'Advanced'],
  ])('puts %d of 16 in band %s', (score, name) => {
    expect(readinessLevel(score, 16).name).toBe(name);
  });

  it("ranks No before Don't know before Partly, whatever the global figures, with next steps and sections to read", () => {
    const answers = { ...all('yes'), 'national-portal': 'partly', 'e-participation': 'no', cybersecurity: 'unknown' };
    const r = scoreReadiness(content, answers);
    expect(r.gaps.map((g) => g.indicatorId)).toEqual(['e-participation', 'cybersecurity', 'national-portal']);
    expect(r.gaps[1]).toMatchObject({
      answer: 'unknown',
      nextStep: 'Adopt a cybersecurity law and name the agency responsible.',
      read: ['Assessment on Institutional Framework: legislative framework'],
    });
  });

  it('points to the sub-section rather than its parent, and to every other section listed', () => {
    const r = scoreReadiness(content, { ...all('yes'), 'egov-strategy': 'no' });
    expect(r.gaps[0]!.read).toEqual(['Assessment on Institutional Framework: legislative framework', 'Why a Whole-of-Government Approach']);
  });

  it('puts a missing law before a directory that is there in part (the issue: agency heads ranked above two laws)', () => {
    const r = scoreReadiness(content, { ...all('yes'), 'agency-heads': 'partly', cybersecurity: 'no', 'data-protection': 'no' });
    expect(r.gaps.map((g) => [g.indicatorId, g.answer])).toEqual([
      ['cybersecurity', 'no'],
      ['data-protection', 'no'],
      ['agency-heads', 'partly'],
    ]);
  });

  it('among the same answer, keeps the three most adopted; figureless last; ties keep the deck order', () => {
    const r = scoreReadiness(content, all('no'));
    // 93% org chart, then the 90% ties in deck order.
    expect(r.gaps.map((g) => g.indicatorId)).toEqual(['org-chart', 'agency-heads', 'sector-links']);
  });

  it('computes shares from counts out of 193 when only counts are given', () => {
    const r = scoreReadiness(content, {});
    expect(Math.round(r.rows.find((x) => x.indicatorId === 'data-protection')!.global!.share)).toBe(75);
  });
});

describe('formatReadinessResult', () => {
  const mixed = { ...all('yes'), 'national-portal': 'no', 'e-participation': 'no', 'data-protection': 'partly', cio: 'unknown', 'org-chart': 'no' };

  it('leads with the score and band', () => {
    const [first] = formatReadinessResult(content, scoreReadiness(content, { ...all('yes'), cio: 'no', 'org-chart': 'no', cybersecurity: 'no', 'open-data': 'no', 'digital-id': 'partly' }));
    expect(first!.split('\n')[0]).toBe('Your readiness: 11.5/16 (Established)');
  });

  it('compares each answer with the real figures', () => {
    const text = formatReadinessResult(content, scoreReadiness(content, mixed)).join('\n');
    expect(text).toContain('Cybersecurity legislation: you have it, like 153 of the 193 UN Member States (79%).');
    expect(text).toContain('E-participation legislation: you do not have it yet; 91 of the 193 UN Member States (47%) do.');
    expect(text).toContain('Personal data protection legislation: you have it in part; 145 of the 193 UN Member States (75%) have it.');
    expect(text).toContain('Names of agency heads: you have it, like 90% of the 193 UN Member States.');
    expect(text).toContain('Government structure on the portal: you do not have it yet; 93% of the 193 UN Member States do.');
    expect(text).toContain("National CIO: you don't know yet; 77% of the 193 UN Member States have it.");
    expect(text).toContain('National government portal: you do not have it yet (no global figure in the deck).');
  });

  it('lists the top gaps with next steps and what to read', () => {
    const text = formatReadinessResult(content, scoreReadiness(content, mixed)).join('\n');
    // The rule is stated with the gaps.
    expect(text).toContain("Your 3 most urgent gaps (No first, then Don't know, then Partly; among the same answer, what most countries already have first):");
    expect(text).toContain('1. Government structure on the portal (you said: No; 93% of the 193 UN Member States have it)');
    expect(text).toContain('   Next step: Publish the organizational chart of the government on the portal.');
    expect(text).toContain('   Read: Assessment on Institutional Framework: national portals');
    expect(text).toContain('2. E-participation legislation (you said: No; 91 of the 193 UN Member States (47%) have it)');
    expect(text).toContain('3. National government portal (you said: No)');
    expect(text).not.toContain('4. ');
    const fewer = formatReadinessResult(content, scoreReadiness(content, { ...mixed, 'e-participation': 'yes', 'national-portal': 'yes' })).join('\n');
    expect(fewer).toContain("2. National CIO (you said: Don't know; 77% of the 193 UN Member States have it)");
    expect(fewer).toContain('3. Personal data protection legislation (you said: Partly; 145 of the 193 UN Member States (75%) have it)');
  });

  it('says there are no gaps when everything is Yes', () => {
    const text = formatReadinessResult(content, scoreReadiness(content, all('yes'))).join('\n');
    expect(text).toContain('No gaps');
  });

  it('reports what changed since the previous check, with its date', () => {
    const before = scoreReadiness(content, { ...mixed, cybersecurity: 'no', 'org-chart': 'partly', cio: 'yes' });
    const now = scoreReadiness(content, mixed);
    const msgs = formatReadinessResult(content, now, { result: before, at: new Date('2023-06-22T09:00:00Z') });
    const change = msgs[msgs.length - 1];
    expect(change).toContain(`Since your last check on 22 June 2023: ${before.score}/16 → ${now.score}/16 (−0.5).`);
    expect(change).toContain('Up: Cybersecurity legislation (No → Yes).');
    expect(change).toContain("Down: Government structure on the portal (Partly → No), National CIO (Yes → Don't know).");
  });

  it('says so when nothing moved, and shows a rise with a plus', () => {
    const r = scoreReadiness(content, mixed);
    const same = formatReadinessResult(content, r, { result: r, at: new Date('2024-01-05T00:00:00Z') });
    expect(same.at(-1)).toContain('(±0)');
    expect(same.at(-1)).toContain('No indicator moved up or down.');
    const up = formatReadinessResult(content, scoreReadiness(content, all('yes')), { result: r, at: new Date('2024-01-05T00:00:00Z') });
    expect(up.at(-1)).toMatch(/→ 16\/16 \(\+4\.5\)/);
  });

  it('keeps every message within 3500 characters', () => {
    for (const v of ['yes', 'no', 'partly', 'unknown'] as const) {
      for (const m of formatReadinessResult(content, scoreReadiness(content, all(v)))) expect(m.length).toBeLessThanOrEqual(3500);
    }
  });

  it('splits long text at line ends', () => {
    const long = Array.from({ length: 100 }, (_, i) => `line ${i} `.padEnd(80, 'x')).join('\n');
    const parts = splitMessage(long, 3500);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.every((p) => p.length <= 3500)).toBe(true);
    expect(parts.join('\n')).toBe(long);
    expect(splitMessage('y'.repeat(9000), 3500).map((p) => p.length)).toEqual([3500, 3500, 2000]);
  });
});

describe('session and cohort helpers', () => {
  it('turns a stored session into answers, dropping unanswered ones', () => {
    expect(readinessAnswersFromSession(['cio', 'cybersecurity', 'open-data'], ['yes', null, 'unknown'])).toEqual({
      cio: 'yes',
      'open-data': 'unknown',
    });
  });

  it('computes a cohort\u2019s share answering Yes per indicator', () => {
    const rows = cohortReadinessRows(content, [
      { cybersecurity: 'yes', cio: 'no' },
      { cybersecurity: 'no', cio: 'no' },
      { cybersecurity: 'yes' },
      { cybersecurity: 'unknown' },
    ]);
    expect(rows.find((r) => r.indicatorId === 'cybersecurity')).toEqual({ indicatorId: 'cybersecurity', yesShare: 50, answered: 4 });
    expect(rows.find((r) => r.indicatorId === 'cio')).toEqual({ indicatorId: 'cio', yesShare: 0, answered: 2 });
    expect(rows.find((r) => r.indicatorId === 'digital-id')).toEqual({ indicatorId: 'digital-id', yesShare: null, answered: 0 });
  });
});
