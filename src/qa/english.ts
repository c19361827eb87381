// General English from WordNet, the same for every pack: which words are English (so that one is never
// "corrected" into a pack's word) and which names are places. Built once into the cache folder.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WordNetReader } from './wordnet.js';

const FILE = 'english-wordnet-3.1-v8.json';

interface EnglishFile {
  /** Single-word lemmas, sorted, one a line. */
  words: string;
  /** The verbs among them, the same way: only a verb takes "-ed" or "-ing". */
  verbs: string;
  /** Place names, lower case, words joined by spaces. */
  places: string[];
  /** Set phrases of a preposition and a word ("in place", "at all"), words joined by a space. */
  setPhrases: string[];
  /** The names of one place, for each place with more than one ("south korea", "republic of korea"). */
  placeSynonyms: string[][];
}

/** Words sorted one a line, looked up by binary search: a big list without a big Set. */
class SortedWords {
  private readonly starts: Uint32Array;

  constructor(private readonly words: string) {
    const starts = [0];
    for (let i = words.indexOf('\n'); i >= 0; i = words.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = Uint32Array.from(words ? starts : []);
  }

  private at(i: number): string {
    const end = i + 1 < this.starts.length ? this.starts[i + 1]! - 1 : this.words.length;
    return this.words.slice(this.starts[i]!, end);
  }

  has(word: string): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const w = this.at(mid);
      if (w === word) return true;
      if (w < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

export class English {
  private readonly lemmas: SortedWords;
  private readonly verbs: SortedWords;
  /** First word of a place name -> the names starting with it, longest first. */
  readonly places: Map<string, string[][]>;
  /** "in place", "at all": a preposition and a word that WordNet lists together as an adverb or adjective. */
  readonly setPhrases: Set<string>;
  /** The names of one place, for each place with more than one. */
  readonly placeSynonyms: readonly string[][];

  constructor(words: string, places: string[], setPhrases: string[] = [], placeSynonyms: string[][] = [], verbs = words) {
    this.lemmas = new SortedWords(words);
    this.verbs = new SortedWords(verbs);
    this.setPhrases = new Set(setPhrases);
    this.placeSynonyms = placeSynonyms;
    this.places = new Map();
    for (const p of places) {
      const ws = p.split(' ');
      const list = this.places.get(ws[0]!) ?? [];
      list.push(ws);
      this.places.set(ws[0]!, list);
    }
    for (const list of this.places.values()) list.sort((a, b) => b.length - a.length);
  }

  /** Is this word an English lemma? */
  isLemma(word: string): boolean {
    return this.lemmas.has(word);
  }

  /** Is this word a verb's lemma? */
  isVerb(word: string): boolean {
    return this.verbs.has(word);
  }

  /**
   * An English word, or a regular inflection of one ("starts", "started", "barriers"). Only a verb takes "-ed"
   * or "-ing", and a short one doubles its last consonant for them: "runing" is no form of the noun "rune",
   * nor "stoping" of "stop" (a slip for "running", "stopping").
   */
  has(word: string): boolean {
    // (A plural or a verb's -s of a lemma of three letters too: "kids", "fees", "taxes".)
    return this.lemmas.has(word) || someBase(word, 3, (base, verbal, undoubled) => (verbal ? !undoubled && this.verbs.has(base) : this.lemmas.has(base)));
  }
}

/** Regular inflections to strip: [suffix, what it replaced]. */
const INFLECTIONS: [string, string][] = [['s', ''], ['es', ''], ['ies', 'y'], ['ied', 'y'], ['ed', ''], ['ed', 'e'], ['ing', ''], ['ing', 'e']];

/** A short verb's last consonant, which "-ed" and "-ing" double ("stop", "plan"; not "visit", "show" or "fix"). */
const DOUBLES = /^[^aeiouy]*[aeiou][b-df-hj-np-tv-z]$/;

/**
 * Calls `test` with each base a regular inflection of the word may come from ("putting" -> put, "tried" -> try,
 * "barriers" -> barrier), each at least `minStem` letters, until it returns true. `verbal`: by "-ed" or "-ing",
 * which only a verb takes; `undoubled`: a short verb's consonant left single ("stoping").
 * (No list of forms: English.has asks it of every word a question holds that the pack does not.)
 */
function someBase(word: string, minStem: number, test: (base: string, verbal: boolean, undoubled: boolean) => boolean): boolean {
  for (const [suffix, repl] of INFLECTIONS) {
    // (The base's length counts: "fined" is from "fine".)
    if (!word.endsWith(suffix) || word.length - suffix.length + repl.length < minStem) continue;
    const stem = word.slice(0, -suffix.length);
    const verbal = suffix === 'ed' || suffix === 'ing' || suffix === 'ied';
    if (test(stem + repl, verbal, verbal && !repl && DOUBLES.test(stem))) return true;
    // "putting", "stopped": the doubled consonant is the inflection's.
    if (!repl && /([b-df-hj-np-tv-z])\1$/.test(stem) && test(stem.slice(0, -1), verbal, false)) return true;
  }
  return false;
}

/** The word and the bases a regular inflection of it may come from (someBase): the forms to look it up under. */
export function baseForms(word: string, minStem: number): string[] {
  const out = [word];
  someBase(word, minStem, (base) => {
    out.push(base);
    return false;
  });
  return out;
}

export function buildEnglish(wn = new WordNetReader()): EnglishFile {
  try {
    return {
      words: [...new Set(wn.allWords())].sort().join('\n'),
      verbs: [...new Set(wn.verbWords())].sort().join('\n'),
      places: [...wn.placeNames()],
      setPhrases: [...new Set(wn.prepositionalPhrases())],
      placeSynonyms: [...wn.placeSynonyms()],
    };
  } finally {
    wn.close();
  }
}

let loaded: English | undefined;

/** The English word list from the cache folder, built there the first time (a few hundred milliseconds). */
export function loadEnglish(cacheDir: string): English {
  if (loaded) return loaded;
  const file = join(cacheDir, FILE);
  let body: EnglishFile;
  try {
    body = JSON.parse(readFileSync(file, 'utf8')) as EnglishFile;
  } catch {
    body = buildEnglish();
    try {
      mkdirSync(cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(body));
      renameSync(tmp, file);
    } catch {
      // A read-only install builds the list at every start instead.
    }
  }
  loaded = new English(body.words, body.places, body.setPhrases, body.placeSynonyms, body.verbs);
  return loaded;
}
