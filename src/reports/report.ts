// /report CODE: a cohort's members, readiness, quiz scores and open questions, with small groups shown as counts only.
import { clip } from '../core/clip.js';
import type { BotServices } from '../core/context.js';
import { text, type Outgoing } from '../core/messages.js';
import type { Content } from '../content/schema.js';
import { globalAdoption, pct } from '../quiz/adoption.js';
import { renderCohortChart, type CohortChartRow } from '../quiz/chart.js';
import { readinessAnswersFromSession, readinessLevel, scoreReadiness } from '../quiz/readiness.js';
import type { CohortRecord, MemberRecord, SessionRecord, UnansweredRecord } from '../store/types.js';
import { plural } from '../core/words.js';
import { MIN_GROUP } from '../cohorts/access.js';
import { smallQuiz, smallReadiness } from './small-groups.js';

/** byPerson's lists are never empty: each holds at least the record that made it. */
const last = <T>(xs: readonly T[]): T => xs[xs.length - 1]!;
const first = <T>(xs: readonly T[]): T => xs[0]!;

const TOP_QUESTIONS = 5;

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

const finished = (s: SessionRecord): number => (s.finishedAt ?? s.updatedAt).getTime();

/** Each person's finished sessions, in the order they finished them (first to latest). */
export function byPerson(sessions: readonly SessionRecord[]): Map<string, SessionRecord[]> {
  const out = new Map<string, SessionRecord[]>();
  for (const s of [...sessions].sort((a, b) => finished(a) - finished(b))) out.set(s.userKey, [...(out.get(s.userKey) ?? []), s]);
  return out;
}

/** Readiness points of a finished session, recomputed from its answers (the same way the person saw them). */
export const readinessPoints = (content: Content, s: SessionRecord): number =>
  scoreReadiness(content, readinessAnswersFromSession(s.items, s.answers)).score;

export const quizShare = (s: SessionRecord): number => (s.items.length ? (s.score ?? 0) / s.items.length : 0);

export interface CohortData {
  cohort: CohortRecord;
  members: MemberRecord[];
  readiness: SessionRecord[];
  quizzes: SessionRecord[];
  unanswered: UnansweredRecord[];
}

export async function loadCohortData(services: BotServices, cohort: CohortRecord): Promise<CohortData> {
  const { store } = services;
  const members = await store.listMembers(cohort.id);
  const keys = members.map((m) => m.key);
  const [readiness, quizzes, unanswered] = await Promise.all([
    keys.length ? store.listFinishedSessions(keys, 'readiness') : [],
    keys.length ? store.listFinishedSessions(keys, 'quiz') : [],
    store.listUnanswered({ cohortId: cohort.id, includeHandled: true }),
  ]);
  return { cohort, members, readiness, quizzes, unanswered };
}

