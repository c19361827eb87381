// Trainers and cohorts: /trainer add, /cohort new, /cohorts, and everyone's /join and /leave.
import type { Bot } from '../core/bot.js';
import type { CommandContext, CommandSpec } from '../core/context.js';
import { joinCode, newId } from '../core/ids.js';
import { parseUserKey, text, type Outgoing } from '../core/messages.js';
import { JoinGuesses, MAX_WRONG_CODES } from './join-guesses.js';
import { cohortByCode, firstWord, isReply, looksLikeCode, normalizeCode, plural, usage } from './shared.js';

const MAX_COHORT_NAME = 80;

export function cohortCommands(bot: Bot): CommandSpec[] {
  const guesses = new JoinGuesses();
  return [
    { name: 'trainer', usage: 'trainer add platform:id', summary: 'make someone a trainer', trainerOnly: true, handler: (ctx) => trainer(bot, ctx) },
    { name: 'cohort', usage: 'cohort new NAME', summary: 'create a cohort and get its join code', trainerOnly: true, handler: newCohort },
    { name: 'cohorts', summary: 'list cohorts with their codes and member counts', trainerOnly: true, handler: listCohorts },
    { name: 'join', usage: 'join CODE', summary: 'join your workshop cohort with the code your trainer gave you', handler: (ctx) => join(ctx, guesses) },
    { name: 'leave', usage: 'leave [CODE]', summary: 'leave a cohort (no more follow-ups from it)', handler: leave },
  ];
}

async function trainer(bot: Bot, ctx: CommandContext): Promise<Outgoing[]> {
  const [verb, who] = firstWord(ctx.args);
  const { store, clock } = ctx.services;
  if (verb.toLowerCase() !== 'add' || !who) {
    const runtime = await store.listTrainers();
    const all = [...new Set([...ctx.services.configuredTrainers, ...runtime])];
    return usage(
      'Usage: /trainer add platform:id, e.g. /trainer add telegram:123456789 or /trainer add slack:U024BE7LH',
      `Trainers now: ${all.length ? all.join(', ') : 'none'}.`,
    );
  }
  const ref = parseUserKey(who.trim());
  if (!ref || /\s/.test(ref.id) || ref.id.length > 200) {
    return usage(`"${who.slice(0, 60)}" isn't a platform:id. Use console, telegram, slack or teams, e.g. /trainer add telegram:123456789`);
  }
  const key = `${ref.platform}:${ref.id}`;
  if (await bot.isTrainer(key)) return [text(`${key} is already a trainer.`)];
  await store.addTrainer(key, ctx.userKey, clock.now());
  return [text(`Added ${key} as a trainer. They can now use the trainer commands (/help lists them).`)];
}

async function newCohort(ctx: CommandContext): Promise<Outgoing[]> {
  const [verb, rest] = firstWord(ctx.args);
  const name = rest.replace(/\s+/g, ' ').trim();
  if (verb.toLowerCase() !== 'new' || !name) return usage('Usage: /cohort new NAME, e.g. /cohort new Port Moresby, March 2027');
  if (name.length > MAX_COHORT_NAME) return usage(`Please keep the name under ${MAX_COHORT_NAME} characters.`);
  const { store, clock, telegramUsername } = ctx.services;
  let code = joinCode();
  // Codes are random; on the rare clash, draw again rather than fail.
  for (let i = 0; i < 5 && (await store.getCohortByCode(code)); i++) code = joinCode();
  await store.createCohort({ id: newId(), code, name, createdBy: ctx.userKey, createdAt: clock.now() });
  const lines = [
    `Cohort "${name}" created. Join code: ${code}`,
    `Participants send /join ${code} to me on any platform (Slack, Teams, Telegram or the console).`,
  ];
  if (telegramUsername) lines.push(`Telegram link: https://t.me/${telegramUsername}?start=${code}`);
  lines.push(`Then: /followup ${code} WHEN WHAT to schedule a follow-up, /report ${code} for results.`);
  return [text(lines.join('\n'))];
}

async function listCohorts(ctx: CommandContext): Promise<Outgoing[]> {
  const { store } = ctx.services;
  const cohorts = await store.listCohorts();
  if (!cohorts.length) return [text('No cohorts yet. Create one with /cohort new NAME.')];
  const lines = await Promise.all(
    cohorts.map(async (c) => `• ${c.code} · ${c.name} · ${plural((await store.listMembers(c.id)).length, 'member')} · created ${c.createdAt.toISOString().slice(0, 10)}`),
  );
  return [text(['Cohorts:', ...lines].join('\n'))];
}

async function join(ctx: CommandContext, guesses: JoinGuesses): Promise<Outgoing[]> {
  const raw = ctx.args.trim();
  if (!raw) return usage('Usage: /join CODE, with the 6-character code your trainer gave you, e.g. /join K7MPQ2');
  const code = normalizeCode(raw);
  const { store, clock } = ctx.services;
  // Checked before the code is looked up, so a right code answers the same as a wrong one while this lasts.
  const wait = guesses.waitMs(ctx.userKey, clock.now().getTime());
  if (wait > 0) {
    const minutes = Math.max(1, Math.ceil(wait / 60_000));
    return [text(`That's ${MAX_WRONG_CODES} codes that didn't work in the last few minutes. Please check the code with your trainer, then try again in ${plural(minutes, 'minute')}.`)];
  }
  const cohort = looksLikeCode(code) ? await store.getCohortByCode(code) : undefined;
  if (!cohort) {
    guesses.recordWrong(ctx.userKey, clock.now().getTime());
    return [text(`I couldn't find a cohort with the code "${raw.slice(0, 20)}". Please check it with your trainer: it is 6 letters and digits, like K7MPQ2.`)];
  }
  const added = await store.addMember(cohort.id, ctx.userKey, clock.now());
  // Writing to us proves we can reach them again, even if a platform said otherwise before.
  await store.setReachable(ctx.userKey, true, clock.now());
  if (!added) return [text(`You're already in "${cohort.name}". Nothing changed.`)];
  return [
    text(
      `Welcome to "${cohort.name}"! Your trainer may send you reminders, quizzes and readiness re-checks here. /leave ${cohort.code} stops them; /privacy says what is kept.`,
    ),
  ];
}

async function leave(ctx: CommandContext): Promise<Outgoing[]> {
  const { store } = ctx.services;
  if (!ctx.args.trim()) {
    const mine = await store.cohortsOf(ctx.userKey);
    if (!mine.length) return [text("You're not in any cohort.")];
    return [text([`You're in:`, ...mine.map((c) => `• ${c.name} (${c.code})`), 'Send /leave CODE to leave one.'].join('\n'))];
  }
  const found = await cohortByCode(ctx, ctx.args.trim());
  if (isReply(found)) return [text(`I couldn't find a cohort with that code. Send /leave alone to see your cohorts.`)];
  const removed = await store.removeMember(found.id, ctx.userKey);
  return [text(removed ? `You've left "${found.name}". You won't get its follow-ups any more.` : `You're not in "${found.name}", so nothing changed.`)];
}
