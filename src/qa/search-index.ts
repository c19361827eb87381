// The search index of a pack: lunr over its documents, and what WordNet says about its words. Built ahead
// of time and cached by content hash, so starting the bot only reads a file.
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lunr from 'lunr';
import { buildSearchDocs, type SearchDoc } from './docs.js';
import type { Content } from '../content/schema.js';
import { isStopWord, normalizeText, stem, words } from '../content/text.js';
import { loadEnglish, type English } from './english.js';
import { lexiconHash, wordMap, wordSet } from './word-lists.js';
import { oppositeWords, relatedWords, WordNetReader, type Related } from './wordnet.js';

/** Bump when the way documents are built or indexed changes, so old caches are not reused. */
export const INDEX_VERSION = 48;

/** What WordNet adds for one pack, kept with its index. */
export interface PackWordNet {
  /** Stem of an English word -> the pack's stems it can stand for, with the credit an answer gets. */
  related: Record<string, Related[]>;
  /** Names in the pack that WordNet knows as places, lower case. */
  places: string[];
  /** Stem of an English adjective -> the pack's adjectives (stems) of opposite meaning ("mandatori" -> "option"). */
  opposites: Record<string, string[]>;
}

export interface SearchIndex {
  lunr: lunr.Index;
  wordnet: PackWordNet;
  /** General English, the same for every pack. */
  english: English;
}

export function indexFileName(content: Content): string {
  return `index-${content.hash.slice(0, 32)}.json`;
}

/** Builds the lunr index. Fields hold normalised text, the same normalisation questions get. */
export function buildLunr(docs: SearchDoc[]): lunr.Index {
  return lunr(function () {
    this.ref('ref');
    this.field('title', { boost: 3 });
    this.field('text');
    this.field('keywords', { boost: 2 });
    for (const d of docs) {
      // Next steps only answer requests for advice, where they get their own bonus.
      if (d.kind === 'nextstep') continue;
      this.add({ ref: d.ref, title: normalizeText(d.title), text: normalizeText(d.text), keywords: normalizeText(d.keywords.join(' ')) });
    }
  });
}

/** The pack's words worth widening: content words, not ways of asking or everyday words. */
export function packWords(docs: SearchDoc[]): Set<string> {
  const skip = (w: string) => isStopWord(w) || wordSet('asking').has(w) || wordSet('generic').has(w) || !/^[a-z]{3,}$/.test(w);
  const out = new Set<string>();
  for (const d of docs) for (const w of words([d.title, d.text, ...d.keywords].join(' \n '))) if (!skip(w)) out.add(w);
  return out;
}

/**
 * Capitalised names in the pack's texts ("Costa Rica", "Ulaanbaatar"): each run of words and each word of a
 * run; `alone` holds the names of one word written on their own ("in Ulaanbaatar", not "Ulaanbaatar Water Board").
 */
function capitalisedNames(docs: SearchDoc[]): { all: Set<string>; alone: Set<string> } {
  const all = new Set<string>();
  const alone = new Set<string>();
  for (const d of docs) {
    for (const m of d.text.matchAll(/\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3}\b/g)) {
      const parts = m[0].toLowerCase().split(/\s+/);
      all.add(parts.join(' '));
      for (const p of parts) all.add(p);
      // A sentence's first word is no part of the name: "In Ruritania" is Ruritania on its own.
      const name = parts.slice(parts.findIndex((p, k) => k === parts.length - 1 || !isStopWord(p)));
      if (name.length === 1) alone.add(name[0]!);
      else all.add(name.join(' '));
    }
  }
  return { all, alone };
}

/**
 * Single names the pack writes before a word for a place ("Ralvik district", "Osterby County"): lower case. (Only
 * a name on its own: "Partner Towns" makes no "partner" a place, as the caller keeps only words WordNet does not know.)
 * Not the session's own setting, a name its title slide gives: every unit speaks of it, named or not.
 */
function namedPlaces(docs: SearchDoc[]): Set<string> {
  const nouns = [...wordSet('place-noun')].join('|');
  // ("Ralvik and Osterby districts": both.)
  const re = new RegExp(String.raw`\b(?:([A-Z][a-z]{2,}) and )?([A-Z][a-z]{2,}) (?:${nouns})s?\b`, 'gi');
  const out = new Set<string>();
  for (const d of docs) {
    for (const m of d.text.matchAll(re)) for (const name of [m[1], m[2]]) if (name && /^[A-Z]/.test(name) && !isStopWord(name.toLowerCase())) out.add(name.toLowerCase());
  }
  const opening = docs.find((d) => d.section !== undefined)?.section;
  for (const d of docs) if (d.kind === 'meta' || (d.section !== undefined && d.section === opening)) for (const w of words(d.text)) out.delete(w);
  return out;
}

/**
 * The pack's names of two words that WordNet has as one lemma ("united_kingdom"):
 * a question may use their one-word synonyms ("UK").
 */
