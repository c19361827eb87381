// Knowledge quizzes: the question bank (content items plus questions generated from indicators), picking, checking.
import { formatCount } from '../content/figures.js';
import type { Content, Indicator } from '../content/schema.js';
import { citeIndicator, citeSource, globalAdoption, populationText, sectionTitle, sectionTitles } from './adoption.js';
import { nearChoices } from './near-miss.js';

export interface KnowledgeQuestion {
  /** Stable across restarts: content quiz ids as they are, generated ones `gen-<kind>-<indicator id>`. */
  id: string;
  question: string;
  choices: string[];
  /** Index of the right choice. */
  answer: number;
  explanation: string;
  /** Citation people read, e.g. "Legal basis, Figure 2.4". */
  source: string;
  /** The deck section the citation starts with ("Legal basis"): the review lists each section once. */
  section?: string;
}

/** Choices must keep at least this far apart so a question tests knowledge, not luck with 127 vs 128. */
const MIN_COUNT_GAP = 5;
const MIN_SHARE_GAP = 4;

export function knowledgeBank(content: Content): KnowledgeQuestion[] {
  const fromContent = content.quiz
    .filter((q) => q.answer < q.choices.length && distinct(q.choices))
    .map((q) => ({
      id: q.id,
      question: q.question,
      choices: [...q.choices],
      answer: q.answer,
      explanation: q.explanation,
      source: citeSource(content, q.source),
      section: sectionTitle(content, q.source.section) ?? q.source.section,
    }));
  const generated = content.indicators.flatMap((ind) =>
    [figureQuestion(content, ind), definitionQuestion(content, ind)].filter((q): q is KnowledgeQuestion => q !== undefined),
  );
  const seen = new Set(fromContent.map((q) => q.id));
  return [...fromContent, ...generated.filter((q) => !seen.has(q.id))];
}

const distinct = (xs: string[]): boolean => new Set(xs.map((x) => x.trim().toLowerCase())).size === xs.length;

/** The figure's year, else one in the set's source name, so questions say which year they ask about. */
const figureYear = (content: Content, ind: Indicator): string | undefined =>
  ind.global?.year?.toString() ?? /\b(19|20)\d{2}\b/.exec(content.indicatorSet.source ?? '')?.[0];

/** A count question where the deck gives a count, else a share question where it gives a share. */
function figureQuestion(content: Content, ind: Indicator): KnowledgeQuestion | undefined {
  const g = globalAdoption(content, ind);
  if (!g) return undefined;
  const year = figureYear(content, ind);
  const when = year ? ` (${year})` : '';
  const others = content.indicators.filter((o) => o.id !== ind.id);
  if (g.count !== undefined) {
    const pool = others.map((o) => o.global?.count).filter((c): c is number => c !== undefined);
    const wrong = nearest(g.count, pool, MIN_COUNT_GAP, [0, g.of?.count ?? Math.max(g.count * 2, ...pool)], 3);
    return {
      id: `gen-count-${ind.id}`,
      question: `How many of ${populationText(g.of)} have “${ind.name}”${when}?`,
      ...withAnswer(String(g.count), wrong.map(String)),
      explanation: `${formatCount(g.count)} of ${populationText(g.of)} (${Math.round(g.share)}%) have it.`,
      source: citeIndicator(content, ind),
      ...indicatorSection(content, ind),
    };
  }
  const right = Math.round(g.share);
  const pool = others.map((o) => globalAdoption(content, o)?.share).filter((s): s is number => s !== undefined).map(Math.round);
  const wrong = nearest(right, pool, MIN_SHARE_GAP, [0, 100], 3);
  return {
    id: `gen-share-${ind.id}`,
    question: `What share of ${populationText(g.of)} have “${ind.name}”${when}?`,
    ...withAnswer(`${right}%`, wrong.map((s) => `${s}%`)),
    explanation: `${right}% of ${populationText(g.of)} have it.`,
    source: citeIndicator(content, ind),
    ...indicatorSection(content, ind),
  };
}

/**
 * `n` wrong values, all `gap` apart from each other and from `right`: the nearest other figure
 * below and above first (so the right one is not always the largest or smallest), then the next
 * nearest; a round value a few gaps away stands in on a side where the pool has nothing.
 */
