// Which cohorts a trainer may see and act on: the ones they made or were given; an administrator, every one.
import type { CommandContext } from '../core/context.js';
import { clip } from '../core/clip.js';
import { text, type Outgoing } from '../core/messages.js';
import type { CohortRecord } from '../store/types.js';
import { usage } from '../core/words.js';
import { looksLikeCode, normalizeCode } from './codes.js';

/** Figures drawn from fewer members than this show counts only, so nobody's answers can be read off them; names show from this many (or with /share). */
export const MIN_GROUP = 5;

/** The cohorts the sender runs (every cohort for an administrator), oldest first. */
export async function visibleCohorts(ctx: CommandContext): Promise<CohortRecord[]> {
  const { store } = ctx.services;
  return ctx.isAdmin() ? store.listCohorts() : store.cohortsOfTrainer(ctx.userKey);
}

export async function mayActOn(ctx: CommandContext, cohortId: string): Promise<boolean> {
  if (ctx.isAdmin()) return true;
  return (await ctx.services.store.listCohortTrainers(cohortId)).includes(ctx.userKey);
}

/**
 * The sender's cohort with this code, or the reply to send. Another trainer's cohort gets the same reply as a
 * code that does not exist: a trainer learns nothing about cohorts that are not theirs.
 */
export async function ownCohortByCode(ctx: CommandContext, raw: string | undefined): Promise<CohortRecord | Outgoing[]> {
  if (!raw) return usage('Which cohort? Give its join code, e.g. K7MPQ2. /cohorts lists yours.');
  const code = normalizeCode(raw);
  const cohort = looksLikeCode(code) ? await ctx.services.store.getCohortByCode(code) : undefined;
  if (cohort && (await mayActOn(ctx, cohort.id))) return cohort;
  return [text(`I couldn't find a cohort of yours with the code ${clip(code, 12)}. /cohorts lists the cohorts you run.`)];
}
