// /export CODE: members' results as a CSV file (one row per member), for the trainer's own analysis.
import { stringify } from 'csv-stringify/sync';
import type { BotServices } from '../core/context.js';
import type { Outgoing } from '../core/messages.js';
import { readinessAnswersFromSession, scoreReadiness } from '../quiz/readiness.js';
import type { CohortRecord, UserRecord } from '../store/types.js';
import { byPerson, loadCohortData, quizShare } from './report.js';
import { formatShort } from './when.js';

/** The store may tell when a member joined; older stores only know when we first saw them. */
type Member = UserRecord & { joinedAt?: Date };

/**
 * Spreadsheets run cells that start with these (after any spaces) as formulas; a leading apostrophe keeps them
 * text. Every cell is also quoted (see cohortCsv), so a spreadsheet that splits on ';' or tabs cannot cut a
 * cell such as ';=1+1' into a second cell that starts with '='.
 */
const safeCell = (v: string): string => (/^[\s]*[=+\-@]/.test(v) || /^[\t\r]/.test(v) ? `'${v}` : v);

export async function cohortCsv(services: BotServices, cohort: CohortRecord): Promise<Buffer> {
  const { content, timeZone } = services;
  const data = await loadCohortData(services, cohort);
  const readiness = byPerson(data.readiness);
  const quizzes = byPerson(data.quizzes);
  const header = [
    'name',
    'platform',
    'joined',
    'reachable',
    'readiness_date',
    'readiness_score',
    'readiness_max',
    'readiness_level',
    ...content.indicators.map((i) => `readiness_${i.id}`),
    'readiness_attempts',
    'quiz_attempts',
    'quiz_best',
    'quiz_latest',
  ];
  const rows = (data.members as Member[]).map((m) => {
    const r = readiness.get(m.key) ?? [];
    const latest = r[r.length - 1];
    const answers = latest ? readinessAnswersFromSession(latest.items, latest.answers) : {};
    const scored = latest ? scoreReadiness(content, answers) : undefined;
    const q = quizzes.get(m.key) ?? [];
    const best = q.length ? q.reduce((a, b) => (quizShare(b) > quizShare(a) ? b : a)) : undefined;
    const lastQuiz = q[q.length - 1];
    const score = (s: typeof best) => (s ? `${s.score ?? 0}/${s.items.length}` : '');
    return [
      safeCell(m.name ?? ''),
      m.platform,
      formatShort(m.joinedAt ?? m.createdAt, timeZone),
      m.reachable ? 'yes' : 'no',
      latest ? formatShort(latest.finishedAt ?? latest.updatedAt, timeZone) : '',
      scored ? String(scored.score) : '',
      scored ? String(scored.max) : '',
      scored ? scored.level.name : '',
      ...content.indicators.map((i) => (latest ? (answers[i.id] ?? '') : '')),
      String(r.length),
      String(q.length),
      score(best),
      score(lastQuiz),
    ];
  });
  // Quoted cells keep their delimiters inside them whichever delimiter the reader's locale splits on.
  return Buffer.from(stringify([header, ...rows], { quoted: true }), 'utf8');
}

export async function cohortExport(services: BotServices, cohort: CohortRecord): Promise<Outgoing[]> {
  const data = await cohortCsv(services, cohort);
  const day = services.clock.now().toISOString().slice(0, 10);
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
