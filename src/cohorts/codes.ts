// Join codes: how a typed code is read, and finding the cohort it names.
import { clip } from '../core/clip.js';
import type { CommandContext } from '../core/context.js';
import { text, type Outgoing } from '../core/messages.js';
import { usage } from '../core/words.js';
import type { CohortRecord } from '../store/types.js';

/** Join codes are typed by hand: accept lower case, spaces and dashes. */
export const normalizeCode = (raw: string): string => raw.replace(/[\s-]+/g, '').toUpperCase();

export const looksLikeCode = (raw: string): boolean => /^[A-Z0-9]{4,12}$/.test(normalizeCode(raw));

/** Any cohort by its code (for a member's /leave; trainers' commands use ownCohortByCode), or the reply to send. */
export async function cohortByCode(ctx: CommandContext, raw: string | undefined): Promise<CohortRecord | Outgoing[]> {
  if (!raw) return usage('Which cohort? Give its join code, e.g. K7MPQ2.');
  const code = normalizeCode(raw);
  const cohort = looksLikeCode(code) ? await ctx.services.store.getCohortByCode(code) : undefined;
  return cohort ?? [text(`I couldn't find a cohort with the code ${clip(code, 12)}.`)];
}

export const isReply = (v: CohortRecord | Outgoing[]): v is Outgoing[] => Array.isArray(v);
