// Text normalisation shared by the search index and the question analyser, so both see the same tokens.
import lunr from 'lunr';

/** Longest text we look at: a question is never longer than this in practice. */
export const MAX_CHARS = 500;
/** Most tokens we look at, which caps the work per question. */
export const MAX_TOKENS = 40;

/**
 * Lower-cases and simplifies text so that spelling variants meet: "e-Government" -> "egovernment",
 * "organisation" -> "organization", "93%" -> "93 percent".
 * Everything that is not a letter, a digit or a decimal point between digits becomes a space.
 */
export function normalizeText(input: string): string {
  // "the three A's": after a lower-case word or a number, a capital letter's "'s" makes its plural ("As").
  // "what's", "who's": "is" after a question word, written the way chat spells it ("whats", "whos").
  // "Ruritania's score": elsewhere the possessive is the name's, not a new word ("ruritanias").
  let s = input
    .normalize('NFKC')
    .replace(/(\b[a-z]+|\d) ([A-Z])[\u2018\u2019\u02bc'`]s\b/g, '$1 $2s')
    .replace(/\b(what|wat|wut|who|where|when|how)[\u2018\u2019\u02bc'`]s\b/gi, '$1s')
    // "We're a small ministry...": not "were" once the apostrophe goes, which would make it a yes/no question.
    .replace(/\b(we)[\u2018\u2019\u02bc'`]re\b/gi, '$1 are')
    .replace(/(\w)[\u2018\u2019\u02bc'`]s\b/g, '$1').replace(/[\u2018\u2019\u02bc'`]/g, '');
  // "Plan B", "Phase C": a capital letter after a word names one of a series; written as one word ("planb")
  // so that it is not read as the article "a". Questions typed in lower case meet it by joining words.
  // "Groups C and D", "Tiers 3 and 4": each one of the series ("groupc and groupd").
  s = s.replace(/\b([A-Za-z]{3,})s ([A-Z]|\d{1,2})(?:(,? (?:and|or|to) |, ?)([A-Z]|\d{1,2}))?\b(?![\w'.]|-\w)/g, (m, word: string, a: string, joint?: string, b?: string) =>
    isStopWord(word.toLowerCase()) || (/\d/.test(a) && !/^[A-Z]/.test(word)) ? m : `${seriesToken(word, a)}${joint && b ? `${joint}${seriesToken(word, b)}` : ''}`);
  // ("sorry I came late": an "I" before a lower-case word is the pronoun, not "Annex I".)
  // ("Ruritania's Q-Net": a capital before a hyphen starts a word of its own.)
  s = s.replace(/\b([A-Za-z]{3,}) ([A-Z])\b(?![\w']|-\w)(?!(?<=I) [a-z])/g, (m, word: string, letter: string) => (isStopWord(word.toLowerCase()) ? m : seriesToken(word, letter)));
  // "Tier 1", "Session 2": a capitalised word and a small number name one of a series, the same way.
  s = s.replace(/\b([A-Z][a-z]{2,}) (\d{1,2})\b(?![.,]?\d)/g, (m, word: string, n: string) => (isStopWord(word.toLowerCase()) ? m : word + n));
  s = s.toLowerCase();
  s = s.replace(/%/g, ' percent ');
  // "per cent" is the deck's spelling of "percent".
  s = s.replace(/\bper\s+cent\b/g, 'percent');
  // Prefix "e-" words are one word in people's minds (e-government, e-participation, e-services).
  s = s.replace(/\be\s*-\s*(?=[a-z]{2,})/g, 'e');
  // British and American spellings stem differently; fold -is- forms into -iz- on both sides.
  s = s.replace(/\b([a-z]{3,}[^aeiou\s])is(ation|ations|ational|e|es|ed|ing|er|ers)\b/g, '$1iz$2');
  s = s.replace(/[^\p{L}\p{N}.\s-]+/gu, ' ');
  // Keep "4.13" together; any other dot ends a word.
  s = s.replace(/(?<!\d)\.|\.(?!\d)/g, ' ');
  // One space between words, as the idioms are written ("came out #1": "came out 1").
  return s.replace(/\s{2,}/g, ' ');
}

/** A string as a regular expression that matches it literally ("KD 5.0" -> "KD 5\\.0"). */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words of a text, in order: normalised, split on spaces and hyphens, at most `max`. */
export function words(input: string, max = Number.MAX_SAFE_INTEGER): string[] {
  return splitWords(normalizeText(input), max);
}

/** Words of text normalizeText has already seen: split on spaces and hyphens, at most `max`. */
export function splitWords(normalized: string, max = Number.MAX_SAFE_INTEGER): string[] {
  const out: string[] = [];
  for (const w of normalized.split(/[\s-]+/)) {
    if (!w) continue;
    out.push(w);
    if (out.length >= max) break;
  }
  return out;
}

/**
 * One of a series as one word: "Plan B" -> "planb", "Tier 1" -> "tier1". When the stemmer would read the joined
 * word as a form of the series' own word ("Zone D" -> "zoned" -> "zone", "Plan S" -> "plans"), the letter is
 * written twice ("zonedd"), so that the item is never lost in the word it names.
 */
export function seriesToken(word: string, item: string): string {
  const joined = word + item;
  if (/\d/.test(item)) return joined;
  return stem(joined.toLowerCase()) === stem(word.toLowerCase()) ? joined + item : joined;
}

const stemCache = new Map<string, string>();

/** lunr's English stemmer, memoised (the index uses the same one). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = lunr.stemmer(new lunr.Token(word, {})).toString();
    // Bounded: hostile input could otherwise grow the cache without end.
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

const stopWordCache = new Map<string, boolean>();

/** lunr's English stop words ("the", "what", "how" ...), memoised: asked many times per question, each a new lunr.Token. */
export function isStopWord(word: string): boolean {
  let s = stopWordCache.get(word);
  if (s === undefined) {
    s = lunr.stopWordFilter(new lunr.Token(word, {})) === undefined;
    // Bounded, as the stem cache is.
    if (stopWordCache.size > 50_000) stopWordCache.clear();
    stopWordCache.set(word, s);
  }
  return s;
}
