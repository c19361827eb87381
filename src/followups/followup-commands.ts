// /followup CODE WHEN WHAT, /followup cancel ID and /followups: scheduling follow-ups for a cohort.
import { clip } from '../core/clip.js';
import type { CommandContext } from '../core/context.js';
import { newId } from '../core/ids.js';
import { MAX_QUIZ_LENGTH } from '../core/flows.js';
import { PLATFORMS, text, type Outgoing } from '../core/messages.js';
import type { FollowupKind, FollowupRecord, Store } from '../store/types.js';
import { firstWord, usage } from '../core/words.js';
import { mayActOn, ownCohortByCode, visibleCohorts } from '../cohorts/access.js';
import { isReply } from '../cohorts/codes.js';
import { changeDraft, confirmDraft, describeFollowup, draftQuestion, readFollowup, scheduledReply } from './followup-drafts.js';
import { formatShort, formatWhen } from './when.js';

const MAX_TEXT = 2000;
const LIST_LIMIT = 20;

const USAGE = [
  'Usage: /followup CODE WHEN WHAT',
  'WHEN: now, tomorrow 9am, in 3 days at 9:00, next Monday 10am, 2026-12-01 09:00 (a day without an hour is confirmed at 09:00)',
  'WHAT: a readiness re-check, a quiz (quiz 10 for 10 questions), or any message text. A note may follow the quiz or re-check.',
  'Examples: /followup K7MPQ2 in 2 weeks a readiness re-check',
  '          /followup K7MPQ2 friday 3pm quiz 10',
  '          /followup K7MPQ2 tomorrow 9am Remember to bring your national strategy.',
  'Cancel: /followup cancel ID · List: /followups [CODE]',
];

export const KIND_LABEL: Record<FollowupKind, string> = {
  message: 'a message',
  quiz: 'a knowledge quiz',
  readiness: 'a readiness re-check',
};

/** /followup CODE WHEN WHAT, /followup cancel ID, and the draft's Yes and Change buttons. */
export async function followup(ctx: CommandContext): Promise<Outgoing[]> {
  const [first, rest] = firstWord(ctx.args);
  if (!first) return usage(...USAGE);
  const verb = first.toLowerCase();
  if (verb === 'cancel') return cancel(ctx, rest);
  // The buttons under a confirmation ("Yes" / "Change").
  if (verb === 'confirm') return confirmDraft(ctx, rest);
  if (verb === 'change') return changeDraft(ctx, rest);

  const cohort = await ownCohortByCode(ctx, first);
  if (isReply(cohort)) return cohort;
  const { store, clock, timeZone } = ctx.services;
  const now = clock.now();
  const read = readFollowup(rest, now, timeZone);
  if (!read.ok) {
    if (read.problem === 'past') return [text(`${formatWhen(read.at, timeZone)} has already passed. Pick a time in the future, or say now.`)];
    if (read.problem === 'no-what') return usage('What should go out? Add a readiness re-check, a quiz or a message after the time.', ...USAGE.slice(3, 6));
    if (read.problem === 'quiz-length') return usage(`A quiz has 1 to ${MAX_QUIZ_LENGTH} questions, e.g. /followup ${cohort.code} friday 3pm quiz 10.`);
    return usage(`I couldn't read a time in "${clip(rest, 60)}".`, ...USAGE.slice(1));
  }
  const { what, guess } = read;
  if (what.text.length > MAX_TEXT) return usage(`Please keep the message under ${MAX_TEXT} characters.`);

  // A guessed hour, or wording that may mean a message or the quiz itself: asked, not guessed (followup-drafts.ts).
  const unsure = Boolean(guess || what.alternative);
  const record: FollowupRecord = {
    id: newId(),
    cohortId: cohort.id,
    kind: what.kind,
    text: what.text,
    ...(what.quizLength ? { quizLength: what.quizLength } : {}),
    dueAt: read.at,
    status: unsure ? 'draft' : 'scheduled',
    createdBy: ctx.userKey,
    createdAt: now,
  };
  await store.createFollowup(record);
  const members = (await store.listMembers(cohort.id)).length;
  if (unsure) return [draftQuestion(record, what, guess, cohort, members, timeZone, now)];
  return scheduledReply(record, cohort, members, timeZone);
}

