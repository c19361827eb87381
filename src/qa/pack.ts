// A pack's vocabulary for answering, built once per content: its words and where they stand, what each
// document holds, its names for things (glossary and acronyms the text defines), and WordNet's synonyms.
import type lunr from 'lunr';
import type { Content } from '../content/schema.js';
import { isStopWord, seriesToken, stem, words } from '../content/text.js';
import { buildSearchDocs, type SearchDoc } from './docs.js';
import { actorsIn, agentsIn, docFeatures, numbersIn, ownCurrency, type Agent, type Feature } from './features.js';
import type { Alternative } from './analyze.js';
import { idiomsWritten } from './idioms.js';
import type { English } from './english.js';
import type { SearchIndex } from './search-index.js';
import { LunrScorer } from './lunr-scores.js';
import { buildDeleteIndex, type DeleteIndex } from './spelling.js';
import { wordGroups, wordMap, wordSet } from './word-lists.js';
import type { Related } from './wordnet.js';

export interface DocInfo {
  doc: SearchDoc;
  /** Position in Pack.docs. */
  i: number;
  /** Stems of its content words (title, text and keywords). */
  terms: Set<string>;
  /** Stems of what it is about: its heading ("Data divide: ..."), its title for glossary, meta and indicator docs. */
  lead: Set<string>;
  features: Set<Feature>;
  /** Stems of the sentences that hold a figure: what its figures count ("153 *countries*"). */
  counts: Set<string>;
  /** The same words as written, in the singular: "indices" and "indicators" share a stem, not a word. */
  countWords: Set<string>;
  /** Numbers its text states, as digits. */
  numbers: Set<string>;
  /** Which kinds of thing its figures count (lexicon count-kind lines: countries by any name, towns, people). */
  countKinds: Set<number>;
  /** Its first words, as stems with stop words kept: "the widget index wxi is". */
  opening: string[];
  /** Years it is about: in its text, its title or its citation ("the 2021 survey"). */
  years: Set<string>;
  /** Speaks of what is to come (plans, the next edition): may answer a question about the future. */
  future: boolean;
  /** Gives a score as a number ("a score of 0.98", "scored 61", "65.7 out of 100"). */
  scored: boolean;
  /** Stems it holds only inside names ("population" in "Population Data Services Agency"). */
  inNamesOnly: Set<string>;
  /** Who may have done what a "who" question asks: a role ("the minister"), an organisation's kind ("the agency"), or a name; `agents`: who it names as having done something, and how ("written by Ana Lopez"). */
  who: { role: boolean; orgWord: boolean; actors: { stems: string[]; org: boolean }[]; agents: Agent[] };
  /** A unit of the opening section that names most of the other sections: the author's outline of the session. */
  outline: boolean;
  /** A glossary entry's words beyond its term, as stems (none when it only spells the term out): worked out when first asked. */
  beyondTerm?: string[];
  /** Its words as one string, spaced at both ends (" the widget index is "): worked out when first asked. */
  flat?: string;
  /** The words of `flat`, as a set: worked out with it. */
  flatWords?: Set<string>;
  /** Gives an amount of money by a currency's code or name ("1,500 vatu"): worked out when first asked. */
  moneyNamed?: boolean;
}

/** Equivalent phrases (stem lists) for one thing: a glossary entry, or an acronym the text defines. */
export interface PhraseGroup {
  phrases: string[][];
  /** Stems of what the glossary says the term means: a question in those words is about the term. */
  meaning: Set<string>;
  /** Its name is an acronym ("ABC", "XYZ"): specific however often the pack uses it. */
  acronym: boolean;
  /** Its phrases as a concept's alternatives: one list shared by every question that names it (never changed). */
  alternatives: Alternative[];
}

