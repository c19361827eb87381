// Knowledge quizzes: the generated bank, picking, deterministic choice order, parsing and feedback (on the fixture
// pack: six quiz items and the questions made from six digital-utility indicators).
import { describe, expect, it } from 'vitest';
import {
  checkAnswer,
  formatFeedback,
  formatQuestion,
  formatQuizSummary,
  knowledgeBank,
  parseChoice,
  pickQuiz,
  presentQuestion,
  questionsById,
  seededRng,
  type KnowledgeQuestion,
} from '../../src/quiz/knowledge.js';
import { fixtureContent, indicators } from './fixture.js';

const content = fixtureContent();
const bank = knowledgeBank(content);
const byId = (id: string) => bank.find((q) => q.id === id)!;
const counts = indicators.map((i) => i.global?.count).filter((c): c is number => c !== undefined);

describe('knowledgeBank', () => {
  it('holds the content quiz items with readable citations', () => {
    expect(byId('three-ms')).toMatchObject({
      choices: ['Meters, maps and messages', 'Meters, mains and money', 'Managers, money and machines', 'Maps, models and manuals'],
      answer: 0,
      source: 'Why a water utility goes digital, slide 2',
    });
  });

  it('asks for the pack\u2019s counts with stable ids', () => {
    const q = byId('gen-count-online-billing');
    expect(q.question).toBe('How many of the 120 member utilities have \u201cOnline bill payment\u201d (2024)?');
    expect(q.choices[q.answer]).toBe('84');
    expect(q.explanation).toBe('84 of the 120 member utilities (70%) have it.');
    expect(q.source).toBe('Online customer services, Table 3, 2024 Regional Utilities Benchmark');
    expect(knowledgeBank(content).map((x) => x.id)).toEqual(bank.map((x) => x.id));
  });

  it('asks for a count out of the indicator\u2019s own population where it has one', () => {
    const q = byId('gen-count-water-quality-data');
    expect(q.question).toBe('How many of the 60 utilities assessed in 2021 have \u201cOpen water-quality data\u201d (2021)?');
    expect(q.choices[q.answer]).toBe('30');
    expect(q.explanation).toBe('30 of the 60 utilities assessed in 2021 (50%) have it.');
  });

  it('asks for shares where the pack gives only a share', () => {
    const q = byId('gen-share-smart-meters');
    expect(q.question).toBe('What share of the 120 member utilities have \u201cSmart meters\u201d (2024)?');
    expect(q.choices[q.answer]).toBe('45%');
  });

  it('asks which indicator a definition belongs to, with other indicator names as distractors', () => {
    const q = byId('gen-def-online-billing');
    expect(q.question).toBe('Which indicator checks this? \u201cwhether customers can pay their water bill online, by card or mobile money\u201d');
    expect(q.explanation).toBe('That is \u201cOnline bill payment\u201d, one of the 6 digital-utility indicators (2024 Regional Utilities Benchmark).');
    expect(q.choices[q.answer]).toBe('Online bill payment');
    const names = indicators.map((i) => i.name);
    expect(q.choices.every((c) => names.includes(c))).toBe(true);
    // Plausible: the other online indicators come first, not random ones.
    expect(q.choices.filter((c) => c.startsWith('Online'))).toHaveLength(3);
  });

  it('makes no figure question for an indicator without a figure', () => {
    expect(bank.some((q) => q.id.endsWith('-leak-reporting') && !q.id.startsWith('gen-def'))).toBe(false);
    expect(byId('gen-def-leak-reporting')).toBeDefined();
  });

  it('gives every question distinct choices and exactly one right answer', () => {
    expect(new Set(bank.map((q) => q.id)).size).toBe(bank.length);
    for (const q of bank) {
      expect(q.choices.length, q.id).toBeGreaterThanOrEqual(2);
      expect(new Set(q.choices.map((c) => c.toLowerCase())).size, q.id).toBe(q.choices.length);
      expect(q.answer, q.id).toBeGreaterThanOrEqual(0);
      expect(q.answer, q.id).toBeLessThan(q.choices.length);
      expect(q.explanation.length, q.id).toBeGreaterThan(0);
      expect(q.source.length, q.id).toBeGreaterThan(0);
    }
  });

  it('draws count distractors from other indicators\u2019 counts that fit its population, well apart and not all on one side', () => {
    const generated = bank.filter((x) => x.id.startsWith('gen-count-'));
    expect(generated.map((q) => q.id)).toEqual(['gen-count-online-billing', 'gen-count-outage-map', 'gen-count-water-quality-data', 'gen-count-cyber-plan']);
    for (const q of generated) {
      expect(q.choices, q.id).toHaveLength(4);
      const ind = indicators.find((i) => q.id === `gen-count-${i.id}`)!;
      // Out of 120 member utilities, or out of the 60 utilities assessed in 2021 for water-quality data.
      const population = ind.global?.of?.count ?? content.indicatorSet.population!.count;
      const right = Number(q.choices[q.answer]);
      const wrong = q.choices.filter((_, i) => i !== q.answer).map(Number);
      const fitting = counts.filter((c) => c !== right && c <= population);
      expect(wrong.filter((w) => fitting.includes(w)).length, q.id).toBeGreaterThanOrEqual(Math.min(2, fitting.length));
      for (const w of wrong) {
        expect(w, q.id).toBeGreaterThanOrEqual(0);
        expect(w, q.id).toBeLessThanOrEqual(population);
        expect(Math.abs(w - right), q.id).toBeGreaterThanOrEqual(5);
      }
      expect(wrong.some((w) => w > right) && wrong.some((w) => w < right), q.id).toBe(true);
    }
  });

  it('keeps share distractors between 0% and 100%', () => {
    for (const q of bank.filter((x) => x.id.startsWith('gen-share-'))) {
      expect(q.choices, q.id).toHaveLength(4);
      for (const c of q.choices) {
        expect(c, q.id).toMatch(/^\d{1,3}%$/);
        expect(Number(c.slice(0, -1)), q.id).toBeLessThanOrEqual(100);
      }
    }
  });

  it('skips a content item whose answer index is out of range', () => {
    const broken = { ...content, quiz: [{ ...content.quiz[0]!, answer: 9 }] };
    expect(knowledgeBank(broken).some((q) => q.id === 'three-ms')).toBe(false);
  });
});

