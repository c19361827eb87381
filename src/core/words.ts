// Small wording helpers every command module shares: plurals, the first word of the arguments, usage replies.
import { text, type Outgoing } from './messages.js';

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export const usage = (...lines: string[]): Outgoing[] => [text(lines.join('\n'))];

/** First word and the rest, e.g. "cancel abc" -> ["cancel", "abc"]. */
export function firstWord(args: string): [string, string] {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(args.trim());
  return m ? [m[1]!, m[2]!.trim()] : ['', ''];
}