export interface Pack {
  content: Content;
  docs: DocInfo[];
  byRef: Map<string, DocInfo>;
  /** Each section's units, in deck order. */
  sectionUnits: Map<string, DocInfo[]>;
  /** Every word the pack uses (normalised, unstemmed): the spelling dictionary. */
  vocab: Set<string>;
  /** Words its text also writes in lower case: "can" as a word, even when "CAN" is an acronym too. */
  plainWords: Set<string>;
  /** The kinds of question the title slide's facts answer (who, when, where...). */
  metaCues: string[];
  df: Map<string, number>;
  /** Stem -> positions (in docs) of the docs that hold it. */
  postings: Map<string, number[]>;
  deletes: DeleteIndex;
  /** The words spelling correction may turn a misspelling into: the vocabulary and singulars of its plurals. */
  spelling: Set<string>;
  groups: PhraseGroup[];
  /** Stem -> the groups whose meaning holds it, in order: the terms a question may describe. */
  meaningGroups: Map<string, number[]>;
  /** First stem of a phrase -> [group, phrase], longest phrase first. */
  phraseStarts: Map<string, { group: number; stems: string[] }[]>;
  /** One-word alternatives of a group -> its main word, so phrases compose ("egov strategy"). */
  canonical: Map<string, string>;
  /** Stem of an English word -> pack stems it can stand for (WordNet synonyms and derived forms). */
  related: Map<string, Related[]>;
  /**
   * A question word's stem -> the pack's words that stand for it, filled as questions come: kept, and
   * shared by every question with the word (never changed), so what is worked out from them can be kept too.
   */
  wordAlternatives: Map<string, Alternative[]>;
  /** General English: a word in it is never "corrected" into one of the pack's words. */
  english: English;
  /** An English adjective's stem -> the pack's adjectives of opposite meaning ("is it mandatory?" / "optional"). */
  opposites: Map<string, string[]>;
  /** Names of two capitalised words the pack writes ("South Asia", "Porto Alegre"), as "stem stem": asked for whole. */
  namePairs: Set<string>;
  /** Names of two capitalised words the pack writes with a hyphen ("Mwale-Sorensen"), as "word word": never one word. */
  hyphenNames: Set<string>;
  /** Place names the pack uses, lower case. */
  places: Set<string>;
  /** Those it names only on the title slide or in a title unit: where the session was held, no topic of its own. */
  settingPlaces: Set<string>;
  /** The same, as the stems of their words ("south ruritania"): a glossary's short name for one is that place. */
  placeStems: Set<string>;
  /**
   * Another name of a place the pack names, first word -> [the other name, the pack's name], longest first: a
   * question about "South Korea" asks about the pack's "Republic of Korea".
   */
  placeNames: Map<string, [asked: string[], own: string[]][]>;
  lunr: lunr.Index;
  /** lunr's scores for the tie-breaker, from each term's weights kept as questions use them. */
  lunrScores: LunrScorer;
  /** The median number of distinct terms of the pack's units: what a usual answer holds. */
  medianTerms: number;
  /** The lexicon's idioms the pack writes itself, which mean what they say in its questions too. */
  ownIdioms: Set<string>;
  /** Words of asking ("form", "list", "points") that the pack's glossary terms use as its own nouns ("Berth priority points"). */
  ownAsking: Set<string>;
}

let countKindCache: Set<string>[] | undefined;
/** Each count-kind line of the lexicon as stems: names for the same kind of thing counted. */
export const COUNT_KINDS = (): Set<string>[] => (countKindCache ??= wordGroups('count-kind').map((g) => new Set(g.map(term))));

/** A term every doc that ranks things holds: a superlative asked ("the biggest X") is held by any ranking. */
export const RANKING_TERM = '#ranking';
/** A term every doc that says who came first holds: "topped the index", "ranked first", "came joint first". */
export const FIRST_PLACE_TERM = '#firstplace';
/**
 * First place said in words: "X topped / headed the index" (not "was headed by"), "ranked (joint) first", "took first
 * place", "leads the table": the lexicon's rank verbs, lead verbs and words for a ranking, as questions read them.
 */
let firstPlace: RegExp | undefined;
const FIRST_PLACE = (): RegExp => {
  const any = (key: string) => [...wordSet(key)].join('|');
  return (firstPlace ??= new RegExp(String.raw`\b(?:topped|tops|topping|headed(?! by)|(?:${any('rank-verb')})(?: joint)? first|first place|(?:${any('lead-verb')}) (?:the|its) (?:\w+ ){0,3}?(?:${any('ranking-noun')}))\b`, 'i'));
};
/** A term every doc that gives an amount of money holds: "how much *money*..." is held by "C$125 million". */
export const MONEY_TERM = '#money';