async function cancel(ctx: CommandContext, id: string): Promise<Outgoing[]> {
  if (!id || /\s/.test(id)) return usage('Usage: /followup cancel ID (the id is in the confirmation, or see /followups)');
  const { store, clock } = ctx.services;
  const existing = id.length <= 40 ? await store.getFollowup(id) : undefined;
  // Another trainer's follow-up gets the same reply as one that does not exist.
  if (!existing || !(await mayActOn(ctx, existing.cohortId))) return [text(`There is no follow-up ${clip(id, 40)} for your cohorts. /followups lists them.`)];
  if (await store.cancelFollowup(id, clock.now())) return [text(`Cancelled follow-up ${id}. Nothing will be sent.`)];
  if (existing.status === 'cancelled') return [text(`Follow-up ${id} was already cancelled.`)];
  return [text(`Follow-up ${id} has already ${existing.status === 'done' ? 'gone out' : 'started going out'}, so it can't be cancelled.`)];
}

/** /followups [CODE]. */
export async function listFollowups(ctx: CommandContext): Promise<Outgoing[]> {
  const { store, timeZone } = ctx.services;
  let cohortId: string | undefined;
  if (ctx.args.trim()) {
    const cohort = await ownCohortByCode(ctx, ctx.args.trim());
    if (isReply(cohort)) return cohort;
    cohortId = cohort.id;
  }
  const codes = new Map((await visibleCohorts(ctx)).map((c) => [c.id, c.code]));
  const all = (await store.listFollowups(cohortId)).filter((f) => codes.has(f.cohortId));
  if (!all.length) return [text('No follow-ups yet. Schedule one with /followup CODE WHEN WHAT.')];
  // Upcoming first (soonest first), then the most recent that went out.
  const upcoming = all.filter((f) => f.status === 'scheduled');
  const past = all.filter((f) => f.status !== 'scheduled').reverse();
  const shown = [...upcoming, ...past].slice(0, LIST_LIMIT);
  const lines = await Promise.all(
    shown.map(async (f) => `• ${f.id} · ${codes.get(f.cohortId) ?? '?'} · ${formatShort(f.dueAt, timeZone)} · ${describeFollowup(f, 60)} · ${await describeStatus(store, f)}`),
  );
  const more = all.length > shown.length ? [`(${all.length - shown.length} older not shown)`] : [];
  return [text([`Follow-ups (times in ${timeZone}):`, ...lines, ...more].join('\n'))];
}

/** Status with delivery counts, and who is still waiting on an unconfigured platform. */
export async function describeStatus(store: Store, f: FollowupRecord): Promise<string> {
  if (f.status === 'scheduled' || f.status === 'cancelled') return f.status;
  const c = await store.deliveryCounts(f.id);
  const parts = [`${c.sent} of ${c.total} sent`];
  if (c.unreachable) parts.push(`${c.unreachable} unreachable`);
  if (c.failed) parts.push(`${c.failed} failed`);
  if (c.pending) {
    const waiting = await pendingByPlatform(store, f.id);
    parts.push(`${c.pending} pending (${waiting})`);
  }
  return `${f.status === 'done' ? 'done' : 'sending'}: ${parts.join(', ')}`;
}

export async function pendingByPlatform(store: Store, followupId: string): Promise<string> {
  const counts = new Map<string, number>();
  for (const d of await store.listDeliveries(followupId)) {
    if (d.status !== 'pending') continue;
    const platform = PLATFORMS.find((p) => d.userKey.startsWith(`${p}:`)) ?? 'unknown';
    counts.set(platform, (counts.get(platform) ?? 0) + 1);
  }
  return [...counts].map(([p, n]) => `${n} on ${p}`).join(', ');
}
