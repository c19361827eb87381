// Everyone's commands: help, questions, the two flows, results and privacy.
import { exampleQuestions } from '../content/examples.js';
import type { Answer } from '../qa/types.js';
import { clip } from './clip.js';
import type { CommandContext, CommandSpec } from './context.js';
import { DEFAULT_QUIZ_LENGTH, MAX_QUIZ_LENGTH, type Flows } from './flows.js';
import { text, type Outgoing } from './messages.js';

export function formatAnswer(a: Answer): string {
  if (a.answered || !a.suggestions.length) return a.text;
  // The answerer's decline text may already list suggestions; add them only when it does not.
  if (a.suggestions.every((s) => a.text.includes(s))) return a.text;
  return `${a.text}\n\nYou could ask:\n${a.suggestions.map((s) => `• ${s}`).join('\n')}`;
}

export function helpText(ctx: CommandContext, commands: CommandSpec[], trainer: boolean): string {
  const { meta } = ctx.services.content;
  const lines = [
    `I'm the assistant for "${meta.title}" (${meta.workshop}).`,
    `Ask me anything about the session in your own words, e.g. "${exampleQuestions(ctx.services.content)[0] ?? 'What is this session about?'}"`,
    'Everyday commands work with or without the slash (e.g. "quiz", "join CODE").',
    '',
    ...commands.filter((c) => !c.trainerOnly).map((c) => `/${c.usage ?? c.name} — ${c.summary}`),
  ];
  if (trainer) {
    lines.push('', 'For trainers:', ...commands.filter((c) => c.trainerOnly).map((c) => `/${c.usage ?? c.name} — ${c.summary}`));
  }
  return lines.join('\n');
}

export interface BasicCommandHooks {
  ask(ctx: CommandContext, question: string): Promise<Outgoing[]>;
  /** Erases the person everywhere, including anything the bot remembers in memory. */
  forget(userKey: string): Promise<void>;
}

export function basicCommands(flows: Flows, { ask, forget }: BasicCommandHooks): CommandSpec[] {
  return [
    {
      name: 'ask',
      usage: 'ask QUESTION',
      summary: 'ask about the workshop (in a direct chat, just type)',
      handler: async (ctx) =>
        ctx.args ? ask(ctx, ctx.args) : [text(`Ask me a question after /ask, e.g. /ask ${exampleQuestions(ctx.services.content)[1] ?? exampleQuestions(ctx.services.content)[0] ?? 'What is this session about?'}`)],
    },
    {
      name: 'readiness',
      summary: "check your government against the workshop's indicators",
      handler: (ctx) => flows.startReadiness(ctx.userKey),
    },
    {
      name: 'quiz',
      usage: 'quiz [N]',
      summary: `a short knowledge quiz (${DEFAULT_QUIZ_LENGTH} questions, or N up to ${MAX_QUIZ_LENGTH})`,
      handler: async (ctx) => {
        if (!ctx.args) return flows.startQuiz(ctx.userKey);
        const n = Number(ctx.args);
        if (!Number.isInteger(n) || n < 1 || n > MAX_QUIZ_LENGTH) {
          return [text(`Say how many questions as a number from 1 to ${MAX_QUIZ_LENGTH}, e.g. /quiz 10.`)];
        }
        return flows.startQuiz(ctx.userKey, n);
      },
    },
    {
      name: 'stop',
      summary: 'end the quiz or self-assessment in progress',
      handler: async (ctx) => {
        const { store, clock } = ctx.services;
        const active = await store.getActiveSession(ctx.userKey);
        if (!active) return [text('Nothing is in progress. Try /quiz or /readiness.')];
        await store.stopSession(active.id, clock.now());
        const what = active.kind === 'readiness' ? 'self-assessment' : 'quiz';
        return [text(`Stopped your ${what} after ${active.index} of ${active.items.length} questions.`)];
      },
    },
    {
      name: 'results',
      summary: 'your own readiness results and quiz scores',
      handler: async (ctx) => {
        const done = (await ctx.services.store.listSessions(ctx.userKey)).filter((s) => s.status === 'done');
        if (!done.length) return [text('No results yet. Try /readiness or /quiz.')];
        return [text(['Your results:', ...done.slice(-15).map((s) => `• ${flows.describe(s)}`)].join('\n'))];
      },
    },
    {
      name: 'timezone',
      usage: 'timezone [ZONE]',
      summary: 'see or set the time zone your times are shown in (e.g. Pacific/Port_Moresby)',
      handler: async (ctx) => {
        const { store, clock } = ctx.services;
        if (!ctx.args) {
          return [text(`Times are shown in ${ctx.services.timeZone}. Set yours with /timezone ZONE, e.g. /timezone Pacific/Port_Moresby (or /timezone default).`)];
        }
        if (/^(default|reset|server)$/i.test(ctx.args)) {
          await store.setTimeZone(ctx.userKey, undefined, clock.now());
          return [text('Your times now follow the server’s time zone.')];
        }
        const zone = canonicalZone(ctx.args);
        if (!zone) return [text(`"${clip(ctx.args, 60)}" is not a time zone I know. Use a name like Pacific/Port_Moresby, Australia/Brisbane or UTC.`)];
        await store.setTimeZone(ctx.userKey, zone, clock.now());
        return [text(`Done: times are now read and shown in ${zone}.`)];
      },
    },
    {
      name: 'privacy',
      summary: 'what is kept about you and who can see it',
      handler: async (ctx) => [text(privacyText(ctx.services.store.kind))],
    },
    {
      name: 'forget',
      summary: 'erase everything kept about you',
      handler: async (ctx) => {
        if (/^(no|cancel|keep|stop)$/i.test(ctx.args)) return [text('Nothing was erased: your answers, results and cohorts are kept as they were.')];
        if (!/^(confirm|yes)$/i.test(ctx.args)) {
          return [
            text('This erases your answers, results, questions and cohort memberships for good. Are you sure?', [
              { label: 'Yes', value: 'forget:confirm' },
              { label: 'No', value: '/forget no' },
            ]),
          ];
        }
        await forget(ctx.userKey);
        return [text('Done: everything kept about you has been erased. If you write again, I start afresh.')];
      },
    },
  ];
}

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