/** A word's stem, with irregular forms read as their base word first ("grew" as "grow"). */
export const term = (w: string): string => stem(wordMap('irregular').get(w) ?? w);

/** A word that says what kind of answer is wanted or is too common to tell documents apart. */
export const isAskingWord = (w: string): boolean => isStopWord(w) || wordSet('asking').has(w);

/** Content words of a text, as stems. */
export function contentStems(text: string): string[] {
  return words(text)
    .filter((w) => !isAskingWord(w))
    .map(term);
}

/** Of the other sections, how many an outline must name (by a word of its title), at least. */
const OUTLINE_SHARE = 2 / 3;
const OUTLINE_MIN_SECTIONS = 4;

/**
 * Marks the author's outline: a list in the opening section (the one with the title slide) that names most other
 * sections by a word of their titles ("This session covers: the words we use; a short history; costs; lessons;
 * plans"). It tells what the session covers, not any one topic's facts.
 */
function markOutlines(content: Content, docs: DocInfo[]): void {
  const [first, ...rest] = content.sections;
  if (!first || rest.length < OUTLINE_MIN_SECTIONS || !first.units.some((u) => u.kind === 'title')) return;
  const candidates = new Set(first.units.filter((u) => u.kind !== 'title').map((u) => `u:${u.id}`));
  const titles = rest.map((s) => new Set(contentStems(s.title)));
  for (const d of docs) {
    if (!candidates.has(d.doc.ref) || !d.features.has('list')) continue;
    const named = titles.filter((t) => [...t].some((w) => d.terms.has(w))).length;
    if (named >= OUTLINE_SHARE * rest.length) d.outline = true;
  }
}

/** "Water gap: few pipes..." -> "Water gap"; otherwise the text's first few words. */
function leadText(doc: SearchDoc): string {
  if (doc.kind !== 'unit') return [doc.title, ...(doc.kind === 'meta' ? doc.keywords.slice(0, 4) : [])].join(' ');
  const colon = doc.text.indexOf(':');
  if (colon > 0 && colon <= 60) return doc.text.slice(0, colon);
  return doc.text.split(/\s+/).slice(0, 6).join(' ');
}

/** One of a series, named by the same word and a number or letter ("tier1", "groupd"): the word and the item. */
export function seriesItem(words: readonly string[]): { series: string; item: string } | undefined {
  const w = words.join('');
  // ("zonedd": "Zone D", its letter written twice so that it is no form of "zone".)
  const twice = /^([a-z]{3,})([a-z])\2$/.exec(w);
  if (twice && seriesToken(twice[1]!, twice[2]!) === w) return { series: twice[1]!, item: twice[2]! };
  const m = /^([a-z]{3,})([a-z]|\d{1,2})$/.exec(w);
  return m ? { series: m[1]!, item: m[2]! } : undefined;
}

/** A plural's singular as English spells most ("countries" -> "country", "indices" -> "indice"): for comparing, not for show. */
export function singular(w: string): string {
  if (w.length < 5 || !w.endsWith('s') || w.endsWith('ss')) return w;
  return w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.slice(0, -1);
}

/** Words a figure counts: the few after it ("93% of *countries*", "105 of the 150 *partner towns*"). */
const COUNTED_WINDOW = 3;
/** How far the counted words reach for a plural when the first few are none: "46 district procurement help *desks*". */
const HEAD_REACH = 5;

/** How far after a figure verb its figure may come: "rose from *3,200*", "was about *18* per cent", "rose from zero in 2019 to *402,000*". */
const SUBJECT_REACH = 6;
/** How many words before that verb its subject may take: "the share of *tenders run on the new site* was 18 per cent". */
const SUBJECT_WINDOW = 5;

/** A keyword that names what is counted: "number of retirees", "how many retirees", "share of adults". */
const COUNT_KEYWORD = /^(?:(?:the )?(?:number|count|total|share|percentage|proportion) of|how many) (.+)$/i;
function keywordCounted(keyword: string, out: Set<string>, asWritten: Set<string>): void {
  const m = COUNT_KEYWORD.exec(keyword.trim());
  if (!m) return;
  for (const w of words(m[1]!)) {
    if (isAskingWord(w)) continue;
    out.add(term(w));
    asWritten.add(singular(w));
  }
}