function nearest(right: number, pool: number[], gap: number, range: [number, number], n: number): number[] {
  const taken = [right];
  const fits = (v: number) => v >= range[0] && v <= range[1] && taken.every((t) => Math.abs(t - v) >= gap);
  const byDistance = (xs: number[]) => [...new Set(xs)].sort((a, b) => Math.abs(a - right) - Math.abs(b - right) || a - b);
  const real = byDistance(pool);
  // Two gaps away reads as a real alternative; one gap only when the range leaves no room.
  const made = [2, 1, 3, 4].flatMap((k) => [right - k * gap, right + k * gap]);
  const take = (xs: number[], side: (v: number) => boolean) => {
    const v = xs.find((x) => side(x) && fits(x));
    if (v !== undefined && taken.length <= n) taken.push(v);
    return v !== undefined;
  };
  for (const side of [(v: number) => v < right, (v: number) => v > right]) {
    if (!take(real, side)) take(made, side);
  }
  while (taken.length <= n && (take(real, () => true) || take(made, () => true)));
  return taken.slice(1);
}

function withAnswer(right: string, wrong: string[]): { choices: string[]; answer: number } {
  return { choices: [right, ...wrong], answer: 0 };
}

const STOP = new Set(['a', 'an', 'and', 'the', 'of', 'on', 'to', 'in', 'for', 'or']);
const words = (s: string): Set<string> =>
  new Set(s.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !STOP.has(w)));

/** "Which indicator checks ...?" with the names that share most words with the right one as distractors. */
function definitionQuestion(content: Content, ind: Indicator): KnowledgeQuestion | undefined {
  const mine = words(ind.name);
  const taken = new Set([ind.name.trim().toLowerCase()]);
  const wrong: string[] = [];
  const ranked = content.indicators
    .filter((o) => o.id !== ind.id)
    .map((o) => ({ name: o.name, overlap: [...words(o.name)].filter((w) => mine.has(w)).length, tie: hash(`${ind.id}|${o.id}`) }))
    .sort((a, b) => b.overlap - a.overlap || a.tie - b.tie);
  for (const o of ranked) {
    const key = o.name.trim().toLowerCase();
    if (wrong.length < 3 && !taken.has(key)) {
      taken.add(key);
      wrong.push(o.name);
    }
  }
  if (wrong.length === 0) return undefined;
  const read = sectionTitles(content, ind.sections)[0];
  // Definitions are whole sentences in the content, so they are quoted rather than spliced in.
  return {
    id: `gen-def-${ind.id}`,
    question: `Which indicator checks this? “${ind.definition.trim()}”`,
    ...withAnswer(ind.name, wrong),
    explanation: `That is “${ind.name}”, one of the ${content.indicators.length} ${content.indicatorSet.name}${content.indicatorSet.source ? ` (${content.indicatorSet.source})` : ''}.`,
    source: [read, content.indicatorSet.source].filter(Boolean).join(', ') || ind.name,
    ...(read ? { section: read } : {}),
  };
}

/** The section citeIndicator starts its citation with, when the indicator names one the deck has. */
function indicatorSection(content: Content, ind: Indicator): { section?: string } {
  const title = ind.sections.map((id) => sectionTitle(content, id)).find((t) => t !== undefined);
  return title ? { section: title } : {};
}

/** Finds bank items by id, in the given order; ids no longer in the question bank are skipped. */
export function questionsById(bank: readonly KnowledgeQuestion[], ids: readonly string[]): KnowledgeQuestion[] {
  const byId = new Map(bank.map((q) => [q.id, q]));
  return ids.map((id) => byId.get(id)).filter((q): q is KnowledgeQuestion => q !== undefined);
}

export interface PickOptions {
  /** Returns [0, 1); Math.random by default. */
  rng?: () => number;
  /** Ids the person got wrong last time: asked first. */
  missedBefore?: readonly string[];
}

/** `n` distinct items (capped to the question bank): last time's misses first, the rest shuffled. */
export function pickQuiz(bank: readonly KnowledgeQuestion[], n = 5, opts: PickOptions = {}): KnowledgeQuestion[] {
  const rng = opts.rng ?? Math.random;
  const missed = questionsById(bank, [...new Set(opts.missedBefore ?? [])]);
  const missedIds = new Set(missed.map((q) => q.id));
  const rest = shuffle(bank.filter((q) => !missedIds.has(q.id)), rng);
  const seen = new Set<string>();
  const unique = [...missed, ...rest].filter((q) => !seen.has(q.id) && seen.add(q.id));
  return unique.slice(0, Math.max(0, Math.min(Math.floor(n), unique.length)));
}