describe('pickQuiz', () => {
  it('picks 5 distinct items by default', () => {
    const picked = pickQuiz(bank, undefined, { rng: seededRng('a') });
    expect(picked).toHaveLength(5);
    expect(new Set(picked.map((q) => q.id)).size).toBe(5);
  });

  it('puts last time\u2019s misses first, skipping ids no longer in the bank', () => {
    const picked = pickQuiz(bank, 4, { rng: seededRng('b'), missedBefore: ['gen-count-cyber-plan', 'gone', 'three-ms', 'gen-count-cyber-plan'] });
    expect(picked.slice(0, 2).map((q) => q.id)).toEqual(['gen-count-cyber-plan', 'three-ms']);
    expect(new Set(picked.map((q) => q.id)).size).toBe(4);
  });

  it('caps n at the bank size', () => {
    const small = bank.slice(0, 3);
    expect(pickQuiz(small, 10, { rng: seededRng('c') }).map((q) => q.id).sort()).toEqual(small.map((q) => q.id).sort());
    expect(pickQuiz(small, 0)).toEqual([]);
  });

  it('shuffles with the rng it is given', () => {
    const ids = (seed: string) => pickQuiz(bank, 8, { rng: seededRng(seed) }).map((q) => q.id);
    expect(ids('same')).toEqual(ids('same'));
    expect(['x1', 'x2', 'x3'].map(ids).some((x) => x.join() !== ids('same').join())).toBe(true);
  });

  it('rebuilds a stored quiz from its item ids', () => {
    const picked = pickQuiz(bank, 5, { rng: seededRng('d') });
    expect(questionsById(knowledgeBank(content), picked.map((q) => q.id))).toEqual(picked);
  });
});