/** What a text's figures count: the words right after each figure or quantity word ("*most* countries have..."). */
function countedStems(text: string, asWritten?: Set<string>): Set<string> {
  const out = new Set<string>();
  // (Clause by clause: "five tiers, so each country..." counts tiers, not countries; but "22 new, accessible
  // stations" counts stations.)
  for (const sentence of text.split(/[.;!?](?:\s|$)|,\s+(?=(?:so|but|which|while|whereas|where|with|because|yet|although|though)\b)/i)) {
    const ws = words(sentence);
    const isFigure = (w: string) => /^\d[\d.,]*$/.test(w) && !/^(1[89]|20)\d\d$/.test(w);
    const isQuantity = (w: string) => wordSet('quantity').has(w) || wordMap('number-word').has(w);
    if (!ws.some((w) => isFigure(w) || isQuantity(w))) continue;
    // ("Registered *suppliers* grew from 3,200 to 7,850", "the average number of *bids* was 2.4": the figures
    // come after the verb and count its subject, the last few words before it.)
    // (Within its clause: "X look at the whole: in 2023 *there* were 17 of them" has no subject to count; "there"
    // says the figure's own words follow it.)
    // (The figure may come after a comma, "the share of X *fell* at first, from 22 per cent", but the subject is in the
    // verb's own clause.)
    const clauses = sentence.split(/:\s/);
    clauses.forEach((clause, c) => {
      const parts = clause.split(/,\s/).map((part) => words(part));
      const cs = parts.flat();
      const partOf = parts.flatMap((part, k) => part.map(() => k));
      // (Not a gap or a ratio: "farmers in these villages were *17 percentage points* more likely to...", "yields in
      // these villages were *9% higher*" count no farmers or villages.)
      const gap = (i: number) => /^(percentage|points?|times)$/.test(cs[i + 1] ?? '') || (cs[i + 1] === 'percent' && /^(higher|lower|more|less|fewer|above|below)$/.test(cs[i + 2] ?? ''));
      const verb = cs.findIndex((w, i) => wordSet('figure-verb').has(w) && cs[i - 1] !== 'there' && cs.slice(i + 1, i + 1 + SUBJECT_REACH).some((x, k) => isFigure(x) && !gap(i + 1 + k)));
      for (let k = verb - 1, taken = 0; k >= 0 && taken < SUBJECT_WINDOW && partOf[k] === partOf[verb]; k--) {
        const before = cs[k]!;
        if (isFigure(before) || isAskingWord(before)) continue;
        out.add(term(before));
        asWritten?.add(singular(before));
        taken++;
      }
      // ("Reports received: 6,400 in 2019, 71,000 in 2020": a label, then its figures, counts what the label names.)
      // (A series, its figures dated or placed, "6,400 in 2019"; not "Harbours with a berth map: 6 (9%) of the 64
      // towns", whose figure counts towns.)
      const after = c === 0 && clauses.length > 1 && cs.length <= SUBJECT_WINDOW && !cs.some(isFigure) ? words(clauses[1]!) : [];
      if (isFigure(after[0] ?? '') && /^(in|for|by|at|on)$/.test(after.find((w) => !isFigure(w)) ?? '')) {
        for (const w of cs) {
          if (isAskingWord(w)) continue;
          out.add(term(w));
          asWritten?.add(singular(w));
        }
      }
    });
    ws.forEach((w, i) => {
      if (!isFigure(w) && !isQuantity(w)) return;
      let taken = 0;
      let head = false;
      // (On to the plural that heads the phrase when modifiers come first: "46 district procurement help *desks*".)
      for (let k = i + 1; k < ws.length && (taken < COUNTED_WINDOW || (taken < HEAD_REACH && !head)); k++) {
        const next = ws[k]!;
        // ("9% higher *than* in comparison villages": what follows a comparison is what the figure is measured against.)
        if (next === 'than') break;
        if (isFigure(next) || isAskingWord(next)) continue;
        out.add(term(next));
        asWritten?.add(singular(next));
        head ||= singular(next) !== next;
        taken++;
      }
    });
  }
  return out;
}