function shuffle<T>(xs: readonly T[], rng: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(rng() * (i + 1)));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** 32-bit FNV-1a: a stable seed from text. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: a small seeded generator, so the same seed shows the same order after a restart. */
export function seededRng(seed: string): () => number {
  let a = hash(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The question with its choices in an order fixed by (sessionSeed, id); `answer` points at the right one. */
export function presentQuestion(q: KnowledgeQuestion, sessionSeed: string): KnowledgeQuestion {
  const order = shuffle(q.choices.map((_, i) => i), seededRng(`${sessionSeed}|${q.id}`));
  return { ...q, choices: order.map((i) => q.choices[i]!), answer: order.indexOf(q.answer) };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** "Question 2 of 5" and the question with lettered choices, for chats without buttons. `index` is 0-based. */
export function formatQuestion(q: KnowledgeQuestion, index: number, total: number): string {
  const choices = q.choices.map((c, i) => `${LETTERS.charAt(i).toUpperCase()}) ${c}`);
  return [`Question ${index + 1} of ${total}`, q.question, ...choices].join('\n');
}

/**
 * The index of the choice meant: the label text (case-insensitive) first, since count answers look
 * like numbers, then the 1-based number, then the letter, then text close to one choice only (no commas,
 * short forms like "govt", a typo; see near-miss.ts); undefined when none fits.
 */
export function parseChoice(text: string, choices: readonly string[]): number | undefined {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const t = norm(text);
  if (!t) return undefined;
  const byLabel = choices.findIndex((c) => norm(c) === t);
  if (byLabel >= 0) return byLabel;
  const bare = t.replace(/^\(?\s*/, '').replace(/\s*[).:]?$/, '');
  if (/^\d+$/.test(bare)) {
    const n = Number(bare);
    return n >= 1 && n <= choices.length ? n - 1 : undefined;
  }
  if (/^[a-z]$/.test(bare)) {
    const i = LETTERS.indexOf(bare);
    return i < choices.length ? i : undefined;
  }
  const near = nearChoices(text, choices);
  return near.length === 1 ? near[0] : undefined;
}

export interface AnswerCheck {
  correct: boolean;
  /** The text of the right choice. */
  right: string;
  /** The text of the chosen one (undefined when the index is out of range). */
  chosen?: string;
}

export function checkAnswer(q: KnowledgeQuestion, choice: number): AnswerCheck {
  return { correct: choice === q.answer, right: q.choices[q.answer] ?? '', chosen: q.choices[choice] };
}

/** Right or wrong, the right answer, the one-line explanation and its source. */
export function formatFeedback(q: KnowledgeQuestion, choice: number): string {
  const c = checkAnswer(q, choice);
  const verdict = c.correct
    ? `✓ Right: ${c.right}.`
    : `✗ Not quite${c.chosen !== undefined ? ` (you chose ${c.chosen})` : ''}. The right answer is ${c.right}.`;
  return `${verdict}\n${q.explanation}\nSource: ${q.source}`;
}

export interface QuizOutcome {
  question: KnowledgeQuestion;
  correct: boolean;
}

/** "You scored k/N" and, for the misses, where in the deck to read up. */
export function formatQuizSummary(outcomes: readonly QuizOutcome[]): string {
  const right = outcomes.filter((o) => o.correct).length;
  const head = `You scored ${right}/${outcomes.length}.`;
  const missed = outcomes.filter((o) => !o.correct);
  if (outcomes.length === 0) return head;
  if (missed.length === 0) return `${head} Nothing to review: well done.`;
  return [
    head,
    'To review:',
    ...reviewLines(missed.map((o) => o.question)),
    'Next time, the questions you missed come first.',
  ].join('\n');
}

/**
 * Each section to read once, with the figures and sources cited within it: "Legal basis (Figure 2.4, 2022
 * Survey)", not the same section twice under two citations.
 */
function reviewLines(missed: readonly KnowledgeQuestion[]): string[] {
  const bySection = new Map<string, Set<string>>();
  for (const q of missed) {
    const section = q.section && q.source.startsWith(q.section) ? q.section : q.source;
    const details = bySection.get(section) ?? new Set<string>();
    for (const part of q.source.slice(section.length).split(',')) if (part.trim()) details.add(part.trim());
    bySection.set(section, details);
  }
  return [...bySection].map(([section, details]) => `• ${section}${details.size ? ` (${[...details].join(', ')})` : ''}`);
}
