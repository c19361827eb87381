// /report, /export and /unanswered: what trainers learn from their cohorts.
import type { CommandContext, CommandSpec } from '../core/context.js';
import { clip } from '../core/clip.js';
import { text, type Outgoing } from '../core/messages.js';
import { cohortExport } from './export.js';
import { cohortReport } from './report.js';
import { cohortByCode, firstWord, isReply, usage } from './shared.js';
import { formatShort } from './when.js';

const UNANSWERED_LIMIT = 30;

export function insightCommands(): CommandSpec[] {
  return [
    {
      name: 'report',
      usage: 'report CODE',
      summary: "a cohort's readiness, quiz scores and open questions, with a chart",
      trainerOnly: true,
      handler: async (ctx) => {
        if (!ctx.args.trim()) return usage('Usage: /report CODE, e.g. /report K7MPQ2 (/cohorts lists the codes)');
        const cohort = await cohortByCode(ctx, ctx.args.trim());
        return isReply(cohort) ? cohort : cohortReport(ctx.services, cohort);
      },
    },
    {
      name: 'export',
      usage: 'export CODE',
      summary: "members' results as a CSV file",
      trainerOnly: true,
      handler: async (ctx) => {
        if (!ctx.args.trim()) return usage('Usage: /export CODE, e.g. /export K7MPQ2 (/cohorts lists the codes)');
        const cohort = await cohortByCode(ctx, ctx.args.trim());
        return isReply(cohort) ? cohort : cohortExport(ctx.services, cohort);
      },
    },
    {
      name: 'unanswered',
      usage: 'unanswered [CODE]',
      summary: 'questions I could not answer (/unanswered done ID marks one handled)',
      trainerOnly: true,
      handler: unanswered,
    },
  ];
}

async function unanswered(ctx: CommandContext): Promise<Outgoing[]> {
  const { store, timeZone } = ctx.services;
  const [first, rest] = firstWord(ctx.args);
  if (first.toLowerCase() === 'done') {
    if (!rest || /\s/.test(rest)) return usage('Usage: /unanswered done ID (the id is shown in /unanswered)');
    const ok = rest.length <= 40 && (await store.markUnansweredHandled(rest));
    return [text(ok ? `Marked question ${rest} as handled.` : `There is no open question ${clip(rest, 40)}. /unanswered lists the open ones.`)];
  }
  let cohortId: string | undefined;
  if (first) {
    const cohort = await cohortByCode(ctx, first);
    if (isReply(cohort)) return cohort;
    cohortId = cohort.id;
  }
  const codes = new Map((await store.listCohorts()).map((c) => [c.id, c.code]));
  const open = await store.listUnanswered({ cohortId });
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
