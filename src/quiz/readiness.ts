// The readiness self-assessment: choices, prompts, answer parsing and scoring against the indicators.
import { formatCount } from '../content/figures.js';
import type { Content, Indicator } from '../content/schema.js';
import { globalAdoption, populationText, sectionTitles, type GlobalAdoption } from './adoption.js';
import { editDistance, looksLikeQuestion } from './near-miss.js';

export type ReadinessValue = 'yes' | 'partly' | 'no' | 'unknown';

/** The four answers, in the order buttons show them. Shaped like a core `Choice`. */
export const READINESS_CHOICES: readonly { label: string; value: ReadinessValue }[] = [
  { label: 'Yes', value: 'yes' },
  { label: 'Partly', value: 'partly' },
  { label: 'No', value: 'no' },
  { label: "Don't know", value: 'unknown' },
];

const VALUES = READINESS_CHOICES.map((c) => c.value);

export const readinessLabel = (v: ReadinessValue): string =>
  READINESS_CHOICES.find((c) => c.value === v)?.label ?? v;

export const isReadinessValue = (v: unknown): v is ReadinessValue =>
  typeof v === 'string' && (VALUES as string[]).includes(v);

export const readinessPoints = (v: ReadinessValue): number => (v === 'yes' ? 1 : v === 'partly' ? 0.5 : 0);

export function readinessIntro(content: Content): string {
  const n = content.indicators.length;
  return (
    `Readiness check: ${n} question${n === 1 ? '' : 's'}, one for each of the ${content.indicatorSet.name}${content.indicatorSet.source ? ` (${content.indicatorSet.source})` : ''}. ` +
    'Your answers are kept so you can compare later; only you and the trainers of cohorts you join can see them, ' +
    'and /forget erases them.'
  );
}

/** What /readiness says for a pack without indicators (a fresh import, or a workshop that has no self-assessment). */
export function noReadinessText(content: Content, hasQuiz: boolean): string {
  return (
    `This workshop has no readiness self-assessment, so there is nothing to fill in here. ` +
    `You can ask me anything about "${content.meta.title}"${hasQuiz ? ', or test yourself with /quiz' : ''}.`
  );
}

/** `index` is 0-based (SessionRecord.index); people read it 1-based. */
export function readinessPrompt(_content: Content, indicator: Indicator, index: number, total: number): string {
  return `Question ${index + 1} of ${total} · ${indicator.name}\n${indicator.question}`;
}

const WORDS: Record<string, ReadinessValue> = {
  yes: 'yes', y: 'yes', yeah: 'yes', yep: 'yes', '1': 'yes',
  partly: 'partly', partially: 'partly', part: 'partly', 'in part': 'partly', somewhat: 'partly', p: 'partly', '2': 'partly',
  no: 'no', n: 'no', nope: 'no', 'not yet': 'no', '3': 'no',
  "don't know": 'unknown', 'dont know': 'unknown', 'do not know': 'unknown', 'not sure': 'unknown',
  unsure: 'unknown', idk: 'unknown', unknown: 'unknown', '?': 'unknown', '4': 'unknown',
};

/** A typed or pressed answer; undefined when it is not one of the four. */
export function parseReadinessAnswer(text: string): ReadinessValue | undefined {
  const t = text
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  if (t === '?' || t === '??') return 'unknown';
  return WORDS[t.replace(/[.!]+$/, '').trim()] ?? nearReadinessAnswer(t);
}

const FIRST_WORDS: [string, ReadinessValue][] = [
  ['yes', 'yes'], ['yeah', 'yes'], ['yep', 'yes'], ['yup', 'yes'], ['partly', 'partly'], ['partially', 'partly'],
  ['somewhat', 'partly'], ['no', 'no'], ['nope', 'no'], ['nah', 'no'], ['not', 'no'], ['none', 'no'],
];

/**
 * A short answer in the person's words: "yes we do", "partly, a draft", "no not yet", "we don't know", or a typo
 * ("yse", "partyl"). A question, or anything longer than a few words, is not an answer.
 */