export function packCompounds(docs: SearchDoc[], wn: WordNetReader): Set<string> {
  const out = new Set<string>();
  for (const d of docs) {
    const ws = words([d.title, d.text].join(' \n '));
    for (let i = 0; i + 1 < ws.length; i++) {
      const pair = `${ws[i]}_${ws[i + 1]}`;
      if (!out.has(pair) && /^[a-z]{2,}_[a-z]{2,}$/.test(pair) && !isStopWord(ws[i]!) && !isStopWord(ws[i + 1]!) && wn.lemmas(pair, 'noun').includes(pair)) out.add(pair);
    }
  }
  return out;
}

export function buildPackWordNet(docs: SearchDoc[], wn = new WordNetReader()): PackWordNet {
  try {
    const vocab = packWords(docs);
    // (No prototype: "constructor" is a word too.)
    const related = Object.create(null) as Record<string, Related[]>;
    // A compound of the pack stands as its stems, space-separated ("unit kingdom"): every one must be there.
    const packTerm = (w: string) => (w.includes('_') ? w.split('_').map(stem).join(' ') : stem(w));
    // (An irregular form stands as its verb, as the pack's words are indexed: "taught" is "teach", as "instruct" is.)
    const irregular = wordMap('irregular');
    const bases = [...vocab].flatMap((w) => irregular.get(w) ?? []).filter((w) => !vocab.has(w));
    for (const [other, list] of relatedWords(wn, [...vocab, ...bases, ...packCompounds(docs, wn)], new Set(bases))) {
      // ("US" for the "United States" is the pronoun "us" too, and shares its stem with "use".)
      if (isStopWord(other)) continue;
      // (And a name of two words stands only for its close synonyms: "initiation" is one of the senses of a
      // "first step", but its stem is "initiative"'s.)
      const close = list.filter(([w, credit]) => !w.includes('_') || credit >= 0.5);
      // ("set_up" stays as WordNet writes it: a question's verb and particle are looked up by their lemmas.)
      const key = other.includes('_') ? other : stem(other);
      const mapped = close.map(([w, credit]) => [packTerm(w), credit] as Related).filter(([s]) => s !== key);
      if (!mapped.length) continue;
      const into = (related[key] ??= []);
      for (const [s, c] of mapped) {
        const found = into.find((r) => r[0] === s);
        if (found) found[1] = Math.max(found[1], c);
        else into.push([s, c]);
      }
    }
    // A word with other senses is a place where the text writes it as a name on its own ("in Panama").
    const names = capitalisedNames(docs);
    const places = [...names.all].filter((n) => !isStopWord(n) && wn.isPlace(n, names.alone.has(n)));
    // And a name WordNet does not know that the pack itself calls a place: "Ralvik district", "Osterby County".
    for (const n of namedPlaces(docs)) if (!places.includes(n) && !wn.senses(n).length) places.push(n);
    const opposites: Record<string, string[]> = {};
    for (const [other, list] of oppositeWords(wn, vocab)) opposites[stem(other)] = [...new Set(list.map(stem))];
    return { related, places, opposites };
  } finally {
    wn.close();
  }
}

export function buildSearchIndex(content: Content, cacheDir: string): SearchIndex {
  const docs = buildSearchDocs(content);
  return { lunr: buildLunr(docs), wordnet: buildPackWordNet(docs), english: loadEnglish(cacheDir) };
}

interface CacheFile {
  version: number;
  /** The word lists the index was built with. */
  lexicon?: string;
  hash: string;
  index: object;
  wordnet: PackWordNet;
}

/** Writes `<cacheDir>/index-<hash>.json` (and removes stale ones); returns its path. */
export function buildIndexCache(content: Content, cacheDir: string): string {
  return saveIndex(content, cacheDir, buildSearchIndex(content, cacheDir));
}

function saveIndex(content: Content, cacheDir: string, index: SearchIndex): string {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, indexFileName(content));
  const body: CacheFile = { version: INDEX_VERSION, lexicon: lexiconHash(), hash: content.hash, index: index.lunr.toJSON(), wordnet: index.wordnet };
  // Write then rename, so a reader never sees half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(body));
  renameSync(tmp, file);
  for (const name of readdirSync(cacheDir)) {
    if (/^index-[0-9a-f]+\.json$/.test(name) && name !== indexFileName(content)) {
      try {
        unlinkSync(join(cacheDir, name));
      } catch {
        // Another process may have removed it already.
      }
    }
  }
  return file;
}

function readCached(content: Content, cacheDir: string): SearchIndex | undefined {
  try {
    const body = JSON.parse(readFileSync(join(cacheDir, indexFileName(content)), 'utf8')) as CacheFile;
    if (body.version !== INDEX_VERSION || body.lexicon !== lexiconHash() || body.hash !== content.hash) return undefined;
    return { lunr: lunr.Index.load(body.index), wordnet: body.wordnet, english: loadEnglish(cacheDir) };
  } catch {
    // Missing or damaged cache: build afresh.
    return undefined;
  }
}

/** The cached index when it matches the content; otherwise builds it and tries to save it. */
export function loadSearchIndex(content: Content, cacheDir: string): SearchIndex {
  const cached = readCached(content, cacheDir);
  if (cached) return cached;
  const index = buildSearchIndex(content, cacheDir);
  try {
    saveIndex(content, cacheDir, index);
  } catch {
    // A read-only install still answers; it just builds the index at every start.
  }
  return index;
}
