// Advice for a pack's author beyond schema errors: answers that would be cut, repeats, unused terms, doubtful quiz
// figures, example questions the bot does not answer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContentProblem } from '../content/load.js';
import type { Content, Indicator, QuizItem } from '../content/schema.js';
import { isStopWord, stem, words } from '../content/text.js';
import { createAnswerer } from '../qa/answer.js';
import { buildSearchDocs } from '../qa/docs.js';
import { loadSearchIndex } from '../qa/search-index.js';
import type { Answerer } from '../qa/types.js';
import { formatDocs, MAX_ANSWER_CHARS } from '../qa/format.js';
import { figureKey, findFigures } from './figures.js';

/** Units sharing this much of their words say nearly the same thing. */
const NEAR_SAME = 0.85;

/**
 * `bot`: the bot over this content when the caller has one already, or the index cache folder to build it with
 * (building an index reads WordNet; a cache the bot has filled for this content makes it quick).
 */
export function contentWarnings(content: Content, bot: { answerer?: Answerer; cacheDir?: string } = {}): ContentProblem[] {
  return [...longUnits(content), ...repeatedUnits(content), ...unusedTerms(content), ...quizFigures(content), ...indicatorGaps(content), ...draftQuiz(content), ...unansweredQuestions(content, bot)];
}

/**
 * The pack's own example questions (the title slide's and each section's), asked of the bot as a participant
 * would: one it declines is never offered as a suggestion, and says the pack does not answer what it promises.
 */
function unansweredQuestions(content: Content, { answerer, cacheDir }: { answerer?: Answerer; cacheDir?: string }): ContentProblem[] {
  const asked = [
    ...(content.meta.examples ?? []).map((q, i) => ({ q, at: { file: 'meta.json', item: 'examples', index: i + 1, field: `examples.${i}` } })),
    ...content.sections.flatMap((s, si) => (s.questions ?? []).map((q, i) => ({ q, at: { file: 'sections.json', item: s.id, index: si + 1, field: `questions.${i}` } }))),
  ];
  if (!asked.length) return [];
  const declined = (bot: Answerer) =>
    asked
      .filter(({ q }) => !bot.answer(q).answered)
      .map(({ q, at }) => ({ ...at, message: `the bot does not answer "${q}" from this pack, yet the pack offers it as an example (such a question is left out of suggestions): reword it, or add what it asks to a unit` }));
  if (answerer) return declined(answerer);
  // (With no cache folder given, a folder of its own, removed after.)
  const dir = cacheDir ?? mkdtempSync(join(tmpdir(), 'workshop-check-'));
  try {
    return declined(createAnswerer(content, loadSearchIndex(content, dir)));
  } finally {
    if (!cacheDir) rmSync(dir, { recursive: true, force: true });
  }
}

const unitAt = (content: Content, unitId: string) => {
  for (const [si, s] of content.sections.entries()) {
    const ui = s.units.findIndex((u) => u.id === unitId);
    if (ui >= 0) return { file: 'sections.json', item: s.id, index: si + 1, field: `units.${ui}.text` };
  }
  return { file: 'sections.json', item: unitId };
};

/** A unit whose answer (its text and the citation the bot adds, formatted by the bot itself) would be cut. */
function longUnits(content: Content): ContentProblem[] {
  return buildSearchDocs(content)
    .filter((d) => d.kind === 'unit')
    .flatMap((doc) => {
      const answer = formatDocs([doc]).text;
      if (answer.includes(doc.text)) return [];
      // (The citation as the bot gives it: a long list of sources is already cut down to leave the text room.)
      const cite = answer.slice(answer.lastIndexOf(' (Source: '));
      return [{
        ...unitAt(content, doc.ref.slice(2)),
        message:
          `${doc.text.length} characters; with the citation the bot adds ("${cite.trim()}", ${cite.length}) the answer would be ` +
          `${doc.text.length + cite.length}, over the ${MAX_ANSWER_CHARS} a chat answer holds, so it is cut: split the unit or shorten it`,
      }];
    });
}

const stems = (text: string) => words(text).filter((w) => !isStopWord(w)).map(stem);

/** The same unit text twice, or nearly (most words shared), wherever it stands in the deck. */
function repeatedUnits(content: Content): ContentProblem[] {
  const units = content.sections.flatMap((s) => s.units.map((u) => ({ id: u.id, section: s.id, bag: new Set(stems(u.text)), exact: words(u.text).join(' ') })));
  const out: ContentProblem[] = [];
  units.forEach((u, i) => {
    for (const earlier of units.slice(0, i)) {
      let same = u.exact === earlier.exact;
      let share = 1;
      if (!same && u.bag.size >= 5 && earlier.bag.size >= 5) {
        const shared = [...u.bag].filter((w) => earlier.bag.has(w)).length;
        share = shared / (u.bag.size + earlier.bag.size - shared);
        same = share >= NEAR_SAME;
      }
      if (!same) continue;
      const where = earlier.section === u.section ? '' : ` in section "${earlier.section}"`;
      out.push({
        ...unitAt(content, u.id),
        message: share === 1 && u.exact === earlier.exact
          ? `the same text as unit "${earlier.id}"${where}: keep one`
          : `nearly the same text as unit "${earlier.id}"${where} (${Math.round(share * 100)}% of words shared): keep one, or make each say something of its own`,
      });
      break;
    }
  });
  return out;
}

