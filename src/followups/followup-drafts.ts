// Reading "/followup CODE ..." in natural wording, and confirming with the trainer what the bot had to guess.
import { DateTime } from 'luxon';
import { clip } from '../core/clip.js';
import type { CommandContext } from '../core/context.js';
import { MAX_QUIZ_LENGTH } from '../core/flows.js';
import { text, type Choice, type Outgoing } from '../core/messages.js';
import type { CohortRecord, FollowupRecord } from '../store/types.js';
import { firstWord, plural } from '../core/words.js';
import { mayActOn } from '../cohorts/access.js';
import { describeKind, leadingKind, noteOf, readWhat, type WhatKind, type WhatReading } from './what.js';
import { formatSpoken, formatWhen, hasPassed, parseWhen, type WhenGuess } from './when.js';

export type FollowupReading =
  | { ok: true; at: Date; what: WhatReading; guess?: WhenGuess }
  | { ok: false; problem: 'no-time' | 'no-what' | 'quiz-length'; input: string }
  | { ok: false; problem: 'past'; at: Date };

/**
 * The time and what to send, in either order: "in 2 weeks a readiness re-check", "friday 3pm quiz 10",
 * "a readiness re-check in 2 weeks", "tomorrow 9am Bring your strategy" (a message follows its time).
 */
export function readFollowup(input: string, now: Date, timeZone: string): FollowupReading {
  let when = parseWhen(input, now, timeZone);
  let what: WhatReading | undefined;
  if (!when.ok && when.reason === 'missing') {
    const lead = leadingKind(input);
    const later = lead && parseWhen(lead.after.replace(/^\s*[:,;–—-]?\s*/, ''), now, timeZone);
    if (lead && later && (later.ok || later.reason === 'past')) {
      when = later;
      if (later.ok) what = { kind: lead.kind, ...(lead.quizLength ? { quizLength: lead.quizLength } : {}), text: noteOf(later.rest) };
    }
  }
  if (!when.ok) return when.reason === 'past' ? { ok: false, problem: 'past', at: when.at! } : { ok: false, problem: 'no-time', input };
  if (!what) {
    if (!when.rest) return { ok: false, problem: 'no-what', input };
    what = readWhat(when.rest);
  }
  const length = what.quizLength ?? what.alternative?.quizLength;
  if (length !== undefined && (length < 1 || length > MAX_QUIZ_LENGTH)) return { ok: false, problem: 'quiz-length', input };
  return { ok: true, at: when.at, what, ...(when.guess ? { guess: when.guess } : {}) };
}

const people = (n: number) => plural(n, 'person', 'people');

/** "a readiness re-check with the note "..."", or "the message "..."". */
export function describeFollowup(f: Pick<FollowupRecord, 'kind' | 'text' | 'quizLength'>, max = 80): string {
  if (f.kind === 'message') return `the message "${clip(f.text, max)}"`;
  return `${describeKind(f)}${f.text ? ` with the note "${clip(f.text, max)}"` : ''}`;
}

/** What the bot chose for the time, said plainly. */
function guessLine(guess: WhenGuess, at: Date, timeZone: string): string {
  const hour = DateTime.fromJSDate(at, { zone: timeZone }).toFormat('HH:mm');
  if (guess.kind === 'no-hour') return `No hour was given, so I chose ${hour}, the start of a working day.`;
  if (guess.kind === 'part-of-day') return `I read "${guess.words}" as ${hour}.`;
  return `"${guess.words}" has no am or pm, so I read it as ${hour}.`;
}

const confirmValue = (id: string, as?: WhatKind) =>
  `/followup confirm ${id}${as ? ` ${as.kind}${as.quizLength ? ` ${as.quizLength}` : ''}` : ''}`;

/** The question a draft asks: what goes to whom and when, with Yes / Change (and the other reading, if any). */
export function draftQuestion(f: FollowupRecord, what: WhatReading, guess: WhenGuess | undefined, cohort: CohortRecord, members: number, timeZone: string, now: Date): Outgoing {
  const when = formatSpoken(f.dueAt, timeZone, now);
  const lines = [`Send ${describeFollowup(f, 200)} to ${cohort.code} (${people(members)}) on ${when}?`];
  const choices: Choice[] = [{ label: 'Yes', value: confirmValue(f.id) }];
  if (what.alternative) {
    const other = describeKind(what.alternative);
    lines.push(`It mentions ${other.replace(/^an? /, 'a ')}: if you meant ${other} itself (the questions, with your text as its note), choose that.`);
    choices[0] = { label: 'Yes, the message', value: confirmValue(f.id) };
    choices.push({ label: `No, ${other}`, value: confirmValue(f.id, what.alternative) });
  }
  if (guess) lines.push(guessLine(guess, f.dueAt, timeZone));
  choices.push({ label: 'Change', value: `/followup change ${f.id}` });
  return text(lines.join('\n'), choices);
}

