// Trainers and cohorts: /trainer add and remove, /cohort new and share, /cohorts, and everyone's /join and /leave.
import { clip } from '../core/clip.js';
import type { CommandContext } from '../core/context.js';
import { joinCode, newId } from '../core/ids.js';
import { text, type Outgoing } from '../core/messages.js';
import type { CohortRecord } from '../store/types.js';
import { checkUserKey } from '../core/user-keys.js';
import { firstWord, plural, usage } from '../core/words.js';
import { MIN_GROUP, ownCohortByCode, visibleCohorts } from './access.js';
import { cohortByCode, isReply, looksLikeCode, normalizeCode } from './codes.js';
import { JoinGuesses, MAX_WRONG_CODES } from './join-guesses.js';

const MAX_COHORT_NAME = 80;

/** Wrong join codes per person, across /join calls in this process. */
const guesses = new JoinGuesses();

/** /trainer add|remove platform:id. */
export async function trainer(ctx: CommandContext): Promise<Outgoing[]> {
  const [verb, who] = firstWord(ctx.args);
  const action = verb.toLowerCase();
  if ((action !== 'add' && action !== 'remove') || !who) {
    const { configuredTrainers, configuredAdmins } = ctx.services;
    const all = [...new Set([...configuredAdmins, ...configuredTrainers, ...(await ctx.services.store.listTrainers())])];
    return usage(
      'Usage: /trainer add platform:id, e.g. /trainer add telegram:123456789 or /trainer add slack:U024BE7LH',
      '       /trainer remove platform:id',
      `Trainers now: ${all.length ? all.map((k) => (ctx.bot.isAdmin(k) ? `${k} (administrator)` : k)).join(', ') : 'none'}.`,
    );
  }
  const checked = checkUserKey(who);
  if (!checked.ok) return usage(`${checked.reason}.`);
  return action === 'add' ? addTrainer(ctx, checked.key) : removeTrainer(ctx, checked.key);
}

async function addTrainer(ctx: CommandContext, key: string): Promise<Outgoing[]> {
  const { store, clock } = ctx.services;
  if (await ctx.bot.isTrainer(key)) return [text(`${key} is already a trainer.`)];
  await store.addTrainer(key, ctx.userKey, clock.now());
  return [
    text(
      `Added ${key} as a trainer. They can now create cohorts and use the trainer commands (/help lists them); ` +
        `they see only the cohorts they create or that are shared with them (/cohort share CODE ${key}).`,
    ),
  ];
}

/** Administrators remove any run-time trainer; a trainer, only those they added. Configured ones stay. */
async function removeTrainer(ctx: CommandContext, key: string): Promise<Outgoing[]> {
  const { store } = ctx.services;
  if (ctx.bot.isConfigured(key)) return [text(`${key} is named in the server's configuration (TRAINERS or ADMINS), so only a change there removes them.`)];
  const record = await store.getTrainer(key);
  if (!record) return [text(`${key} is not a trainer.`)];
  if (!ctx.isAdmin() && record.addedBy !== ctx.userKey) {
    return [text(`Only an administrator, or the trainer who added ${key}, can remove them.`)];
  }
  const theirs = await store.cohortsOfTrainer(key);
  await store.removeTrainer(key);
  const orphans: string[] = [];
  for (const c of theirs) if ((await store.listCohortTrainers(c.id)).length === 0) orphans.push(c.code);
  return [
    text(
      [
        `Removed ${key}: they can no longer use the trainer commands or see any cohort.`,
        ...(orphans.length ? [`Cohorts now without a trainer (administrators still see them and can /cohort share them): ${orphans.join(', ')}.`] : []),
      ].join('\n'),
    ),
  ];
}

/** /cohort new NAME, /cohort share CODE platform:id. */
export async function cohort(ctx: CommandContext): Promise<Outgoing[]> {
  const [verb, rest] = firstWord(ctx.args);
  if (verb.toLowerCase() === 'share') return shareCohort(ctx, rest);
  return newCohort(ctx, verb, rest);
}