/** Glossary terms that neither the sections, the indicators nor the title slide use, in any of their forms. */
function unusedTerms(content: Content): ContentProblem[] {
  const m = content.meta;
  const deck = [
    ...[m.title, m.workshop, m.session, m.organisation, m.presenter, m.location].map((t) => t ?? ''),
    ...content.sections.flatMap((s) => [s.title, ...s.units.flatMap((u) => [u.text, ...u.keywords])]),
    ...content.indicators.flatMap((i) => [i.name, i.label ?? '', i.definition, i.question]),
  ];
  const text = ` ${deck.map((t) => words(t).map(stem).join(' ')).join(' | ')} `;
  const used = (phrase: string) => {
    const ws = words(phrase).map(stem);
    return ws.length > 0 && text.includes(` ${ws.join(' ')} `);
  };
  return content.glossary.flatMap((g, gi) =>
    [g.term, ...g.synonyms].some(used)
      ? []
      : [{ file: 'glossary.json', item: g.term, index: gi + 1, field: 'term', message: 'used nowhere in the deck (sections, indicators, title slide): check its spelling, or remove it if the deck does not use it' }],
  );
}

/** Every figure the pack states: in its units and titles, its indicators' figures and its sources. */
function statedFigures(content: Content): Set<string> {
  const texts = [
    ...content.sections.flatMap((s) => [s.title, s.source ?? '', ...s.units.map((u) => u.text)]),
    content.indicatorSet.source ?? '',
    ...content.indicators.map((i) => i.global?.source ?? ''),
  ];
  const keys = new Set(texts.flatMap((t) => findFigures(t).map(figureKey)));
  const add = (kind: string, v: number | undefined) => v !== undefined && keys.add(`${kind}:${v}`);
  add('count', content.indicatorSet.population?.count);
  for (const i of content.indicators) {
    add('count', i.global?.count);
    add('percent', i.global?.share);
    add('count', i.global?.year);
    add('count', i.global?.of?.count);
  }
  return keys;
}

/** The indicator a quiz item asks about: the one whose name (or label) its question uses. */
function indicatorAsked(content: Content, q: QuizItem): Indicator | undefined {
  const question = ` ${words(q.question).map(stem).join(' ')} `;
  return content.indicators.find((i) => [i.name, i.label ?? ''].some((n) => n && question.includes(` ${words(n).map(stem).join(' ')} `)));
}

/** Quiz answers that differ from the indicator's figure, and figures in explanations that nothing in the pack states. */
function quizFigures(content: Content): ContentProblem[] {
  const stated = statedFigures(content);
  const out: ContentProblem[] = [];
  content.quiz.forEach((q, qi) => {
    const at = { file: 'quiz.json', item: q.id, index: qi + 1 };
    const right = q.choices[q.answer] ?? '';
    const ind = indicatorAsked(content, q);
    const g = ind?.global;
    for (const f of findFigures(right)) {
      const given = f.kind === 'percent' ? g?.share : f.kind === 'count' ? g?.count : undefined;
      if (ind && given !== undefined && Math.abs(given - f.value) > 0.5) {
        out.push({ ...at, field: `choices.${q.answer}`, message: `the right choice says ${f.text}, but indicator "${ind.id}" gives ${f.kind === 'percent' ? `a share of ${given}%` : `a count of ${given}`}` });
      } else if (!stated.has(figureKey(f))) {
        out.push({ ...at, field: `choices.${q.answer}`, message: `the right choice says ${f.text}, which no unit or indicator of the pack states: check it against the deck` });
      }
    }
    for (const f of findFigures(q.explanation)) {
      if (!stated.has(figureKey(f))) out.push({ ...at, field: 'explanation', message: `says ${f.text}, which no unit or indicator of the pack states: check it against the deck` });
    }
  });
  return out;
}

const PLACEHOLDER = /^\s*(?:todo|tbd|tba|fixme|x{2,}|\?+|-+|…|\.{3}|n\/a|none|lorem ipsum.*)?\s*$/i;

/** Indicators whose readiness question or next step is blank or a placeholder, or whose question asks nothing. */
function indicatorGaps(content: Content): ContentProblem[] {
  return content.indicators.flatMap((ind, ii) => {
    const at = { file: 'indicators.json', item: ind.id, index: ii + 1 };
    const out: ContentProblem[] = [];
    if (PLACEHOLDER.test(ind.question)) out.push({ ...at, field: 'question', message: 'no readiness question yet: write the yes/partly/no question an official answers' });
    else if (!/\?\s*$/.test(ind.question)) out.push({ ...at, field: 'question', message: 'does not end with "?": the self-assessment asks it as a yes/partly/no question' });
    if (PLACEHOLDER.test(ind.nextStep)) out.push({ ...at, field: 'nextStep', message: 'no next step yet: say what a government that lacks it could do first' });
    return out;
  });
}

/** Quiz items the import drafted and nobody has checked yet. */
function draftQuiz(content: Content): ContentProblem[] {
  return content.quiz.flatMap((q, qi) =>
    q.draft ? [{ file: 'quiz.json', item: q.id, index: qi + 1, field: 'draft', message: 'drafted by content import: check the question, the right answer and the wrong choices, then remove "draft"' }] : [],
  );
}