/** The reply once a follow-up is scheduled. */
export function scheduledReply(f: FollowupRecord, cohort: CohortRecord, members: number, timeZone: string): Outgoing[] {
  return [
    text(
      [
        `Follow-up ${f.id} scheduled for ${formatWhen(f.dueAt, timeZone)}: ${describeFollowup(f, 200)} to "${cohort.name}" (${cohort.code}).`,
        `It goes to whoever is a member then (${plural(members, 'member')} now), each on their own platform. I'll report back when it has gone out.`,
        `Cancel with /followup cancel ${f.id}`,
      ].join('\n'),
    ),
  ];
}

/** The trainer's own draft, for Yes and Change; anything else gets the same reply as a draft that does not exist. */
async function ownDraft(ctx: CommandContext, id: string): Promise<FollowupRecord | Outgoing[]> {
  const { store } = ctx.services;
  const f = id && id.length <= 40 ? await store.getFollowup(id) : undefined;
  if (!f || f.createdBy !== ctx.userKey || !(await mayActOn(ctx, f.cohortId))) {
    return [text(`There is no follow-up ${clip(id, 40)} of yours waiting for a Yes. /followups lists the scheduled ones.`)];
  }
  if (f.status === 'draft') return f;
  if (f.status === 'cancelled') return [text(`That follow-up was not scheduled, so nothing will be sent. Send /followup again to schedule one.`)];
  return [text(`Follow-up ${f.id} is already scheduled (/followups lists it; /followup cancel ${f.id} cancels it).`)];
}

/** Yes: `/followup confirm ID [quiz N|readiness]` schedules the draft, as it is or as the other reading. */
export async function confirmDraft(ctx: CommandContext, args: string): Promise<Outgoing[]> {
  const [id, as] = firstWord(args);
  const draft = await ownDraft(ctx, id);
  if (Array.isArray(draft)) return draft;
  const { store, clock, timeZone } = ctx.services;
  const now = clock.now();
  const cohort = await store.getCohort(draft.cohortId);
  if (!cohort) return [text('That cohort no longer exists, so nothing was scheduled.')];
  if (hasPassed(draft.dueAt, now)) {
    await store.cancelFollowup(draft.id, now);
    return [text(`${formatWhen(draft.dueAt, timeZone)} has passed meanwhile, so nothing was scheduled. Send /followup ${cohort.code} again with a new time.`)];
  }
  const other = as ? leadingKind(as) : undefined;
  const kind = other ? { kind: other.kind, ...(other.quizLength ? { quizLength: other.quizLength } : {}) } : undefined;
  if (!(await store.confirmFollowup(draft.id, now, kind))) return [text(`Follow-up ${draft.id} was already answered. /followups lists what is scheduled.`)];
  const scheduled = { ...draft, status: 'scheduled' as const, ...(kind ?? {}) };
  if (kind && !kind.quizLength) delete scheduled.quizLength;
  return scheduledReply(scheduled, cohort, (await store.listMembers(cohort.id)).length, timeZone);
}

/** Change: drops the draft and says how to say it again. */
export async function changeDraft(ctx: CommandContext, args: string): Promise<Outgoing[]> {
  const [id] = firstWord(args);
  const draft = await ownDraft(ctx, id);
  if (Array.isArray(draft)) return draft;
  const { store, clock } = ctx.services;
  await store.cancelFollowup(draft.id, clock.now());
  const code = (await store.getCohort(draft.cohortId))?.code ?? 'CODE';
  return [
    text(
      `Nothing is scheduled. Send it again with the day, the hour and what to send, e.g. /followup ${code} wednesday 10am a readiness re-check, ` +
        `/followup ${code} friday 3pm quiz 10, or /followup ${code} tomorrow 9am followed by your message.`,
    ),
  ];
}