/** The report's text lines, and the chart rows when the group is large enough to show shares. */
export function summarizeCohort(content: Content, d: CohortData): { lines: string[]; chart?: CohortChartRow[] } {
  const lines = [`Report for "${d.cohort.name}" (${d.cohort.code})`];
  const reachable = d.members.filter((m) => m.reachable).length;
  lines.push(`Members: ${d.members.length} (${reachable} reachable${d.members.length > reachable ? `, ${d.members.length - reachable} unreachable` : ''})`);
  const max = content.indicators.length;

  // Readiness: each member's latest result, and the change since their first.
  const readiness = byPerson(d.readiness);
  const latest = [...readiness.values()].map((list) => last(list));
  lines.push('', `Readiness self-assessment: ${latest.length} of ${plural(d.members.length, 'member')} completed it.`);
  let chart: CohortChartRow[] | undefined;
  if (latest.length >= MIN_GROUP) {
    const avg = latest.reduce((sum, s) => sum + readinessPoints(content, s), 0) / latest.length;
    lines.push(`Average latest score: ${fmt(avg)}/${max} (${readinessLevel(avg, max).name}).`);
    lines.push(`Answering Yes (latest answers of ${latest.length} people; world = % of ${content.indicatorSet.population?.label ?? 'countries'}):`);
    chart = content.indicators.map((ind) => {
      const yes = latest.filter((s) => readinessAnswersFromSession(s.items, s.answers)[ind.id] === 'yes').length;
      const share = (yes / latest.length) * 100;
      const world = globalAdoption(content, ind)?.share;
      lines.push(`• ${ind.name}: ${pct(share)}%${world !== undefined ? ` (world ${pct(world)}%)` : ''}`);
      return { indicatorId: ind.id, yesShare: share };
    });
  } else if (latest.length > 0) {
    lines.push(...smallReadiness(content, latest));
  }
  const retook = [...readiness.values()].filter((list) => list.length >= 2);
  if (retook.length >= MIN_GROUP) {
    const change = retook.reduce((sum, l) => sum + readinessPoints(content, last(l)) - readinessPoints(content, first(l)), 0) / retook.length;
    lines.push(`Change since their first assessment (${retook.length} people who took it again): ${change >= 0 ? '+' : ''}${fmt(change)} points on average.`);
  } else if (retook.length > 0) {
    lines.push(`${plural(retook.length, 'member')} took it again (fewer than ${MIN_GROUP}: the average change is hidden).`);
  }

  // Knowledge quizzes: best and latest score per person.
  const quizzes = byPerson(d.quizzes);
  lines.push('', `Knowledge quiz: ${plural(quizzes.size, 'member')} took ${plural(d.quizzes.length, 'quiz', 'quizzes')}.`);
  if (quizzes.size >= MIN_GROUP) {
    const people = [...quizzes.values()];
    const avgLatest = people.reduce((sum, l) => sum + quizShare(last(l)), 0) / people.length;
    const avgBest = people.reduce((sum, l) => sum + Math.max(...l.map(quizShare)), 0) / people.length;
    lines.push(`Average latest score: ${pct(avgLatest * 100)}%; average best score: ${pct(avgBest * 100)}%.`);
  } else if (quizzes.size > 0) {
    lines.push(...smallQuiz([...quizzes.values()].map((l) => quizShare(last(l)!))));
  }

  lines.push('', ...topQuestions(d.unanswered));
  return { lines, chart };
}

/** The questions members asked most often that the bot could not answer (same words, any case). */
export function topQuestions(unanswered: readonly UnansweredRecord[]): string[] {
  if (!unanswered.length) return ['Questions I could not answer: none so far.'];
  const groups = new Map<string, { text: string; n: number }>();
  for (const u of unanswered) {
    const key = u.question.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const g = groups.get(key) ?? { text: u.question, n: 0 };
    g.n++;
    groups.set(key, g);
  }
  const top = [...groups.values()].sort((a, b) => b.n - a.n).slice(0, TOP_QUESTIONS);
  return [
    `Questions I could not answer (${unanswered.length}; most frequent first, /unanswered for all):`,
    ...top.map((g) => `• "${clip(g.text, 200)}"${g.n > 1 ? ` (asked ${g.n} times)` : ''}`),
  ];
}

export async function cohortReport(services: BotServices, cohort: CohortRecord): Promise<Outgoing[]> {
  const data = await loadCohortData(services, cohort);
  const { lines, chart } = summarizeCohort(services.content, data);
  const out: Outgoing[] = [text(lines.join('\n'))];
  if (!chart) return out;
  try {
    const png = await renderCohortChart(services.content, chart, `"${cohort.name}": answering Yes, against global adoption`);
    out.push({ kind: 'image', png, alt: `Share of "${cohort.name}" answering Yes per indicator, against global adoption`, filename: `cohort-${cohort.code}.png` });
  } catch (err) {
    // The figures stand on their own; a chart failure must not lose them.
    services.logger.warn({ err }, 'cohort chart failed');
  }
  return out;
}