describe('presentQuestion', () => {
  it('shuffles the choices the same way for the same session and keeps the right one marked', () => {
    for (const q of bank) {
      const a = presentQuestion(q, 'session-1');
      expect(presentQuestion(q, 'session-1')).toEqual(a);
      expect([...a.choices].sort()).toEqual([...q.choices].sort());
      expect(a.choices[a.answer]).toBe(q.choices[q.answer]);
    }
  });

  it('does not always leave the right answer first', () => {
    const positions = new Set(bank.map((q) => presentQuestion(q, 'session-2').answer));
    expect(positions.size).toBeGreaterThan(2);
  });

  it('orders differently in another session', () => {
    const orders = (seed: string) => bank.map((q) => presentQuestion(q, seed).choices.join('|')).join();
    expect(orders('s1')).not.toBe(orders('s2'));
  });
});

describe('parseChoice', () => {
  const choices = ['84', '96', 'Cyber incident plan', '54'];
  it.each([
    ['1', 0], ['2', 1], [' 4 ', 3], ['b', 1], ['B', 1], ['c)', 2], ['(d)', 3], ['a.', 0],
    ['96', 1], ['54', 3], ['  cyber INCIDENT plan ', 2],
  ])('%j picks choice %i', (text, index) => {
    expect(parseChoice(text, choices)).toBe(index);
  });

  it.each(['', '5', '0', 'e', 'z', 'cyb', '1 or 2'])('%j picks nothing', (text) => {
    expect(parseChoice(text, choices)).toBeUndefined();
  });
});

describe('feedback and summary', () => {
  const q: KnowledgeQuestion = presentQuestion(byId('gen-count-cyber-plan'), 'fb');
  const wrong = q.choices.findIndex((_, i) => i !== q.answer);

  it('checks an answer', () => {
    expect(checkAnswer(q, q.answer)).toEqual({ correct: true, right: '96', chosen: '96' });
    expect(checkAnswer(q, wrong)).toMatchObject({ correct: false, right: '96' });
    expect(checkAnswer(q, 7)).toEqual({ correct: false, right: '96', chosen: undefined });
  });

  it('says right, with the explanation and source', () => {
    expect(formatFeedback(q, q.answer)).toBe(
      '✓ Right: 96.\n96 of the 120 member utilities (80%) have it.\n' +
        'Source: Data and security, Table 7, 2024 Regional Utilities Benchmark',
    );
  });

  it('says wrong, what was chosen and the right answer', () => {
    expect(formatFeedback(q, wrong).split('\n')[0]).toBe(`✗ Not quite (you chose ${q.choices[wrong]}). The right answer is 96.`);
  });

  it('formats a question with lettered choices', () => {
    const text = formatQuestion(q, 1, 5).split('\n');
    expect(text[0]).toBe('Question 2 of 5');
    expect(text.slice(2)).toEqual(q.choices.map((c, i) => `${'ABCD'[i]}) ${c}`));
  });

  it('sums up the score and what to review, each section once with what it cites', () => {
    const def = byId('three-ms');
    const text = formatQuizSummary([
      { question: q, correct: true },
      { question: def, correct: false },
      { question: byId('gen-count-outage-map'), correct: false },
      { question: byId('gen-share-smart-meters'), correct: false },
      // The same section, cited another way: listed once (it was listed twice under two labels).
      { question: byId('gen-def-outage-map'), correct: false },
    ]);
    expect(byId('gen-def-outage-map').source).toBe('Monitoring the network, 2024 Regional Utilities Benchmark');
    expect(text).toBe(
      [
        'You scored 1/5.',
        'To review:',
        '• Why a water utility goes digital (slide 2)',
        '• Monitoring the network (Table 4, 2024 Regional Utilities Benchmark, Table 5)',
        'Next time, the questions you missed come first.',
      ].join('\n'),
    );
    expect(formatQuizSummary([{ question: q, correct: true }])).toBe('You scored 1/1. Nothing to review: well done.');
  });
});
