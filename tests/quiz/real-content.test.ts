// The quiz domain on the workshop's real content/: every indicator scores, compares and quizzes sensibly.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { renderReadinessChart } from '../../src/quiz/chart.js';
import { formatQuizSummary, knowledgeBank, presentQuestion } from '../../src/quiz/knowledge.js';
import { formatReadinessResult, scoreReadiness } from '../../src/quiz/readiness.js';

const content = loadContent(fileURLToPath(new URL('../../content', import.meta.url)));
const byName = (name: string) => content.indicators.find((i) => i.name === name)!;

describe('readiness on the real content', () => {
  it('has the deck\u2019s 16 indicators out of 193 UN Member States', () => {
    expect(content.indicators).toHaveLength(16);
    expect(content.indicatorSet.population).toEqual({ count: 193, label: "UN Member States" });
  });

  it('compares answers with the deck\u2019s figures', () => {
    const cyber = byName('Cybersecurity legislation');
    const eparticipation = byName('E-participation legislation');
    const answers = Object.fromEntries(content.indicators.map((i) => [i.id, 'yes']));
    answers[eparticipation.id] = 'no';
    const text = formatReadinessResult(content, scoreReadiness(content, answers)).join('\n');
    expect(text).toContain('Your readiness: 15/16 (Advanced)');
    expect(text).toContain(`${cyber.name}: you have it, like 153 of the 193 UN Member States (79%).`);
    expect(text).toContain(`${eparticipation.name}: you do not have it yet; 91 of the 193 UN Member States (47%) do.`);
    expect(text).toContain(`Next step: ${eparticipation.nextStep}`);
  });

  it('names a next step and something to read for every gap', () => {
    const r = scoreReadiness(content, {});
    expect(r.gaps).toHaveLength(3);
    for (const g of r.gaps) {
      expect(g.nextStep.length).toBeGreaterThan(0);
      expect(g.read.length).toBeGreaterThan(0);
    }
    for (const m of formatReadinessResult(content, r, { result: r, at: new Date('2023-06-22T00:00:00Z') })) {
      expect(m.length).toBeLessThanOrEqual(3500);
    }
  });

  it('draws the chart', async () => {
    const png = await renderReadinessChart(content, scoreReadiness(content, {}));
    expect(png.readUInt32BE(16)).toBe(900);
  });
});

describe('knowledge bank on the real content', () => {
  const bank = knowledgeBank(content);

  it('holds the content quiz and a figure and definition question per indicator with a figure', () => {
    for (const q of content.quiz) expect(bank.some((b) => b.id === q.id), q.id).toBe(true);
    const withFigure = content.indicators.filter((i) => i.global).length;
    expect(bank.filter((q) => /^gen-(count|share)-/.test(q.id))).toHaveLength(withFigure);
    expect(bank.filter((q) => q.id.startsWith('gen-def-'))).toHaveLength(16);
  });

  it('asks for the cybersecurity count with 153 as the one right answer', () => {
    const q = bank.find((b) => b.id === `gen-count-${byName('Cybersecurity legislation').id}`)!;
    expect(q.choices[q.answer]).toBe('153');
    expect(q.choices.filter((c) => c === '153')).toHaveLength(1);
  });

  it('gives every question distinct choices, a valid answer and a source, in any session order', () => {
    for (const raw of bank) {
      const q = presentQuestion(raw, 'real');
      expect(new Set(q.choices.map((c) => c.toLowerCase())).size, q.id).toBe(q.choices.length);
      expect(q.choices[q.answer], q.id).toBe(raw.choices[raw.answer]);
      expect(q.source.length, q.id).toBeGreaterThan(0);
    }
  });
});

describe('the quiz review on the real content', () => {
  it('lists each section of the deck once, however its questions cite it', () => {
    const review = formatQuizSummary(knowledgeBank(content).map((question) => ({ question, correct: false })));
    const lines = review.split('\n').filter((l) => l.startsWith('• '));
    const sections = lines.map((l) => l.slice(2).replace(/ \(.*\)$/, ''));
    expect(new Set(sections).size).toBe(sections.length);
    expect(lines).toContain('• Assessment on Institutional Framework: legislative framework (Figure 1.30, 2022 UN E-Government Survey)');
  });
});
