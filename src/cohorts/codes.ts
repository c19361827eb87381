// Small helpers the trainer commands share: finding a cohort by its join code, plural words, usage replies.
import { clip } from '../core/clip.js';
import type { CommandContext } from '../core/context.js';
import { text, type Outgoing } from '../core/messages.js';
import type { CohortRecord } from '../store/types.js';

/** Join codes are typed by hand: accept lower case, spaces and dashes. */
export const normalizeCode = (raw: string): string => raw.replace(/[\s-]+/g, '').toUpperCase();

export const looksLikeCode = (raw: string): boolean => /^[A-Z0-9]{4,12}$/.test(normalizeCode(raw));

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export const usage = (...lines: string[]): Outgoing[] => [text(lines.join('\n'))];

/** Any cohort by its code (for a member's /leave; trainers' commands use ownCohortByCode), or the reply to send. */
export async function cohortByCode(ctx: CommandContext, raw: string | undefined): Promise<CohortRecord | Outgoing[]> {
  if (!raw) return usage('Which cohort? Give its join code, e.g. K7MPQ2.');
  const code = normalizeCode(raw);
  const cohort = looksLikeCode(code) ? await ctx.services.store.getCohortByCode(code) : undefined;
  return cohort ?? [text(`I couldn't find a cohort with the code ${clip(code, 12)}.`)];
}

export const isReply = (v: CohortRecord | Outgoing[]): v is Outgoing[] => Array.isArray(v);

/** First word and the rest, e.g. "cancel abc" -> ["cancel", "abc"]. */
export function firstWord(args: string): [string, string] {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(args.trim());
  return m ? [m[1], m[2].trim()] : ['', ''];
}
