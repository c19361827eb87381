// /report, /export and /unanswered: what trainers learn from their cohorts.
import type { CommandContext } from '../core/context.js';
import { clip } from '../core/clip.js';
import { text, type Outgoing } from '../core/messages.js';
import { firstWord, usage } from '../core/words.js';
import { ownCohortByCode, visibleCohorts } from '../cohorts/access.js';
import { isReply } from '../cohorts/codes.js';
import { formatShort } from '../followups/when.js';
import { cohortExport } from './export.js';
import { cohortReport } from './report.js';

const UNANSWERED_LIMIT = 30;

/** /report CODE. */
export async function report(ctx: CommandContext): Promise<Outgoing[]> {
  if (!ctx.args.trim()) return usage('Usage: /report CODE, e.g. /report K7MPQ2 (/cohorts lists the codes)');
  const cohort = await ownCohortByCode(ctx, ctx.args.trim());
  return isReply(cohort) ? cohort : cohortReport(ctx.services, cohort);
}

/** /export CODE. */
export async function exportCsv(ctx: CommandContext): Promise<Outgoing[]> {
  if (!ctx.args.trim()) return usage('Usage: /export CODE, e.g. /export K7MPQ2 (/cohorts lists the codes)');
  const cohort = await ownCohortByCode(ctx, ctx.args.trim());
  return isReply(cohort) ? cohort : cohortExport(ctx.services, cohort);
}

/** /unanswered [CODE], /unanswered done ID. */
export async function unanswered(ctx: CommandContext): Promise<Outgoing[]> {
  const { store, timeZone } = ctx.services;
  const [first, rest] = firstWord(ctx.args);
  const cohorts = await visibleCohorts(ctx);
  const codes = new Map(cohorts.map((c) => [c.id, c.code]));
  // Administrators see every question, also from people in no cohort; other trainers, their cohorts' members'.
  const scope = ctx.isAdmin() ? {} : { cohortIds: [...codes.keys()] };
  if (first.toLowerCase() === 'done') {
    if (!rest || /\s/.test(rest)) return usage('Usage: /unanswered done ID (the id is shown in /unanswered)');
    const mine = rest.length <= 40 && (await store.listUnanswered(scope)).some((u) => u.id === rest);
    const ok = mine && (await store.markUnansweredHandled(rest));
    return [text(ok ? `Marked question ${rest} as handled.` : `There is no open question ${clip(rest, 40)} for your cohorts. /unanswered lists the open ones.`)];
  }
  let filter: { cohortId?: string; cohortIds?: string[] } = scope;
  if (first) {
    const cohort = await ownCohortByCode(ctx, first);
    if (isReply(cohort)) return cohort;
    filter = { cohortId: cohort.id };
  }
  const open = await store.listUnanswered(filter);
  if (!open.length) return [text('No open questions: everything asked has been answered or handled.')];
  const shown = open.slice(-UNANSWERED_LIMIT).reverse();
  const lines = shown.map((u) => {
    const cohorts = u.cohortIds.map((id) => codes.get(id)).filter(Boolean);
    return `• ${u.id} · ${formatShort(u.askedAt, timeZone)}${cohorts.length ? ` · ${cohorts.join(', ')}` : ''} · "${clip(u.question, 200)}"`;
  });
  const more = open.length > shown.length ? [`(${open.length - shown.length} older not shown)`] : [];
  return [
    text([`Questions I could not answer (${open.length} open, newest first, times in ${timeZone}):`, ...lines, ...more, 'Mark one handled with /unanswered done ID.'].join('\n')),
  ];
}
