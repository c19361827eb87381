// /export CODE: members' results as a CSV file (one row per member), for the trainer's own analysis.
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { BotServices } from '../core/context.js';
import { parseUserKey, type Outgoing } from '../core/messages.js';
import { readinessAnswersFromSession, scoreReadiness } from '../quiz/readiness.js';
import type { CohortRecord, SessionRecord } from '../store/types.js';
import { plural } from '../core/words.js';
import { MIN_GROUP } from '../cohorts/access.js';
import { formatShort } from '../followups/when.js';
import { byPerson, loadCohortData, quizShare } from './report.js';

/**
 * Spreadsheets run cells that start with these (after any spaces) as formulas; a leading apostrophe keeps them
 * text. Every cell is also quoted (see cohortCsv), so a spreadsheet that splits on ';' or tabs cannot cut a
 * cell such as ';=1+1' into a second cell that starts with '='.
 */
const safeCell = (v: string): string => (/^[\s]*[=+\-@]/.test(v) || /^[\t\r]/.test(v) ? `'${v}` : v);

/**
 * Excel reads a CSV without a byte-order mark in the machine's legacy code page, so "Mere Tāvita" or "Ōtara"
 * come out garbled; with it, Excel, LibreOffice, Numbers and Google Sheets all read UTF-8.
 */
const UTF8_BOM = '\uFEFF';

/** Right answers and questions of a quiz, as two numbers a spreadsheet can add up. */
const quizCells = (s: SessionRecord | undefined): [string, string] => (s ? [String(s.score ?? 0), String(s.items.length)] : ['', '']);

export interface CohortCsv {
  data: Buffer;
  /** Members whose readiness results, or quiz scores, are left out (fewer than MIN_GROUP completed, not shared). */
  hidden: { readiness: number; quiz: number };
  completed: { readiness: number; quiz: number };
}

/**
 * One row per member. Like the report, results by name need MIN_GROUP members who completed the same activity;
 * before that a member's answers and scores are in the file only if they shared them (/share). Who completed
 * what, and when, is always there: trainers follow up on that.
 */
export async function cohortCsv(services: BotServices, cohort: CohortRecord): Promise<CohortCsv> {
  const { content, timeZone } = services;
  const data = await loadCohortData(services, cohort);
  const readiness = byPerson(data.readiness);
  const quizzes = byPerson(data.quizzes);
  const open = { readiness: readiness.size >= MIN_GROUP, quiz: quizzes.size >= MIN_GROUP };
  const hidden = { readiness: 0, quiz: 0 };
  const header = [
    'platform',
    'id',
    'name',
    'joined',
    'reachable',
    'shares_results',
    'readiness_date',
    'readiness_score',
    'readiness_max',
    'readiness_level',
    ...content.indicators.map((i) => `readiness_${i.id}`),
    'readiness_attempts',
    'quiz_attempts',
    'quiz_best_correct',
    'quiz_best_total',
    'quiz_latest_correct',
    'quiz_latest_total',
  ];
  const rows = data.members.map((m) => {
    const r = readiness.get(m.key) ?? [];
    const latest = r[r.length - 1];
    const q = quizzes.get(m.key) ?? [];
    const showReadiness = open.readiness || m.sharesResults;
    const showQuiz = open.quiz || m.sharesResults;
    if (latest && !showReadiness) hidden.readiness++;
    if (q.length && !showQuiz) hidden.quiz++;
    const answers = latest && showReadiness ? readinessAnswersFromSession(latest.items, latest.answers) : {};
    const scored = latest && showReadiness ? scoreReadiness(content, answers) : undefined;
    const best = q.length && showQuiz ? q.reduce((a, b) => (quizShare(b) > quizShare(a) ? b : a)) : undefined;
    return [
      m.platform,
      safeCell(parseUserKey(m.key)?.id ?? m.key),
      safeCell(m.name ?? ''),
      formatShort(m.joinedAt, timeZone),
      m.reachable ? 'yes' : 'no',
      m.sharesResults ? 'yes' : 'no',
      latest ? formatShort(latest.finishedAt ?? latest.updatedAt, timeZone) : '',
      scored ? String(scored.score) : '',
      scored ? String(scored.max) : '',
      scored ? scored.level.name : '',
      ...content.indicators.map((i) => answers[i.id] ?? ''),
      String(r.length),
      String(q.length),
      ...quizCells(best),
      ...quizCells(showQuiz ? q[q.length - 1] : undefined),
    ];
  });
  // Quoted cells keep their delimiters inside them whichever delimiter the reader's locale splits on.
  const csv = Buffer.from(UTF8_BOM + stringify([header, ...rows], { quoted: true }), 'utf8');
  return { data: csv, hidden, completed: { readiness: readiness.size, quiz: quizzes.size } };
}

/** Why some results are not in the file, in a sentence or two; '' when nothing is left out. */
function hiddenNote(c: CohortCsv): string {
  const parts: string[] = [];
  const have = (n: number) => `${n} of the ${MIN_GROUP} needed ${n === 1 ? 'has' : 'have'}`;
  if (c.hidden.readiness) parts.push(`readiness results of ${plural(c.hidden.readiness, 'member')} (${have(c.completed.readiness)} completed it)`);
  if (c.hidden.quiz) parts.push(`quiz scores of ${plural(c.hidden.quiz, 'member')} (${have(c.completed.quiz)} taken one)`);
  if (!parts.length) return '';
  return ` Left out, as in /report: ${parts.join(' and ')}; a member's own results are in from the start if they send /share.`;
}

export async function cohortExport(services: BotServices, cohort: CohortRecord): Promise<Outgoing[]> {
  const csv = await cohortCsv(services, cohort);
  // The trainer's date, like the times inside: an export made at 08:00 in Ulaanbaatar is not dated yesterday.
  const day = DateTime.fromJSDate(services.clock.now(), { zone: services.timeZone }).toISODate();
  return [
    {
      kind: 'file',
      data: csv.data,
      filename: `cohort-${cohort.code}-${day}.csv`,
      mime: 'text/csv',
      caption: `Results of "${cohort.name}" (${cohort.code}), one row per member.${hiddenNote(csv)} Times in ${services.timeZone}.`,
    },
  ];
}
