// Readiness self-assessment: scoring, bands, gaps, wording against the pack's figures, change since last (on the
// fixture pack: six digital-utility indicators, one counted out of its own population).
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
    expect(intro).toContain('6 questions, one for each of the digital-utility indicators (2024 Regional Utilities Benchmark)');
    expect(intro).toContain('trainers of cohorts you join');
    expect(intro).toContain('/forget');
    expect(intro).not.toContain('\n');
  });

  it('numbers the question from a 0-based index', () => {
    expect(readinessPrompt(content, indicators[2]!, 2, 6)).toBe(
      'Question 3 of 6 · Online outage map\nDo you publish a map of where the water is off and when it returns?',
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
  it('gives 6/6 and the top band for all Yes, with no gaps', () => {
    const r = scoreReadiness(content, all('yes'));
    expect([r.score, r.max, r.level.name]).toEqual([6, 6, 'Advanced']);
    expect(r.gaps).toEqual([]);
  });

  it('gives 0/6 and the first band for all No', () => {
    const r = scoreReadiness(content, all('no'));
    expect([r.score, r.level.name]).toEqual([0, 'Early']);
  });

  it('counts Partly as half a point and Don\u2019t know as none', () => {
    const answers = { ...all('yes'), 'cyber-plan': 'partly', 'smart-meters': 'partly', 'outage-map': 'unknown', 'leak-reporting': 'no' };
    const r = scoreReadiness(content, answers);
    expect(r.score).toBe(3);
    expect(r.rows.find((x) => x.indicatorId === 'cyber-plan')).toMatchObject({ answer: 'partly', points: 0.5 });
  });

  it('treats a missing or strange answer as Don\u2019t know', () => {
    const r = scoreReadiness(content, { 'cyber-plan': 'yes', 'smart-meters': 'perhaps' });
    expect(r.score).toBe(1);
    expect(r.rows.find((x) => x.indicatorId === 'smart-meters')?.answer).toBe('unknown');
    expect(r.rows.find((x) => x.indicatorId === 'online-billing')?.answer).toBe('unknown');
  });

  it.each([
    [0, 'Early'], [1, 'Early'], [1.5, 'Developing'], [2.5, 'Developing'],
    [3, 'Established'], [4, 'Established'], [4.5, 'Advanced'], [6, 'Advanced'],
  ])('puts %d of 6 in band %s', (score, name) => {
    expect(readinessLevel(score, 6).name).toBe(name);
  });

  it("ranks No before Don't know before Partly, whatever the global figures, with next steps and sections to read", () => {
    const answers = { ...all('yes'), 'cyber-plan': 'partly', 'leak-reporting': 'no', 'online-billing': 'unknown' };
    const r = scoreReadiness(content, answers);
    expect(r.gaps.map((g) => g.indicatorId)).toEqual(['leak-reporting', 'online-billing', 'cyber-plan']);
    expect(r.gaps[1]).toMatchObject({
      answer: 'unknown',
      nextStep: 'Let customers pay their water bill online by card or mobile money.',
      read: ['Online customer services'],
    });
  });

  it('points to the sub-section rather than its parent, and to every other section listed', () => {
    const r = scoreReadiness(content, { ...all('yes'), 'water-quality-data': 'no' });
    expect(r.gaps[0]!.read).toEqual(['Data and security: open water-quality data', 'A roadmap in three steps']);
  });

  it('puts a No before a Partly, however widely the Partly one is adopted', () => {
    const r = scoreReadiness(content, { ...all('yes'), 'cyber-plan': 'partly', 'outage-map': 'no', 'smart-meters': 'no' });
    expect(r.gaps.map((g) => [g.indicatorId, g.answer])).toEqual([
      ['smart-meters', 'no'],
      ['outage-map', 'no'],
      ['cyber-plan', 'partly'],
    ]);
  });

  it('among the same answer, keeps the three most adopted; figureless last; ties keep the deck order', () => {
    // 80% cyber plan, 70% online billing, then 50% water-quality data (of its own 60 utilities).
    expect(scoreReadiness(content, all('no')).gaps.map((g) => g.indicatorId)).toEqual(['cyber-plan', 'online-billing', 'water-quality-data']);
    // Smart meters and the outage map tie at 45%; the app has no figure.
    const r = scoreReadiness(content, { ...all('yes'), 'leak-reporting': 'no', 'outage-map': 'no', 'smart-meters': 'no' });
    expect(r.gaps.map((g) => g.indicatorId)).toEqual(['smart-meters', 'outage-map', 'leak-reporting']);
  });

  it('computes shares from counts out of the set\u2019s population, or the indicator\u2019s own, when only counts are given', () => {
    const r = scoreReadiness(content, {});
    expect(r.rows.find((x) => x.indicatorId === 'outage-map')!.global).toMatchObject({ count: 54, share: 45, of: { count: 120, label: 'member utilities' } });
    expect(r.rows.find((x) => x.indicatorId === 'water-quality-data')!.global).toMatchObject({ count: 30, share: 50, of: { count: 60, label: 'utilities assessed in 2021' } });
  });
});

describe('formatReadinessResult', () => {
  const mixed = { ...all('yes'), 'leak-reporting': 'no', 'outage-map': 'no', 'water-quality-data': 'partly', 'smart-meters': 'unknown', 'online-billing': 'no' };

  it('leads with the score and band', () => {
    const [first] = formatReadinessResult(content, scoreReadiness(content, { ...all('yes'), 'online-billing': 'no', 'smart-meters': 'no', 'outage-map': 'no', 'cyber-plan': 'partly' }));
    expect(first!.split('\n')[0]).toBe('Your readiness: 2.5/6 (Developing)');
  });

  it('compares each answer with the real figures, each out of its own population', () => {
    const text = formatReadinessResult(content, scoreReadiness(content, mixed)).join('\n');
    // Compared with the pack's own population, never "the world".
    expect(text).toMatch(/How you compare with the 120 member utilities( \(.+\))?:/);
    expect(text).toContain('Cyber incident plan: you have it, like 96 of the 120 member utilities (80%).');
    expect(text).toContain('Online bill payment: you do not have it yet; 84 of the 120 member utilities (70%) do.');
    expect(text).toContain('Open water-quality data: you have it in part; 30 of the 60 utilities assessed in 2021 (50%) have it.');
    expect(text).toContain("Smart meters: you don't know yet; 45% of the 120 member utilities have it.");
    expect(text).toContain('Online outage map: you do not have it yet; 54 of the 120 member utilities (45%) do.');
    expect(text).toContain('Online leak reporting: you do not have it yet (the workshop material gives no figure for it).');
  });

  it('lists the top gaps with next steps and what to read', () => {
    const text = formatReadinessResult(content, scoreReadiness(content, mixed)).join('\n');
    // The rule is stated with the gaps.
    expect(text).toContain("Your 3 most urgent gaps (No first, then Don't know, then Partly; among the same answer, what most others already have first):");
    expect(text).toContain('1. Online bill payment (you said: No; 84 of the 120 member utilities (70%) have it)');
    expect(text).toContain('   Next step: Let customers pay their water bill online by card or mobile money.');
    expect(text).toContain('   Read: Online customer services');
    expect(text).toContain('2. Online outage map (you said: No; 54 of the 120 member utilities (45%) have it)');
    expect(text).toContain('   Read: Monitoring the network; Online customer services');
    expect(text).toContain('3. Online leak reporting (you said: No)');
    expect(text).not.toContain('4. ');
    const fewer = formatReadinessResult(content, scoreReadiness(content, { ...mixed, 'outage-map': 'yes', 'leak-reporting': 'yes' })).join('\n');
    expect(fewer).toContain("2. Smart meters (you said: Don't know; 45% of the 120 member utilities have it)");
    expect(fewer).toContain('3. Open water-quality data (you said: Partly; 30 of the 60 utilities assessed in 2021 (50%) have it)');
  });

  it('says there are no gaps when everything is Yes', () => {
    const text = formatReadinessResult(content, scoreReadiness(content, all('yes'))).join('\n');
    expect(text).toContain('No gaps');
  });

  it('reports what changed since the previous check, with its date', () => {
    const before = scoreReadiness(content, { ...mixed, 'cyber-plan': 'no', 'outage-map': 'partly', 'smart-meters': 'yes' });
    const now = scoreReadiness(content, mixed);
    const msgs = formatReadinessResult(content, now, { result: before, at: new Date('2023-06-22T09:00:00Z') });
    const change = msgs[msgs.length - 1];
    expect(change).toContain(`Since your last check on 22 June 2023: ${before.score}/6 → ${now.score}/6 (−0.5).`);
    expect(change).toContain('Up: Cyber incident plan (No → Yes).');
    expect(change).toContain("Down: Smart meters (Yes → Don't know), Online outage map (Partly → No).");
  });

  it('says so when nothing moved, and shows a rise with a plus', () => {
    const r = scoreReadiness(content, mixed);
    const same = formatReadinessResult(content, r, { result: r, at: new Date('2024-01-05T00:00:00Z') });
    expect(same.at(-1)).toContain('(±0)');
    expect(same.at(-1)).toContain('No indicator moved up or down.');
    const up = formatReadinessResult(content, scoreReadiness(content, all('yes')), { result: r, at: new Date('2024-01-05T00:00:00Z') });
    expect(up.at(-1)).toMatch(/→ 6\/6 \(\+4\.5\)/);
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
    expect(readinessAnswersFromSession(['smart-meters', 'cyber-plan', 'water-quality-data'], ['yes', null, 'unknown'])).toEqual({
      'smart-meters': 'yes',
      'water-quality-data': 'unknown',
    });
  });

  it('computes a cohort\u2019s share answering Yes per indicator', () => {
    const rows = cohortReadinessRows(content, [
      { 'cyber-plan': 'yes', 'smart-meters': 'no' },
      { 'cyber-plan': 'no', 'smart-meters': 'no' },
      { 'cyber-plan': 'yes' },
      { 'cyber-plan': 'unknown' },
    ]);
    expect(rows.find((r) => r.indicatorId === 'cyber-plan')).toEqual({ indicatorId: 'cyber-plan', yesShare: 50, answered: 4 });
    expect(rows.find((r) => r.indicatorId === 'smart-meters')).toEqual({ indicatorId: 'smart-meters', yesShare: 0, answered: 2 });
    expect(rows.find((r) => r.indicatorId === 'leak-reporting')).toEqual({ indicatorId: 'leak-reporting', yesShare: null, answered: 0 });
  });
});
