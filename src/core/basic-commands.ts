// Everyone's commands' handlers: help, questions, the two flows, results, time zone and privacy.
import { exampleQuestions } from '../content/examples.js';
import type { Content } from '../content/schema.js';
import { knowledgeBank } from '../quiz/knowledge.js';
import { clip } from './clip.js';
import { rolesOf } from './commands.js';
import type { CommandContext, CommandHandler } from './context.js';
import { MAX_QUIZ_LENGTH } from './flows.js';
import { text, type Outgoing } from './messages.js';

const example = (content: Content, i = 0): string => exampleQuestions(content)[i] ?? exampleQuestions(content)[0] ?? 'What is this session about?';

/** /help (and a bare /start, with a welcome): the workshop, how to ask, and the commands the sender may run. */
export async function help(ctx: CommandContext): Promise<Outgoing[]> {
  const { content } = ctx.services;
  const { meta } = content;
  const registry = ctx.bot.commands;
  const roles = rolesOf(await ctx.isTrainer(), ctx.isAdmin());
  const listed = registry.listed(content, roles);
  const lines = [
    `${ctx.command === 'start' ? 'Hello! ' : ''}I'm the assistant for "${meta.title}" (${meta.workshop}).`,
    `Ask me anything about the session in your own words, e.g. "${example(content)}"`,
    'Everyday commands work with or without the slash (e.g. "quiz", "join CODE").',
    '',
    ...listed.filter((c) => c.role === 'everyone').map((c) => registry.helpLine(c, content)),
  ];
  const trainers = listed.filter((c) => c.role !== 'everyone');
  if (trainers.length) lines.push('', 'For trainers:', ...trainers.map((c) => registry.helpLine(c, content)));
  return [text(lines.join('\n'))];
}

export const ask: CommandHandler = async (ctx) =>
  ctx.args ? ctx.bot.ask(ctx, ctx.args) : [text(`Ask me a question after /ask, e.g. /ask ${example(ctx.services.content, 1)}`)];

export const readiness: CommandHandler = (ctx) => ctx.bot.flows.startReadiness(ctx.userKey);

export const hasReadiness = (content: Content): boolean => content.indicators.length > 0;

export const quiz: CommandHandler = async (ctx) => {
  if (!ctx.args) return ctx.bot.flows.startQuiz(ctx.userKey);
  const n = Number(ctx.args);
  if (!Number.isInteger(n) || n < 1 || n > MAX_QUIZ_LENGTH) {
    return [text(`Say how many questions as a number from 1 to ${MAX_QUIZ_LENGTH}, e.g. /quiz 10.`)];
  }
  return ctx.bot.flows.startQuiz(ctx.userKey, n);
};

const quizCounts = new WeakMap<Content, number>();
/** Whether the pack has any quiz question (its own, or ones made from its indicators). */
export function hasQuiz(content: Content): boolean {
  let n = quizCounts.get(content);
  if (n === undefined) quizCounts.set(content, (n = knowledgeBank(content).length));
  return n > 0;
}

export const stop: CommandHandler = async (ctx) => {
  const { store, clock } = ctx.services;
  const active = await store.getActiveSession(ctx.userKey);
  if (!active) return [text('Nothing is in progress. Try /quiz or /readiness.')];
  await store.stopSession(active.id, clock.now());
  const what = active.kind === 'readiness' ? 'self-assessment' : 'quiz';
  return [text(`Stopped your ${what} after ${active.index} of ${active.items.length} questions.`)];
};

export const results: CommandHandler = async (ctx) => {
  const done = (await ctx.services.store.listSessions(ctx.userKey)).filter((s) => s.status === 'done');
  if (!done.length) return [text('No results yet. Try /readiness or /quiz.')];
  return [text(['Your results:', ...done.slice(-15).map((s) => `• ${ctx.bot.flows.describe(s)}`)].join('\n'))];
};

export const timezone: CommandHandler = async (ctx) => {
  const { store, clock } = ctx.services;
  if (!ctx.args) {
    return [text(`Times are shown in ${ctx.services.timeZone}. Set yours with /timezone ZONE, e.g. /timezone America/Panama (or /timezone default).`)];
  }
  if (/^(default|reset|server)$/i.test(ctx.args)) {
    await store.setTimeZone(ctx.userKey, undefined, clock.now());
    return [text('Your times now follow the server’s time zone.')];
  }
  const zone = canonicalZone(ctx.args);
  if (!zone) return [text(`"${clip(ctx.args, 60)}" is not a time zone I know. Use a name like America/Panama, Asia/Ulaanbaatar or UTC.`)];
  await store.setTimeZone(ctx.userKey, zone, clock.now());
  return [text(`Done: times are now read and shown in ${zone}.`)];
};

export const privacy: CommandHandler = async (ctx) => [text(privacyText(ctx.services.store.kind))];

export const forget: CommandHandler = async (ctx) => {
  if (/^(no|cancel|keep|stop)$/i.test(ctx.args)) return [text('Nothing was erased: your answers, results and cohorts are kept as they were.')];
  if (!/^(confirm|yes)$/i.test(ctx.args)) {
    return [
      text('This erases your answers, results, questions and cohort memberships for good. Are you sure?', [
        { label: 'Yes', value: 'forget:confirm' },
        { label: 'No', value: '/forget no' },
      ]),
    ];
  }
  await ctx.bot.forget(ctx.userKey);
  return [text('Done: everything kept about you has been erased. If you write again, I start afresh.')];
};

/** What /privacy says; what stays in the database's files after /forget depends on the database. */
export function privacyText(store: 'sqlite' | 'postgres'): string {
  return [
    'What I keep: your name and chat address on this platform (so follow-ups can reach you), your readiness answers and results, your quiz answers and scores, your cohort memberships, and questions I could not answer.',
    'Who can see it: you (/results); the trainers who run the cohorts you join (the trainer who made each cohort and the trainers they share it with); and the workshop’s administrators, who see every cohort and every question I could not answer. Trainers get what follows only in a private chat with me.',
    // 5: MIN_GROUP in src/followups/small-groups.ts.
    'What trainers see: your name, platform and when you joined; whether and when you did the readiness check and quizzes; in reports, averages and shares only once 5 members have completed the same activity (before that, counts and a spread without names); in exports, your answers and scores by name once 5 members of the cohort have completed that activity, or from the start if you send /share (/share off takes it back); and the questions members asked that I could not answer.',
    `Erase it: /forget removes everything kept about you at once. ${
      store === 'sqlite'
        ? 'The erased data is overwritten in the database files straight away.'
        : 'The database (PostgreSQL) drops it at once, but the bytes can stay in its data files until its routine clean-up (VACUUM) reuses the space, and in its write-ahead log and backups until those are recycled.'
    }`,
  ].join('\n\n');
}

/** The IANA name for a zone typed in any case ("pacific/port_moresby"), or undefined. */
function canonicalZone(input: string): string | undefined {
  const wanted = input.trim().replace(/\s+/g, '_');
  const known = Intl.supportedValuesOf('timeZone');
  const match = known.find((z) => z.toLowerCase() === wanted.toLowerCase());
  if (match) return match;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: wanted }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