/**
 * Acronyms the text defines: "Open Widget Data (OWD)" gives the phrase and its acronym. The phrase is
 * the run of words before the brackets whose capitals spell the acronym.
 */
export function definedAcronyms(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of text.matchAll(/([A-Za-z][\w'’-]*(?:\s+[\w'’&-]+){0,9})\s+\(([A-Z][A-Za-z0-9&-]{1,11})\)/g)) {
    const acronym = m[2]!;
    const letters = acronym.replace(/[^A-Z]/g, '');
    if (letters.length < 2) continue;
    const ws = m[1]!.split(/\s+/);
    // The shortest run of words ending before the brackets whose capitalised words hold all the acronym's capitals.
    for (let start = ws.length - 1; start >= 0; start--) {
      const run = ws.slice(start);
      const initials = run.filter((w) => /^[A-Z]/.test(w)).map((w) => w.replace(/[^A-Z]/g, '')).join('');
      if (initials.length >= letters.length - 1 && initials[0] === letters[0]) {
        out.push([acronym, run.join(' ')]);
        break;
      }
      if (run.length > letters.length + 3) break;
    }
  }
  return out;
}

function phraseGroups(content: Content, docs: SearchDoc[]): PhraseGroup[] {
  const groups: PhraseGroup[] = [];
  const byKey = new Map<string, PhraseGroup>();
  const add = (term: string, alternatives: string[], meaning = '') => {
    const phrases: string[][] = [];
    for (const p of [term, ...alternatives]) {
      const stems = contentStems(p);
      // A phrase that is only a number would capture every question with that number.
      if (!stems.length || stems.every((s) => /^\d+$/.test(s))) continue;
      if (!phrases.some((q) => q.join(' ') === stems.join(' '))) phrases.push(stems);
    }
    if (!phrases.length) return;
    const key = phrases[0]!.join(' ');
    const existing = byKey.get(key);
    if (existing) {
      for (const p of phrases) if (!existing.phrases.some((q) => q.join(' ') === p.join(' '))) existing.phrases.push(p);
      return;
    }
    const meant = new Set(contentStems(meaning).filter((s) => !phrases.some((p) => p.includes(s))));
    // (Its alternatives are made once every phrase is in: see buildPack.)
    const group = { phrases, meaning: meant, acronym: /^[A-Za-z0-9]{2,8}$/.test(term) && /[A-Z].*[A-Z]|\d/.test(term), alternatives: [] };
    groups.push(group);
    byKey.set(key, group);
  };
  for (const g of content.glossary) add(g.term, g.synonyms, g.expansion);
  for (const d of docs) for (const [acronym, phrase] of definedAcronyms(d.text)) add(acronym, [phrase]);
  // "WF" for "Widget Foundation": the initials of a name the pack uses, when they are no word of their own.
  const vocab = new Set(docs.flatMap((d) => words(d.text)));
  for (const d of docs) {
    for (const m of d.text.matchAll(/\b[A-Z][a-z]+(?: (?:of |and |for )?[A-Z][a-z]+){1,4}\b/g)) {
      // A sentence's first word is no part of the name: "In Ruritania" is Ruritania, not "IR".
      const ws = m[0].split(' ');
      while (ws.length && isStopWord(ws[0]!.toLowerCase())) ws.shift();
      const initials = ws.filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');
      const lower = initials.toLowerCase();
      if (initials.length >= 2 && !vocab.has(lower) && !isStopWord(lower)) add(initials, [ws.join(' ')]);
    }
  }
  return groups;
}

/** "dataset" -> "data", "set"; "cybersecurity" -> "cyber", "security": a compound of two of the pack's words. */
function compoundParts(w: string, vocab: ReadonlySet<string>): string[] {
  if (w.length < 7 || !/^[a-z]+$/.test(w)) return [];
  for (let i = 4; i <= w.length - 3; i++) {
    const a = w.slice(0, i);
    const b = w.slice(i);
    if (vocab.has(a) && vocab.has(b) && !isAskingWord(a) && !isAskingWord(b)) return [a, b];
  }
  return [];
}

