// `content check`: schema errors, then advice for the author, as lines for people or JSON for tools.
import { resolve } from 'node:path';
import { formatProblem, summarise, validateContent, type ContentProblem } from '../content/load.js';
import { contentWarnings } from './warnings.js';

export interface CheckReport {
  dir: string;
  ok: boolean;
  /** The one-line summary of a valid pack. */
  summary?: string;
  /** The pack cannot be used until these are fixed. */
  errors: ContentProblem[];
  /** The pack works; these make it better. */
  warnings: ContentProblem[];
}

/** `cacheDir`: the bot's index cache, to ask the pack's example questions without building the index again. */
export function checkPack(dir: string, cacheDir?: string): CheckReport {
  const abs = resolve(dir);
  const { content, problems } = validateContent(abs);
  if (!content) return { dir: abs, ok: false, errors: problems, warnings: [] };
  return { dir: abs, ok: true, summary: summarise(content), errors: [], warnings: contentWarnings(content, { cacheDir }) };
}

export function formatCheck(r: CheckReport): string {
  if (!r.ok) return `${r.errors.map(formatProblem).join('\n')}\n`;
  const lines = [r.summary!, ...r.warnings.map((w) => `warning: ${formatProblem(w)}`)];
  if (r.warnings.length) lines.push(`${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'}: the bot runs with them; fix them when you can.`);
  return `${lines.join('\n')}\n`;
}

export const checkJson = (r: CheckReport): string => `${JSON.stringify(r, null, 2)}\n`;