async function newCohort(ctx: CommandContext, verb: string, rest: string): Promise<Outgoing[]> {
  const name = rest.replace(/\s+/g, ' ').trim();
  if (verb.toLowerCase() !== 'new' || !name) {
    return usage('Usage: /cohort new NAME, e.g. /cohort new Ulaanbaatar, March 2027', '       /cohort share CODE platform:id, to let another trainer run it with you');
  }
  if (name.length > MAX_COHORT_NAME) return usage(`Please keep the name under ${MAX_COHORT_NAME} characters.`);
  const { store, clock } = ctx.services;
  let code = joinCode();
  // Codes are random; on the rare clash, draw again rather than fail.
  for (let i = 0; i < 5 && (await store.getCohortByCode(code)); i++) code = joinCode();
  await store.createCohort({ id: newId(), code, name, createdBy: ctx.userKey, createdAt: clock.now() });
  const lines = [
    `Cohort "${name}" created. Join code: ${code}`,
    `Participants send /join ${code} to me on any platform (Slack, Teams, Telegram or the console).`,
  ];
  const telegram = ctx.bot.links.telegram?.deepLink?.(code);
  if (telegram) lines.push(`Telegram link: ${telegram}`);
  lines.push(`Then: /followup ${code} WHEN WHAT to schedule a follow-up, /report ${code} for results.`);
  lines.push(`Only you see it (and administrators); /cohort share ${code} platform:id lets another trainer run it with you.`);
  return [text(lines.join('\n'))];
}

async function shareCohort(ctx: CommandContext, args: string): Promise<Outgoing[]> {
  const [code, who] = firstWord(args);
  if (!code || !who) return usage('Usage: /cohort share CODE platform:id, e.g. /cohort share K7MPQ2 telegram:123456789');
  const found = await ownCohortByCode(ctx, code);
  if (isReply(found)) return found;
  const checked = checkUserKey(who);
  if (!checked.ok) return usage(`${checked.reason}.`);
  if (!(await ctx.bot.isTrainer(checked.key))) {
    return [text(`${checked.key} is not a trainer. Add them first with /trainer add ${checked.key}, then share the cohort.`)];
  }
  const { store, clock } = ctx.services;
  if (!(await store.addCohortTrainer(found.id, checked.key, ctx.userKey, clock.now()))) {
    return [text(`${checked.key} already runs "${found.name}" (${found.code}).`)];
  }
  return [text(`Shared "${found.name}" (${found.code}) with ${checked.key}: they can now see its reports and exports, and schedule and cancel its follow-ups.`)];
}

/** /cohorts. */
export async function listCohorts(ctx: CommandContext): Promise<Outgoing[]> {
  const { store } = ctx.services;
  const cohorts = await visibleCohorts(ctx);
  if (!cohorts.length) return [text('You have no cohorts yet. Create one with /cohort new NAME.')];
  const lines = await Promise.all(
    cohorts.map(async (c) => `• ${c.code} · ${c.name} · ${plural((await store.listMembers(c.id)).length, 'member')} · created ${c.createdAt.toISOString().slice(0, 10)}`),
  );
  return [text([ctx.isAdmin() ? 'Cohorts (all of them: you are an administrator):' : 'Your cohorts:', ...lines].join('\n'))];
}

/** /join CODE. */
export async function join(ctx: CommandContext): Promise<Outgoing[]> {
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
    return [text(`I couldn't find a cohort with the code "${clip(raw, 20)}". Please check it with your trainer: it is 6 letters and digits, like K7MPQ2.`)];
  }
  const added = await store.addMember(cohort.id, ctx.userKey, clock.now());
  // Writing to us proves we can reach them again, even if a platform said otherwise before.
  await store.setReachable(ctx.userKey, true, clock.now());
  if (!added) return [text(`You're already in "${cohort.name}". Nothing changed.`)];
  return [
    text(
      `Welcome to "${cohort.name}"! Your trainer may send you reminders, quizzes and readiness re-checks here. /leave ${cohort.code} stops them. ` +
        `Your trainer sees your results by name once ${MIN_GROUP} members have done the same activity, or now if you send /share; /privacy says what is kept.`,
    ),
  ];
}

/** /leave [CODE]. */
export async function leave(ctx: CommandContext): Promise<Outgoing[]> {
  const { store } = ctx.services;
  let found: CohortRecord | Outgoing[];
  if (!ctx.args.trim()) {
    const mine = await store.cohortsOf(ctx.userKey);
    if (!mine.length) return [text("You're not in any cohort.")];
    // Only when there is a choice to make does the bot ask which.
    if (mine.length > 1) return [text([`You're in:`, ...mine.map((c) => `• ${c.name} (${c.code})`), 'Send /leave CODE to leave one.'].join('\n'))];
    found = mine[0]!;
  } else found = await cohortByCode(ctx, ctx.args.trim());
  if (isReply(found)) return [text(`I couldn't find a cohort with that code. Send /leave alone to see your cohorts.`)];
  const removed = await store.removeMember(found.id, ctx.userKey);
  return [text(removed ? `You've left "${found.name}". You won't get its follow-ups any more.` : `You're not in "${found.name}", so nothing changed.`)];
}