/**
 * "barriers" -> "barrier", "policies" -> "policy": singular forms of plural words, for spelling correction.
 * (Not of a verb's "-es": "publishes" is no plural of a "publishe", which would catch "publishd".)
 */
function singulars(vocab: ReadonlySet<string>, english: English): string[] {
  const out: string[] = [];
  for (const w of vocab) {
    const one = singular(w);
    if (one !== w && (english.isLemma(one) || !english.has(w))) out.push(one);
  }
  return out;
}

const YEARS = /\b(1[89]\d\d|20\d\d)\b/g;
/** A score given as a number: the word and a number a few words on, or a number "out of" another or in points. */
const SCORED = /\b(?:scor(?:e|es|ed|ing)|rat(?:ing|ings|ed))\b(?:\W+[^\s\d]+){0,1}?\W+\d|\d[\d.,]*\s*(?:out of\b|points?\b)/i;
/**
 * The years a doc is about: those its text names; a text that names none is about its title's or its
 * citation's ("the 2021 survey"). A citation of several sources names years the text is not about.
 */
function yearsOf(doc: SearchDoc): Set<string> {
  const own = doc.text.match(YEARS);
  return new Set(own ?? [doc.title, doc.source.title].join(' ').match(YEARS) ?? []);
}

/** A name of two or more capitalised words inside a sentence ("Population Data Services Agency"). */
const NAME_RUN = /(?<![.:!?]\s|^)\b[A-Z][a-z]+(?:\s+(?:of\s+|and\s+|for\s+|the\s+)?[A-Z][a-z]+)+\b/g;

/** Stems a doc's text holds only as part of a name: a question's plain word there means something else. */
function inNamesOnly(doc: SearchDoc): Set<string> {
  const inside = new Set(contentStems((doc.text.match(NAME_RUN) ?? []).join(' ')));
  if (!inside.size) return inside;
  const outside = new Set(contentStems([doc.text.replace(NAME_RUN, ' '), doc.title, ...doc.keywords].join(' ')));
  return new Set([...inside].filter((t) => !outside.has(t)));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.max(1, s[Math.floor(s.length / 2)]!) : 1;
}

/**
 * For each place the pack names that has other names (WordNet's), those names, by first word, and the pack's own
 * name for the place. Only names the pack never writes: a pack that writes both has its own reasons. (`text`: the
 * pack's words, each unit's joined by spaces, between spaces.)
 */
