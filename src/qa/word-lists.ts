// General English word lists for the answerer, read once from lexicon/*.txt at the package root.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../content/load.js';

/** A lexicon file's lists: plain word sets, and maps where the words are written `from=to`. */
export interface WordLists {
  sets: Map<string, Set<string>>;
  maps: Map<string, Map<string, string>>;
}

/** A line that is not `list: words  # reason`. */
export class LexiconFormatError extends Error {
  readonly code = 'LEXICON_FORMAT';
}

/**
 * Parses one lexicon file. Every line is `list: word word ...  # reason` (several lines may feed one
 * list, each with its own reason); words written `from=to` make a map instead of a set.
 */
export function parseWordLists(text: string, file: string, into: WordLists = { sets: new Map(), maps: new Map() }): WordLists {
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^([a-z][a-z-]*):\s*([^#]*?)\s*#\s*(\S.*)$/.exec(line);
    if (!m) throw new LexiconFormatError(`${file}:${i + 1}: expected "list: words  # reason", got "${line}"`);
    const name = m[1]!;
    const body = m[2] ?? '';
    for (const token of body.split(/\s+/).filter(Boolean)) {
      const eq = token.indexOf('=');
      if (eq > 0) {
        const map = into.maps.get(name) ?? new Map<string, string>();
        map.set(token.slice(0, eq), token.slice(eq + 1));
        into.maps.set(name, map);
      } else {
        const set = into.sets.get(name) ?? new Set<string>();
        set.add(token);
        into.sets.set(name, set);
      }
    }
  });
  return into;
}

export const LEXICON_DIR = join(packageRoot(), 'lexicon');

let cached: WordLists | undefined;
let cachedHash: string | undefined;

/** A hash of lexicon/*.txt: an index built with other word lists is not reused. */
export function lexiconHash(): string {
  if (cachedHash) return cachedHash;
  const h = createHash('sha256');
  if (existsSync(LEXICON_DIR)) for (const f of readdirSync(LEXICON_DIR).filter((n) => n.endsWith('.txt')).sort()) h.update(f).update(readFileSync(join(LEXICON_DIR, f)));
  cachedHash = h.digest('hex').slice(0, 16);
  return cachedHash;
}

/** Every list of lexicon/*.txt (read on first use). */
export function wordLists(): WordLists {
  if (cached) return cached;
  const lists: WordLists = { sets: new Map(), maps: new Map() };
  if (existsSync(LEXICON_DIR)) {
    for (const f of readdirSync(LEXICON_DIR).filter((n) => n.endsWith('.txt')).sort()) {
      parseWordLists(readFileSync(join(LEXICON_DIR, f), 'utf8'), f, lists);
    }
  }
  cached = lists;
  return lists;
}

const EMPTY_SET: ReadonlySet<string> = new Set();
const EMPTY_MAP: ReadonlyMap<string, string> = new Map();

/** A named word set (empty when no file defines it). */
export const wordSet = (name: string): ReadonlySet<string> => wordLists().sets.get(name) ?? EMPTY_SET;
/** A named map (empty when no file defines it). */
export const wordMap = (name: string): ReadonlyMap<string, string> => wordLists().maps.get(name) ?? EMPTY_MAP;

/** The lines of a list, each its own group ("count-kind": one line of names for countries, one for towns...). */
export function wordGroups(name: string): string[][] {
  const out: string[][] = [];
  for (const f of readdirSync(LEXICON_DIR).filter((n) => n.endsWith('.txt')).sort()) {
    for (const line of readFileSync(join(LEXICON_DIR, f), 'utf8').split('\n')) {
      const m = /^([a-z][a-z-]*):\s*([^#]*?)\s*#/.exec(line.trim());
      if (m && m[1] === name) out.push((m[2] ?? '').split(/\s+/).filter(Boolean));
    }
  }
  return out;
}