function nearReadinessAnswer(t: string): ReadinessValue | undefined {
  if (looksLikeQuestion(t)) return undefined;
  const words = t.replace(/[^a-z' ]+/g, ' ').split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 5) return undefined;
  const said = ` ${words.join(' ')} `;
  if (/ (don'?t know|do not know|dont know|not sure|no idea|unsure|dunno|idk) /.test(said)) return 'unknown';
  if (/ (partly|partially|in part|somewhat) /.test(said)) return 'partly';
  const first = words[0]!;
  const close = FIRST_WORDS.find(([w]) => w === first) ?? FIRST_WORDS.find(([w]) => w.length >= 3 && first.length >= 3 && editDistance(first, w, 1) <= 1);
  // "yes and no", "nah we have it": the rest says the opposite, so it is no answer.
  const against = close?.[1] === 'yes' ? NO_WORDS : close?.[1] === 'no' ? YES_WORDS : undefined;
  if (against && words.slice(1).some((w) => against.has(w))) return undefined;
  return close?.[1];
}

const YES_WORDS = new Set(['yes', 'yeah', 'yep', 'yup', 'have', 'has', 'do', 'does', 'exists', 'exist']);
const NO_WORDS = new Set(['no', 'nope', 'nah', 'not', "don't", "doesn't", "haven't", "hasn't", 'none']);

/** A stored session's items/answers as a map (answers that are not readiness values are dropped). */
export function readinessAnswersFromSession(
  items: readonly string[],
  answers: readonly (string | null)[],
): Record<string, ReadinessValue> {
  const out: Record<string, ReadinessValue> = {};
  items.forEach((id, i) => {
    const a = answers[i];
    if (isReadinessValue(a)) out[id] = a;
  });
  return out;
}

export interface ReadinessLevel {
  key: 'early' | 'developing' | 'established' | 'advanced';
  name: string;
  /** One line on what the band means. */
  description: string;
}

/** Four bands by share of the maximum: below 25%, below 50%, below 75%, and the rest. */
export const READINESS_LEVELS: readonly (ReadinessLevel & { from: number })[] = [
  { from: 0, key: 'early', name: 'Early', description: 'Most of the foundations are still to be laid.' },
  { from: 0.25, key: 'developing', name: 'Developing', description: 'Some foundations are in place; many gaps remain.' },
  { from: 0.5, key: 'established', name: 'Established', description: 'Most foundations are in place; a few gaps remain.' },
  { from: 0.75, key: 'advanced', name: 'Advanced', description: 'Nearly all foundations are in place.' },
];

export function readinessLevel(score: number, max: number): ReadinessLevel {
  const ratio = max > 0 ? score / max : 0;
  const band = [...READINESS_LEVELS].reverse().find((l) => ratio >= l.from) ?? READINESS_LEVELS[0]!;
  return { key: band.key, name: band.name, description: band.description };
}

export interface ReadinessRow {
  indicatorId: string;
  name: string;
  /** 'unknown' also when the question was not answered. */
  answer: ReadinessValue;
  points: number;
  global?: GlobalAdoption;
}

export interface ReadinessGap extends ReadinessRow {
  nextStep: string;
  /** Titles of the deck sections to read. */
  read: string[];
}

export interface ReadinessResult {
  score: number;
  max: number;
  level: ReadinessLevel;
  /** One per indicator, in content order. */
  rows: ReadinessRow[];
  /** The three most urgent gaps, in the order of GAP_RULE. */
  gaps: ReadinessGap[];
}

export function scoreReadiness(content: Content, answers: Record<string, string | undefined>): ReadinessResult {
  const rows: ReadinessRow[] = content.indicators.map((ind) => {
    const given = answers[ind.id];
    const answer: ReadinessValue = isReadinessValue(given) ? given : 'unknown';
    return { indicatorId: ind.id, name: ind.name, answer, points: readinessPoints(answer), global: globalAdoption(content, ind) };
  });
  const score = rows.reduce((sum, r) => sum + r.points, 0);
  const max = rows.length;
  return { score, max, level: readinessLevel(score, max), rows, gaps: rankGaps(content, rows).slice(0, 3) };
}

/** How urgent each answer short of Yes is: something missing comes before something not known, then something partly there. */
const URGENCY: Record<Exclude<ReadinessValue, 'yes'>, number> = { no: 0, unknown: 1, partly: 2 };

/** The order of the gaps, said in the result (formatGaps). */
export const GAP_RULE = "No first, then Don't know, then Partly; among the same answer, what most others already have first";

/** Every answer short of Yes, by GAP_RULE (no global figure last among the same answer, then the deck's order). */
function rankGaps(content: Content, rows: ReadinessRow[]): ReadinessGap[] {
  const share = (r: ReadinessRow) => r.global?.share ?? -1;
  const urgency = (r: ReadinessRow) => URGENCY[r.answer as Exclude<ReadinessValue, 'yes'>];
  return rows
    .map((r, order) => ({ r, order }))
    .filter(({ r }) => r.answer !== 'yes')
    .sort((a, b) => urgency(a.r) - urgency(b.r) || share(b.r) - share(a.r) || a.order - b.order)
    .map(({ r }) => {
      const ind = content.indicators.find((i) => i.id === r.indicatorId)!;
      return { ...r, nextStep: ind.nextStep, read: sectionTitles(content, ind.sections) };
    });
}

export interface CohortReadinessRow {
  indicatorId: string;
  /** Percent (0-100) of those who answered this indicator who said Yes; null when nobody did. */
  yesShare: number | null;
  /** How many people answered it (Don't know counts as an answer). */
  answered: number;
}

/** Per indicator, the share of a cohort's answers that are Yes: the input of renderCohortChart. */
export function cohortReadinessRows(
  content: Content,
  people: readonly Record<string, string | undefined>[],
): CohortReadinessRow[] {
  return content.indicators.map((ind) => {
    const given = people.map((p) => p[ind.id]).filter(isReadinessValue);
    const yes = given.filter((v) => v === 'yes').length;
    return { indicatorId: ind.id, yesShare: given.length ? (yes / given.length) * 100 : null, answered: given.length };
  });
}

/** Longest chat message we send; every platform takes at least this much. */
export const MAX_MESSAGE_CHARS = 3500;

export interface PreviousReadiness {
  result: ReadinessResult;
  /** When the previous check was finished. */
  at: Date;
  /** IANA zone to show its date in; UTC by default. */
  timeZone?: string;
}

/** Chat messages for a finished check: score, how you compare, the top gaps, and what changed. */
export function formatReadinessResult(content: Content, result: ReadinessResult, previous?: PreviousReadiness): string[] {
  const head = `Your readiness: ${fmtScore(result.score)}/${result.max} (${result.level.name})\n${result.level.description}`;
  const compare = [
    `How you compare${content.indicatorSet.population ? ` with ${populationText(content.indicatorSet.population)}` : ''}${content.indicatorSet.source ? ` (${content.indicatorSet.source})` : ''}:`,
    ...result.rows.map(compareLine),
  ].join('\n');
  const messages = [head, compare, formatGaps(result)];
  if (previous) messages.push(formatChange(result, previous));
  return messages.flatMap((m) => splitMessage(m, MAX_MESSAGE_CHARS));
}

const fmtScore = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

const MARK: Record<ReadinessValue, string> = { yes: '✓', partly: '◐', no: '✗', unknown: '?' };

/** "N of the 150 partner towns (79%)", or "93% of the 150 partner towns" when the pack gives only a share. */
function howMany(g: GlobalAdoption): { count: string; isCount: boolean } {
  return g.count !== undefined
    ? { count: `${formatCount(g.count)} of ${populationText(g.of)} (${Math.round(g.share)}%)`, isCount: true }
    : { count: `${Math.round(g.share)}% of ${populationText(g.of)}`, isCount: false };
}

export function compareLine(row: ReadinessRow): string {
  const mark = MARK[row.answer];
  const g = row.global;
  const what: Record<ReadinessValue, string> = {
    yes: 'you have it',
    partly: 'you have it in part',
    no: 'you do not have it yet',
    unknown: "you don't know yet",
  };
  if (!g) return `${mark} ${row.name}: ${what[row.answer]} (the workshop material gives no figure for it).`;
  const { count } = howMany(g);
  const tail =
    row.answer === 'yes' ? `, like ${count}.`
    : row.answer === 'no' ? `; ${count} do.`
    : `; ${count} have it.`;
  return `${mark} ${row.name}: ${what[row.answer]}${tail}`;
}

function formatGaps(result: ReadinessResult): string {
  if (result.gaps.length === 0) return 'No gaps: you answered Yes for every indicator. Well done.';
  const title =
    result.gaps.length === 1 ? 'Your most urgent gap' : `Your ${result.gaps.length} most urgent gaps`;
  const lines = [`${title} (${GAP_RULE}):`];
  result.gaps.forEach((g, i) => {
    const figure = g.global ? `; ${howMany(g.global).count} have it` : '';
    lines.push(`${i + 1}. ${g.name} (you said: ${readinessLabel(g.answer)}${figure})`);
    lines.push(`   Next step: ${g.nextStep}`);
    if (g.read.length) lines.push(`   Read: ${g.read.join('; ')}`);
  });
  return lines.join('\n');
}

function formatDate(at: Date, timeZone = 'UTC'): string {
  try {
    return at.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone });
  } catch {
    // An unknown zone name must not spoil the whole result.
    return at.toISOString().slice(0, 10);
  }
}

function formatChange(result: ReadinessResult, previous: PreviousReadiness): string {
  const before = previous.result;
  const delta = result.score - before.score;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const lines = [
    `Since your last check on ${formatDate(previous.at, previous.timeZone)}: ` +
      `${fmtScore(before.score)}/${before.max} → ${fmtScore(result.score)}/${result.max} (${sign}${fmtScore(Math.abs(delta))}).`,
  ];
  const up: string[] = [];
  const down: string[] = [];
  for (const row of result.rows) {
    const old = before.rows.find((r) => r.indicatorId === row.indicatorId);
    if (!old || old.points === row.points) continue;
    const moved = `${row.name} (${readinessLabel(old.answer)} → ${readinessLabel(row.answer)})`;
    (row.points > old.points ? up : down).push(moved);
  }
  if (up.length) lines.push(`Up: ${up.join(', ')}.`);
  if (down.length) lines.push(`Down: ${down.join(', ')}.`);
  if (!up.length && !down.length) lines.push('No indicator moved up or down.');
  return lines.join('\n');
}

/** Splits at line ends (or hard, for a single over-long line) so no piece exceeds `max`. */
export function splitMessage(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const out: string[] = [];
  let cur = '';
  for (const line of text.split('\n')) {
    for (let i = 0; i < Math.max(1, line.length); i += max) {
      const piece = line.slice(i, i + max);
      if (cur && cur.length + 1 + piece.length > max) {
        out.push(cur);
        cur = piece;
      } else cur = cur ? `${cur}\n${piece}` : piece;
    }
  }
  if (cur) out.push(cur);
  return out;
}