function placeNamesOf(text: string, vocab: ReadonlySet<string>, english: English): Map<string, [string[], string[]][]> {
  // (Its words first: most names have one the pack never uses, and the text need not be searched for them.)
  const held = (name: string) => name.split(' ').every((w) => vocab.has(w)) && writesName(text, name);
  const out = new Map<string, [string[], string[]][]>();
  for (const names of english.placeSynonyms) {
    const own = names.find(held);
    if (!own) continue;
    for (const name of names) {
      const asked = name.split(' ');
      if (held(name) || isStopWord(asked[0]!)) continue;
      const list = out.get(asked[0]!) ?? [];
      if (!list.some(([a]) => a.join(' ') === name)) list.push([asked, own.split(' ')]);
      out.set(asked[0]!, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => b[0].length - a[0].length);
  return out;
}

/**
 * Does the text write this name on its own: not as the end of a longer one ("Republic of Korea" in "Democratic
 * People's Republic of Korea")? An article, a preposition or a unit's start before it says so.
 */
function writesName(text: string, name: string): boolean {
  for (let at = text.indexOf(` ${name} `); at >= 0; at = text.indexOf(` ${name} `, at + 1)) {
    const before = text.slice(text.lastIndexOf(' ', at - 1) + 1, at);
    if (!before || before === '|' || isStopWord(before)) return true;
  }
  return false;
}

/** The places the pack names only on its title slide or in title units: where the session was held. */
function settingPlacesOf(places: ReadonlySet<string>, docs: SearchDoc[], docWords: string[][]): Set<string> {
  // (Each doc's words joined once: a pack of many units and places would otherwise join them place by place.)
  const content = docs.flatMap((d, i) => (d.kind !== 'meta' && d.unitKind !== 'title' ? [` ${docWords[i]!.join(' ')} `] : []));
  return new Set([...places].filter((p) => !content.some((text) => text.includes(` ${p} `))));
}

/** Two capitalised words in a row, not at a sentence's start: a name the pack gives ("South Asia"). */
function namePairsOf(docs: SearchDoc[]): Set<string> {
  const out = new Set<string>();
  for (const d of docs) {
    for (const m of d.text.matchAll(/(?<![.!?:]\s|^)\b([A-Z][a-z]{2,}) ([A-Z][a-z]{2,})\b/g)) {
      const [a, b] = [m[1]!.toLowerCase(), m[2]!.toLowerCase()];
      if (!isStopWord(a) && !isStopWord(b)) out.add(`${term(a)} ${term(b)}`);
    }
  }
  return out;
}

export function buildPack(content: Content, index: SearchIndex): Pack {
  const wn = index.wordnet;
  const places = new Set(wn.places);
  const vocab = new Set<string>();
  const df = new Map<string, number>();
  const searchDocs = buildSearchDocs(content);
  const countKinds = COUNT_KINDS();
  const docWords = searchDocs.map((doc) => words([doc.title, doc.text, ...doc.keywords].join(' \n ')));
  for (const all of docWords) for (const w of all) vocab.add(w);
  const text = ` ${docWords.map((ws) => ws.join(' ')).join(' | ')} `;
  // ("Republic of Korea": a name of several words, one of them not capitalised, that WordNet knows as a place.)
  for (const list of index.english.places.values()) {
    for (const name of list) if (name.length > 1 && !isStopWord(name[0]!) && name.every((w) => vocab.has(w)) && writesName(text, name.join(' '))) places.add(name.join(' '));
  }
  const ownMoney = ownCurrency(content.glossary);
  const ownAsking = new Set(content.glossary.map((g) => g.term).flatMap((t) => words(t)).filter((w) => wordSet('asking').has(w)));
  const docs: DocInfo[] = searchDocs.map((doc, i) => {
    const all = docWords[i]!;
    // A compound holds its parts too: a question about "data" finds the "dataset".
    const terms = new Set([...all, ...all.flatMap((w) => compoundParts(w, vocab))].filter((w) => !isAskingWord(w) || ownAsking.has(w)).map(term));
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
    const features = docFeatures(doc, places);
    // (And by the currency the pack's glossary names: "SVS 250", "96 million KM".)
    if (ownMoney?.(doc.text)) features.add('money');
    const text = words(doc.text, Infinity);
    const countWords = new Set<string>();
    const counted = countedStems(doc.text, countWords);
    // (And what its keywords say it counts: "number of retirees" on a unit that says "612,000 pensioners".)
    if (features.has('number')) for (const k of doc.keywords) keywordCounted(k, counted, countWords);
    if (features.has('ranking')) terms.add(RANKING_TERM);
    if (FIRST_PLACE().test(doc.text)) terms.add(FIRST_PLACE_TERM);
    // (By a currency's sign or a common currency word: every currency's name is loaded only when a question asks
    // what something costs, not for every pack that loads.)
    if (features.has('money')) terms.add(MONEY_TERM);
    return {
      doc,
      i,
      terms,
      lead: new Set(contentStems(leadText(doc))),
      features,
      counts: counted,
      countWords,
      numbers: numbersIn(doc.text),
      countKinds: new Set(countKinds.flatMap((kind, k) => ([...counted].some((t) => kind.has(t)) ? [k] : []))),
      // (Stop words out, but "is" and "are" kept: they say that what comes before is being defined.)
      opening: text.slice(0, 16).filter((w) => w === 'is' || w === 'are' || !isStopWord(w)).map(term),
      years: yearsOf(doc),
      future: text.some((w) => wordSet('future-doc').has(w)),
      scored: SCORED.test(doc.text),
      inNamesOnly: inNamesOnly(doc),
      who: {
        role: text.some((w) => wordSet('role').has(w)),
        orgWord: text.some((w) => wordSet('organisation').has(w)),
        actors: actorsIn(doc.text, places).map((x) => ({ stems: x.words.map(term), org: x.org })),
        agents: agentsIn(doc.text, places),
      },
      // (Worked out when first asked, but there from the start: every doc keeps one shape, so the code that
      // reads docs for every question stays fast instead of meeting a new shape per combination filled in.)
      beyondTerm: undefined,
      flat: undefined,
      flatWords: undefined,
      moneyNamed: undefined,
      outline: false,
    };
  });
  markOutlines(content, docs);

  const sectionUnits = new Map<string, DocInfo[]>();
  for (const d of docs) {
    if (d.doc.section === undefined) continue;
    const list = sectionUnits.get(d.doc.section) ?? [];
    list.push(d);
    sectionUnits.set(d.doc.section, list);
  }

  const groups = phraseGroups(content, docs.map((d) => d.doc));
  for (const g of groups) g.alternatives = g.phrases.map((stems) => ({ stems, credit: 1 }));
  // A doc that names an acronym holds what it stands for: "the five XYZ pillars" is about the index too.
  for (const g of groups) {
    if (!g.acronym) continue;
    const [short, ...long] = [...g.phrases].sort((x, y) => x.length - y.length);
    const expansion = long[long.length - 1];
    if (!short || short.length !== 1 || !expansion) continue;
    for (const d of docs) {
      if (!d.terms.has(short[0]!)) continue;
      for (const t of expansion) {
        if (d.terms.has(t)) continue;
        d.terms.add(t);
        df.set(t, (df.get(t) ?? 0) + 1);
      }
    }
  }
  const postings = new Map<string, number[]>();
  for (const d of docs) {
    for (const t of d.terms) {
      const list = postings.get(t);
      if (list) list.push(d.i);
      else postings.set(t, [d.i]);
    }
  }

  const phraseStarts = new Map<string, { group: number; stems: string[] }[]>();
  groups.forEach((g, group) => {
    for (const stems of g.phrases) {
      const list = phraseStarts.get(stems[0]!) ?? [];
      list.push({ group, stems });
      list.sort((a, b) => b.stems.length - a.stems.length);
      phraseStarts.set(stems[0]!, list);
    }
  });
  const meaningGroups = new Map<string, number[]>();
  groups.forEach((g, i) => {
    for (const s of g.meaning) {
      const list = meaningGroups.get(s);
      if (list) list.push(i);
      else meaningGroups.set(s, [i]);
    }
  });
  const canonical = new Map<string, string>();
  for (const g of groups) {
    const singles = g.phrases.filter((p) => p.length === 1).map((p) => p[0]!);
    for (const w of singles.slice(1)) if (!canonical.has(w)) canonical.set(w, singles[0]!);
  }

  // Misspellings of a word the pack uses only in the plural ("barier" for "barriers") find it too.
  const spelling = new Set([...vocab, ...singulars(vocab, index.english)]);
  return {
    content,
    docs,
    byRef: new Map(docs.map((d) => [d.doc.ref, d])),
    sectionUnits,
    vocab,
    plainWords: new Set(searchDocs.flatMap((d) => d.text.match(/\b[a-z]+\b/g) ?? [])),
    metaCues: [...new Set(searchDocs.flatMap((d) => (d.kind === 'meta' ? d.cues : [])))],
    df,
    postings,
    deletes: buildDeleteIndex(spelling),
    spelling,
    groups,
    meaningGroups,
    phraseStarts,
    namePairs: namePairsOf(searchDocs),
    hyphenNames: new Set(searchDocs.flatMap((d) => [...d.text.matchAll(/\b([A-Z][a-z]+)-([A-Z][a-z]+)\b/g)].map((m) => `${m[1]} ${m[2]}`.toLowerCase()))),
    canonical,
    related: new Map(Object.entries(wn.related)),
    opposites: new Map(Object.entries(wn.opposites)),
    wordAlternatives: new Map(),
    english: index.english,
    places,
    settingPlaces: settingPlacesOf(places, searchDocs, docWords),
    placeStems: new Set([...places].map((p) => p.split(' ').map(term).join(' '))),
    placeNames: placeNamesOf(text, vocab, index.english),
    lunr: index.lunr,
    lunrScores: new LunrScorer(index.lunr),
    medianTerms: median(docs.filter((d) => d.doc.kind === 'unit').map((d) => d.terms.size)),
    ownIdioms: idiomsWritten(text),
    ownAsking,
  };
}
