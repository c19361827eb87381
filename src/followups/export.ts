// /export CODE: members' results as a CSV file (one row per member), for the trainer's own analysis.
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { BotServices } from '../core/context.js';
import { parseUserKey, type Outgoing } from '../core/messages.js';
import { readinessAnswersFromSession, scoreReadiness } from '../quiz/readiness.js';
import type { CohortRecord, SessionRecord } from '../store/types.js';
import { byPerson, loadCohortData, quizShare } from './report.js';
import { formatShort } from './when.js';

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

export async function cohortCsv(services: BotServices, cohort: CohortRecord): Promise<Buffer> {
  const { content, timeZone } = services;
  const data = await loadCohortData(services, cohort);
  const readiness = byPerson(data.readiness);
  const quizzes = byPerson(data.quizzes);
  const header = [
    'platform',
    'id',
    'name',
    'joined',
    'reachable',
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
    const answers = latest ? readinessAnswersFromSession(latest.items, latest.answers) : {};
    const scored = latest ? scoreReadiness(content, answers) : undefined;
    const q = quizzes.get(m.key) ?? [];
    const best = q.length ? q.reduce((a, b) => (quizShare(b) > quizShare(a) ? b : a)) : undefined;
    return [
      m.platform,
      safeCell(parseUserKey(m.key)?.id ?? m.key),
      safeCell(m.name ?? ''),
      formatShort(m.joinedAt, timeZone),
      m.reachable ? 'yes' : 'no',
      latest ? formatShort(latest.finishedAt ?? latest.updatedAt, timeZone) : '',
      scored ? String(scored.score) : '',
      scored ? String(scored.max) : '',
      scored ? scored.level.name : '',
      ...content.indicators.map((i) => (latest ? (answers[i.id] ?? '') : '')),
      String(r.length),
      String(q.length),
      ...quizCells(best),
      ...quizCells(q[q.length - 1]),
    ];
  });
  // Quoted cells keep their delimiters inside them whichever delimiter the reader's locale splits on.
  return Buffer.from(UTF8_BOM + stringify([header, ...rows], { quoted: true }), 'utf8');
}

export async function cohortExport(services: BotServices, cohort: CohortRecord): Promise<Outgoing[]> {
  const data = await cohortCsv(services, cohort);
  // The trainer's date, like the times inside: an export made at 08:00 in Port Moresby is not dated yesterday.
  const day = DateTime.fromJSDate(services.clock.now(), { zone: services.timeZone }).toISODate();
  return [
    {
      kind: 'file',
      data,
      filename: `cohort-${cohort.code}-${day}.csv`,
      mime: 'text/csv',
      caption: `Results of "${cohort.name}" (${cohort.code}), one row per member. Times in ${services.timeZone}.`,
    },
  ];
}
