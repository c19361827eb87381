// Reads a question: what kind of answer it wants (intents) and what it is about (concepts), in the pack's words.
import { MAX_CHARS, MAX_TOKENS, isStopWord, normalizeText, seriesToken, splitWords, words } from '../content/text.js';
import { baseForms } from './english.js';
import { ATTRIBUTES, findFocus, looksVerbal } from './focus.js';
import { isBareQuestion } from './followup.js';
import { readIdioms } from './idioms.js';
import { FIRST_PLACE_TERM, isAskingWord, MONEY_TERM, RANKING_TERM, seriesItem, term, type Pack } from './pack.js';
import { DERIVED_CREDIT, type Related } from './wordnet.js';
import { correctWord, editDistance } from './spelling.js';
import { wordGroups, wordMap, wordSet } from './word-lists.js';
import { docsWithAll } from './rank.js';

export type Intent =
  | 'howmany' // a figure: how many, what share
  | 'define' // what is X
  | 'abbrev' // what X stands for
  | 'list' // what are the N X
  | 'role' // what X does
  | 'who'
  | 'when'
  | 'duration' // how long something lasts or takes
  | 'age' // at what age, how old
  | 'frequency' // how often something happens
  | 'date' // only an answer with a date will do
  | 'where'
  | 'why'
  | 'how'
  | 'contact'
  | 'about' // the session itself
  | 'outline' // a summary of the whole session
  | 'figure' // which figure or chart
  | 'example' // examples of X: a unit that names instances of it ("such as", "for example")
  | 'advice' // what to do
  | 'compare' // A against B
  | 'yesno'; // "does X ...?", "is X ...?": any unit that speaks to it

/** One way a document can hold a concept: a phrase (stems, all present) and what it counts for. */
export interface Alternative {
  stems: string[];
  /** 1 for the question's own words and the pack's equivalents; less for WordNet's synonyms. */
  credit: number;
}

/** One thing the question is about: a word, or a phrase the pack names with its equivalents. */
export interface Concept {
  /** The question's words for it, as typed (after spelling correction). */
  words: string[];
  alternatives: Alternative[];
  /** A word about the session itself ("workshop", "presentation"). */
  context: boolean;
  /** Not a word the pack uses, nor related to one. */
  unknown: boolean;
  /** A glossary phrase, an acronym, or a name: specific even when the pack uses it often. */
  specific: boolean;
  /** An everyday word ("happens", "under") or a lone digit: says little about the topic. */
  generic: boolean;
  /** Positions of its words in the question (after cleaning). */
  positions: number[];
  /** A verb: "-ed"/"-ing" forms, and the word after a pronoun ("did it *start*", "does it *come* out"). */
  verbal?: boolean;
  /** One of the pack's terms (a glossary phrase or a keyword group): "dredging" there is a thing, not a verb. */
  term?: boolean;
  /** A place the pack names ("Ruritania"): a doc must name it too. */
  place?: boolean;
  /** An ordinal said as an adverb of time ("when did it *first* start?"): the earliest, not a place in a series. */
  adverb?: boolean;
  /** Said as a property of something named before ("what's *its* full title?"). */
  attribute?: boolean;
  /** Not said but meant: the question is in the words of a glossary term's meaning ("all departments work together"). */
  implied?: boolean;
  /**
   * Not in the pack, and what the question asks about or qualifies: weighs more against a doc that
   * lacks it ("the *salary* of X"), since the question is likely about something the pack does not cover.
   */
  foreign?: boolean;
}

/**
 * A concept with every field there from the start, always in this order: every concept has one shape, so the
 * code that reads concepts for every doc of every question stays fast (a field added later, "verbal" to one
 * and "place" to another, gave concepts a dozen shapes).
 */
export function newConcept(c: Pick<Concept, 'words' | 'alternatives' | 'context' | 'unknown' | 'specific' | 'generic' | 'positions'> & Partial<Concept>): Concept {
  return {
    words: c.words,
    alternatives: c.alternatives,
    context: c.context,
    unknown: c.unknown,
    specific: c.specific,
    generic: c.generic,
    positions: c.positions,
    verbal: c.verbal,
    term: c.term,
    place: c.place,
    adverb: c.adverb,
    attribute: c.attribute,
    implied: c.implied,
    foreign: c.foreign,
  };
}

export interface Analysis {
  /** The question as read (cleaned words). */
  words: string[];
  intents: Set<Intent>;
  concepts: Concept[];
  /** What the question asks about: an answer must hold every one of these. */
  focus: Concept[];
  /** The question's own verbs ("when did X *join* Y?"): a deck may say them in other words. */
  verbs: Concept[];
  /** "How many *countries*...": what the answer's figure must count. */
  counted?: Concept;
  /** "Which *countries* joined...": the kind of answer asked for; the answer need not name it. */
  typed?: Concept;
  /** Numbers the question names ("the *six* dimensions", "in *2020*"), as digits. */
  numbers: string[];
  /** Years the question names. */
  years: string[];
  /** Asks for a share ("what share", "what percentage"), not a count. */
  share: boolean;
  /** Asks how to do something oneself ("how do I get one?", "how can we apply"): steps answer it. */
  procedure?: boolean;
  /** A choice asked only as "A or B?", with no word of comparison ("more", "difference"). */
  either?: boolean;
  /** A bare term or phrase ("ABC?", "north region results?"), read as asking what it is. */
  bare: boolean;
  /**
   * Words the pack never uses that name what is asked about or qualify it ("the prime minister of
   * *Mongolia*", "the *capital* of X"): the question is about something the workshop does not cover.
   */
  outside: string[];
  /** Asks about what is still to come ("what will the next edition find?"). */
  future: boolean;
}

/**
 * An Analysis with every field, written in one order: every analysis has the same shape (the same hidden class),
 * so the answering code that reads them stays optimised. (Spreading one into another, or adding a field after,
 * gives each variant a shape of its own.)
 */
export function newAnalysis(a: Analysis): Analysis {
  return {
    words: a.words,
    intents: a.intents,
    concepts: a.concepts,
    focus: a.focus,
    verbs: a.verbs,
    counted: a.counted,
    typed: a.typed,
    numbers: a.numbers,
    years: a.years,
    share: a.share,
    procedure: a.procedure,
    either: a.either,
    bare: a.bare,
    outside: a.outside,
    future: a.future,
  };
}

const INTENTS: [Intent, RegExp][] = [
  ['howmany', /\b(how many|how much|number of|percent|percentage|proportion|share of|what share|count|statistics?|stats|fraction|figures? (for|on)|how (common|widespread|prevalent)|(is|are) (it|they|this|that) (common|widespread|rare|usual|unusual))\b|\bwhat %/],
  ['define', /\b(what is|what are|what was|what were|whats|define|definition|meaning|mean|means|explain|describe|tell me about|what about)\b/],
  ['abbrev', /\b(stands? for|acronym|abbreviation|short for|full form|expand)\b/],
  ['list', /\b(what are|what were|list|which are|name the|enumerate|components|elements|types|kinds|categories)\b/],
  ['role', /\bwhat (does|do|did|can|should|will) (.+ )?do\b|\b(role|roles|responsibilit\w*|functions?|tasks?|duties|mandate)\b/],
  ['who', /\b(who|whom|whose)\b/],
  ['when', /\bwhen\b|\b(what|which|whats) (?:(?:is|was|s) )?(?:(?:the|today|todays) )?(date|day|year|month|time)\b|\bsince when\b|\bby when\b|\bhow long (ago|has|have|had)\b/],
  // Asks for a date, so only an answer with one will do ("when will the next survey come out?").
  ['date', /^\W*((and|so|but|ok|okay|hey|hi) )?when\b|\b(what|which|whats) (?:(?:is|was|s) )?(?:(?:the|today|todays) )?(date|day|year|month)\b|\bsince when\b|\bby when\b|\bhow long (ago|has|have|had)\b/],
  ['duration', /\bhow long\b(?! (ago|has|have|had)\b)/],
  ['age', /\b(at|from|by|until|till) what age\b|\bhow old\b|\bwhat(?: is|s)? the (minimum |maximum |youngest |oldest |right |best )?age\b|\bwhat age\b/],
  // ("How often has it...?" counts occasions: the idiom list reads it as "how many".)
  ['frequency', /\bhow (often|frequently|regularly)\b|\bhow many times (a|per|each|every) (year|month|week|day)\b/],
  ['where', /\bwhere\b|\b(which|what) (country|city|place|region|venue|location)\b/],
  ['why', /\bwhy\b|\bwhat for\b|\bwhat('?s| is) the (point|purpose|reason)\b|\breasons? (for|why|behind)\b/],
  ['how', /\bhow (do|does|did|is|are|was|were|can|could|to|should|would)\b/],
  ['contact', /\b(contact|email|e ?mail|reach)\b/],
  ['figure', /\b(which|what) (fig|figure|chart|diagram|graph|graphic)\b/],
  // ("Examples of registries?", "any examples?", "like what?": instances of it, which a unit names as such.)
  ['example', /\b(examples?|instances? of|for instance|like what|such as what|case stud(y|ies))\b/],
  ['compare', /\bdifference between\b|\bdiffer(s|ence)? from\b|\bcompared? (to|with)\b|\bversus\b|\bvs\b|\b(which|what|who) (is|are|was|were|has|had|have|do|does|did)? ?(more|less|higher|lower|bigger|smaller|larger|better|worse)\b|\b(which|what|who) (is|are|was|were|came|happened) (earlier|later|sooner)\b|\b(more|less|fewer|higher|lower|bigger|smaller|larger|greater|better|worse|cheaper|dearer|faster|slower|older|newer|earlier|later|commoner|rarer)( [a-z]+){0,3} than (?!\d|half|a |an |one |two |three |four |five |ten |a? ?(dozen|hundred|thousand|million|billion)\b|(before|ever|usual|expected|planned|needed|nothing|now|today|last year)\b)|\bhow (many|much) (times )?(more|less|fewer|higher|lower|bigger|smaller|larger|greater|cheaper|dearer)\b(?=.* than (?!\d|(?:before|ever|usual|expected|planned|needed|now|today|last year)\b))/],
  // "What should a government do first about X?", "how to improve X": asks for a next step.
  ['advice', /\bwhat should (\w+ ){0,4}do\b|\b(first|next) steps?\b|\bwhere (to|should|do|can|would|could)( \w+){0,5} (start|begin)\b|\bhow (should|can|could|do) (we|i|our \w+) (use|apply|act on)\b|\bhow (to|can|could|should|do|does|would|might) (\w+ ){0,3}(improve|start|begin|introduce|set up|establish|create|build|adopt|develop|strengthen|implement|achieve|get started|get better)\b|\b(recommend|recommendation|recommendations|advice|advise|tips?|pointers|best practices?|dos and donts)\b/],
  ['yesno', /^\W*(?:(?:and|but|so|ok(?:ay)?)[, ]+)?(is|are|was|were|do|does|did|can|could|should|would|will|has|have|had)\b/],
  // ("What topics are we covering?", "what parts does the talk cover?": the session's outline.)
  ['outline', /\b(summari[sz]e|summary|overview|outline|recap|agenda|main points|what (is|was) (this|the) (\w+ )?(about|on)|whats (this|the) (\w+ )?(about|on))\b|\bwhat (topics |things )?(will|are|do) we (cover|covering|discuss|discussing|going to cover)\b|\bwhat (parts|topics|sections|areas|things) (does|will|did) (the|this) (talk|session|presentation|workshop|deck|lecture) cover\b|\bwhat (topics|sections|areas|things) (are|were|will be|get) (covered|discussed)\b/],
];

const ADVICE = INTENTS.find(([i]) => i === 'advice')![1];
const WHEN = INTENTS.find(([i]) => i === 'when')![1];

/** An everyday word, in any of its regular forms ("put", "putting"). */
const isGeneric = (w: string): boolean => baseForms(w, 2).some((b) => wordSet('generic').has(b));

/**
 * Every "when" of the question opens a clause that sets a time ("what was listed *when it launched*"): another
 * question word comes before it, no "and" joins it, no auxiliary follows it ("and when *did* it start?"
 * asks), and nothing else in the question asks for a date ("what year", "since when").
 */
function subordinateWhen(words: readonly string[]): boolean {
  const wh = wordSet('wh');
  let seen = false;
  for (const [k, w] of words.entries()) {
    if (w !== 'when') continue;
    seen = true;
    const before = words.slice(0, k);
    if (!before.some((b) => b !== 'when' && wh.has(b))) return false;
    // ("...and when?", "which route launched when?": nothing after it, so it asks.)
    if (k === words.length - 1) return false;
    // ("How can I find out when X launched?", "who knows when...": the time is what is to be found out.)
    if (/^(and|or|but|so|then|since|by|until|till|know|knows|out|check|tell|ask|wonder|remember|sure)$/.test(words[k - 1] ?? '')) return false;
    if (wordSet('aux').has(words[k + 1] ?? '')) return false;
  }
  return seen && !WHEN.test(words.filter((w) => w !== 'when').join(' '));
}

/** Word -> the stems of the words a lexicon "opposites" line sets against it (read once). */
let oppositeStems: Map<string, string[]> | undefined;
function opposites(w: string): readonly string[] {
  if (!oppositeStems) {
    oppositeStems = new Map();
    for (const line of wordGroups('opposites')) {
      const split = line.indexOf('vs');
      // (A line needs two sides: tests/qa/lexicon.test.ts checks each has one "vs".)
      if (split <= 0 || split === line.length - 1) continue;
      const sides = [line.slice(0, split), line.slice(split + 1)];
      for (const [k, side] of sides.entries()) for (const x of side) oppositeStems.set(x, [...(oppositeStems.get(x) ?? []), ...sides[1 - k]!.map(term)]);
    }
  }
  return oppositeStems.get(w) ?? [];
}

/** "Which came first, A or B?", "A or B?": a choice between two things, asked as a question. */
const EITHER = /\bor\b[^?]*\?\s*$/i;

const SHORTHAND = (): ReadonlyMap<string, string> => wordMap('shorthand');

/** Words that are not what a question is about: question frame, politeness, everyday words. */
const isFrameWord = (w: string): boolean => isStopWord(w) || wordSet('asking').has(w) || wordSet('aux').has(w);

/** The whole word of a clipping ("recs": "recommendations"), when the pack writes the whole word, not the clipping. */
function clippedWord(pack: Pack, w: string): string | undefined {
  const whole = wordMap('clipping').get(w);
  return whole !== undefined && pack.vocab.has(whole) && !pack.vocab.has(w) ? whole : undefined;
}

function fixShortWord(w: string): string {
  // "hav", "wat", "whta": short typos of question words; never turned into content words.
  for (const f of wordSet('wh')) {
    if (f[0] === w[0] && Math.abs(f.length - w.length) <= 1 && editDistance(w, f, 1) <= 1) return f;
  }
  return w;
}

/**
 * "aply", "adres": a short word neither the pack nor English has, which is the one word of the pack's with a letter
 * more (the slip people make most in short words: a letter left out), its first letter the same. (Short words are
 * otherwise left alone: too many words are one letter from them.)
 */
function dropped(pack: Pack, w: string): string | undefined {
  if (w.length !== 4) return undefined;
  const from = pack.deletes.get(w);
  const found = (typeof from === 'string' ? [from] : (from ?? [])).filter((c) => c.length === w.length + 1 && c[0] === w[0]);
  return found.length === 1 ? found[0] : undefined;
}

/** Particles a verb takes to make a noun of one word: "rollout", "setup", "signup", "breakdown", "handover". */
const NOUN_PARTICLE = /^([a-z]{3,})(out|up|in|on|off|down|over|back)$/;
/**
 * "The *rollout*" of a pack that says "rolled out": a noun made of a verb and its particle, which the pack never
 * writes as one word but uses the verb of, is the verb and the particle.
 */
function phrasalNoun(pack: Pack, w: string): string[] | undefined {
  // (Not "session" or "million": no such noun ends in "-ion". Each word is worked out once per pack.)
  if (w.endsWith('ion')) return undefined;
  let seen = phrasalNouns.get(pack);
  if (!seen) phrasalNouns.set(pack, (seen = new Map<string, string[] | null>()));
  let found = seen.get(w);
  if (found === undefined) {
    const m = NOUN_PARTICLE.exec(w);
    // ("Setup": the verb doubled its consonant, or not: "set", "sett"; "sign" in "signup".)
    const verb = m ? [m[1]!, m[1]!.replace(/([b-df-hj-np-tv-z])\1$/, '$1')].find((v) => pack.english.isVerb(v) && pack.postings.has(term(v))) : undefined;
    found = verb ? [verb, m![2]!] : null;
    if (seen.size < MAX_KEPT_WORDS) seen.set(w, found);
  }
  return found ?? undefined;
}
const phrasalNouns = new WeakMap<Pack, Map<string, string[] | null>>();

function splitWord(pack: Pack, w: string): string[] | undefined {
  // "datadivide" -> "data divide": both halves must be words the pack uses.
  for (let i = 3; i <= w.length - 3; i++) {
    const a = w.slice(0, i);
    const b = w.slice(i);
    if (pack.vocab.has(a) && pack.vocab.has(b) && !isStopWord(a) && !isStopWord(b)) return [a, b];
  }
  return undefined;
}

/** A number of a number (not of a year: "88 percent of 2023 crossings"), or two numbers joined by a sum's word. */
const ARITHMETIC = /\b\d+(?:\.\d+)? (?:percent|per cent) of (?!(?:19|20)\d\d\b)\d|\b\d+(?:\.\d+)?(?: (?:hundred|thousand|million|billion|trillion))? (?:plus|minus|times|divided by|multiplied by|x) \d/;

/** A plural noun: an English word with "s", "es" or "ies" ("vessels", "taxes", "agencies"), not "various" or "less". */
export function isPlural(pack: Pack, w: string): boolean {
  if (!/s$/.test(w) || /(ss|us|is)$/.test(w)) return false;
  return baseForms(w, 3).some((b) => b !== w && pack.english.isLemma(b));
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Words of grammar that WordNet, a dictionary of content words, does not list. */
const GRAMMAR_WORDS = /^(whose|whom|whilst|whereas|whereby|whether|wherever|whoever|whatever|whichever)$/;
/** The lists of everyday words that carry no topic ("actually", "because", "presenter"). */
const EVERYDAY = ['asking', 'generic', 'advice', 'session', 'person'];
const everyday = (w: string) => isStopWord(w) || EVERYDAY.some((list) => wordSet(list).has(w));
/**
 * A form of an English word that the word list does not spell out: "whose", "simpler", "biggest", "taxes".
 * (Such a word is read as typed, never as a slip for another.)
 */
function mayBeEnglish(pack: Pack, w: string): boolean {
  if (GRAMMAR_WORDS.test(w) || wordMap('irregular').has(w)) return true;
  // A regular inflection of a word however short ("taxes"), or its comparative or superlative ("simpler",
  // "busiest", "bigger").
  return [...baseForms(w, 2), ...comparedBases(w)].some((b) => pack.english.isLemma(b));
}
/** The bases a comparative or superlative may come from: "happier" happy, "simpler" simple, "bigger" big. */
function comparedBases(w: string): string[] {
  const compared = [w.replace(/i(er|est)$/, 'y'), w.replace(/(er|est)$/, ''), w.replace(/(r|st)$/, '')].filter((b) => b !== w && b.length >= 2);
  return [...compared, ...compared.map((b) => b.replace(/(.)\1$/, '$1'))];
}

/**
 * One of our everyday words one slip away ("actualy", "becuase", "presentor"), when the pack has no word for
 * it: read as that word, which carries no topic, rather than as a strange word that would weigh most. A letter
 * left out first (the commonest slip), then two swapped, one wrong, one too many.
 */
function everydayTypo(pack: Pack, w: string): string | undefined {
  if (mayBeEnglish(pack, w)) return undefined;
  const edits: string[] = [];
  for (let i = 0; i <= w.length; i++) for (const c of LETTERS) edits.push(w.slice(0, i) + c + w.slice(i));
  for (let i = 0; i + 1 < w.length; i++) edits.push(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
  for (let i = 0; i < w.length; i++) for (const c of LETTERS) if (c !== w[i]) edits.push(w.slice(0, i) + c + w.slice(i + 1));
  for (let i = 0; i < w.length; i++) edits.push(w.slice(0, i) + w.slice(i + 1));
  // (Its first letter kept, as the pack's own spelling check keeps it: "avery" is a name, not "every".)
  return edits.find((e) => e.length >= 4 && e[0] === w[0] && everyday(e));
}

/** Does the pack know this word, or is it everyday English we should not "correct"? */
function keepAsTyped(pack: Pack, w: string): boolean {
  if (pack.vocab.has(w) || everyday(w) || /\d/.test(w)) return true;
  // An English word the pack does not use ("start" beside the pack's "smart"), or an inflection of one.
  // (Or a word of grammar WordNet does not list: "whose" is no slip for the pack's "whole".)
  return pack.english.has(w) || GRAMMAR_WORDS.test(w);
}

/** A letter or a small number that names one of a series after its word ("group *c*", "tier *3*"). */
const SERIES_ITEM = /^([a-z]|\d{1,2})$/;

/** An acronym the pack's glossary or text spells out ("WXF"). */
function ownAcronym(pack: Pack, word: string): boolean {
  return (pack.phraseStarts.get(term(word)) ?? []).some((p) => p.stems.length === 1 && pack.groups[p.group]!.acronym);
}

/** Question words after expanding chat spelling, joining split compounds and fixing misspellings. */
function cleanWords(pack: Pack, raw: string[]): string[] {
  const out: string[] = [];
  const numberWord = wordMap('number-word');
  /** The name of the series just read ("group" after "groups c"), for "and d". */
  let series: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const next = raw[i + 1];
    // "sec-gen", split by the hyphen: chat shorthand of two pieces.
    const pair = next !== undefined ? SHORTHAND().get(raw[i]! + next) : undefined;
    if (pair) {
      out.push(...pair.split('-'));
      i++;
      continue;
    }
    // ("docs", "recs": a clipped word that is also English, "doc" a doctor, so read as the whole word when the
    // pack uses the whole word and not the short one.)
    // (Not an acronym of the pack's own: "WAS" of a pack that spells it out is not "was".)
    const w = (ownAcronym(pack, raw[i]!) ? undefined : SHORTHAND().get(raw[i]!)) ?? clippedWord(pack, raw[i]!) ?? raw[i]!;
    // "shouldnt" (or "shouldn't", whose apostrophe is gone by now): two words, "should not".
    if (w.includes('_')) {
      out.push(...w.split('_'));
      continue;
    }
    // "groups c and d": the second one of the series too.
    if (series && /^(and|or|to)$/.test(w) && next && SERIES_ITEM.test(next) && pack.vocab.has(seriesToken(series, next))) {
      out.push(w, seriesToken(series, next));
      i++;
      continue;
    }
    series = undefined;
    // "e mail" -> "email", "4 ps" -> "4ps", "four ps" -> "4ps": when the pack writes it as one.
    // (Not a name the pack writes with a hyphen: "Mwale-Sorensen" is two words, though an email address joins them.)
    if (next !== undefined && !pack.hyphenNames.has(`${w} ${next}`)) {
      const singular = w.endsWith('s') ? w.slice(0, -1) : w;
      // ("zone d": "zonedd", as the pack writes "Zone D": see seriesToken.)
      const item = SERIES_ITEM.test(next);
      const join = (x: string) => (item ? seriesToken(x, next) : x + next);
      const joined = [join(w), `${numberWord.get(w) ?? w}${next}`, join(singular)].find((j) => pack.vocab.has(j) && (j.length >= 6 || /^\d/.test(j) || /\d$/.test(j)));
      if (joined && (!isStopWord(w) || /^\d/.test(joined))) {
        out.push(joined);
        if (item) series = seriesItem([joined])?.series;
        i++;
        continue;
      }
    }
    const phrasal = pack.vocab.has(w) ? undefined : phrasalNoun(pack, w);
    if (phrasal) out.push(...phrasal);
    else if (keepAsTyped(pack, w)) out.push(w);
    else if (w.length >= 5 && w.length <= 20) {
      const fixed = correctWord(pack.deletes, pack.spelling, w, (c) => pack.df.get(term(c)) ?? 0) ?? everydayTypo(pack, w);
      if (fixed) out.push(fixed);
      else out.push(...(clipped(pack, w) ?? (w.length >= 7 ? (splitWord(pack, w) ?? [w]) : [w])));
    } else if (w.length >= 3) {
      // (A question word's slip first: "whta" is "what", never a pack word.)
      const wh = fixShortWord(w);
      out.push(wh !== w ? wh : (dropped(pack, w) ?? w));
    } else out.push(w);
  }
  // "which group is bigger, B or C?": a lone letter of a choice named by a word a little before it, when the
  // pack writes them as one ("groupb"). ("a" and "i" are words of their own.)
  for (let k = 0; k < out.length; k++) {
    const x = out[k]!;
    const choice = (w: string | undefined) => w !== undefined && /^(or|and|vs|versus)$/.test(w);
    if (!/^[b-hj-z]$/.test(x) || !(choice(out[k - 1]) || choice(out[k + 1]))) continue;
    for (let j = k - 1; j >= Math.max(0, k - 5); j--) {
      const head = out[j]!;
      const joined = [seriesToken(head, x), seriesToken(head.replace(/s$/, ''), x)].find((c) => c.length >= 4 && pack.vocab.has(c));
      if (joined) {
        out[k] = joined;
        break;
      }
    }
  }
  return out;
}

/**
 * A word cut short ("telem"): not English, and the start of the pack's words of one stem only ("telemetry",
 * "telemetric"). The one the pack uses most stands for it.
 */
function clipped(pack: Pack, w: string): string[] | undefined {
  if (pack.english.has(w)) return undefined;
  let best: string | undefined;
  let stem: string | undefined;
  for (const v of pack.vocab) {
    if (v.length <= w.length + 1 || !v.startsWith(w)) continue;
    const t = term(v);
    if (stem !== undefined && t !== stem) return undefined;
    stem = t;
    if (best === undefined || (pack.df.get(t) ?? 0) > (pack.df.get(term(best)) ?? 0) || (t === term(best) && v.length < best.length)) best = v;
  }
  return best === undefined ? undefined : [best];
}

/** Most distinct question words whose alternatives a pack keeps (question words are anyone's input). */
const MAX_KEPT_WORDS = 5000;


/** The stems of the words for a country (lexicon/answers.txt), and what each lends the others. */
let countryStemList: string[] | undefined;
const countryStems = (): string[] => (countryStemList ??= [...new Set([...wordSet('country-word')].map(term))]);
const COUNTRY_CREDIT = 0.8;

/** The pack's words that stand for a question word, kept per pack: shared, so never to be changed. */
function alternativesOf(pack: Pack, stemmed: string): Alternative[] {
  let alts = pack.wordAlternatives.get(stemmed);
  if (!alts) {
    alts = wordAlternatives(pack, stemmed);
    if (pack.wordAlternatives.size >= MAX_KEPT_WORDS) pack.wordAlternatives.clear();
    pack.wordAlternatives.set(stemmed, alts);
  }
  return alts;
}

/** The pack's words that stand for a question word: its own stem, its group's main word, WordNet's relatives. */
function wordAlternatives(pack: Pack, stemmed: string): Alternative[] {
  const alts: Alternative[] = [{ stems: [stemmed], credit: 1 }];
  const canon = pack.canonical.get(stemmed);
  if (canon) alts.push({ stems: [canon], credit: 1 });
  // WordNet bridges a word the pack does not use to one it does; a word the pack uses means what it says,
  // but a place is also named by its adjective ("Ruritania" in "Ruritanian agencies", and the other way).
  const known = pack.postings.has(stemmed) && !pack.places.has(stemmed);
  for (const [s, credit] of pack.related.get(stemmed) ?? []) {
    // (A short name for one of two words is another name for the same thing: "UK" and "United Kingdom" both.
    // A longer word the pack uses means what it says: "union" is not the "trade union".)
    if (known && !pack.places.has(s) && !(s.includes(' ') && stemmed.length <= 4)) continue;
    // ("UK" for the pack's "United Kingdom": a compound's stems, every one needed.)
    const stems = s.split(' ');
    if (!alts.some((a) => a.stems.join(' ') === s)) alts.push({ stems, credit });
  }
  return alts;
}

/** A verb and its particle in the question ("who set it up?"), which the pack says in other words ("established"). */
interface Phrasal {
  /** Position of the particle. */
  particle: number;
  base: string;
  related: Related[];
}

/**
 * Verbs with a particle, by the verb's position: "set up", "set it up", "came out", whenever WordNet gives the
 * phrase a meaning the pack has in a word of its own ("set up" / "established", "came up with" / "devised").
 */
function phrasalVerbs(pack: Pack, cleaned: string[]): Map<number, Phrasal> {
  const out = new Map<number, Phrasal>();
  for (let k = 0; k + 1 < cleaned.length; k++) {
    const w = cleaned[k]!;
    const particle = wordSet('particle-object').has(cleaned[k + 1]!) ? k + 2 : k + 1;
    const after = cleaned[particle];
    if (after === undefined || isStopWord(w)) continue;
    const bases = [wordMap('irregular').get(w) ?? w, ...baseForms(w, 2)];
    for (const base of bases) {
      const related = pack.related.get(`${base}_${after}`);
      if (!related) continue;
      out.set(k, { particle, base, related });
      break;
    }
  }
  return out;
}

/**
 * Single words in a verb's place: after an auxiliary and its subject ("did *X* join", "could it save"),
 * and not after a determiner or preposition (which would make them a noun: "did the *join*...").
 */
function verbsOf(concepts: Concept[], words: string[]): Concept[] {
  // (Pushed onto one array literal, not made by filter(): V8's optimised rank met the two in other shapes.)
  const verbs: Concept[] = [];
  const aux = words.findIndex((w) => wordSet('do-aux').has(w));
  if (aux < 0) return verbs;
  for (let k = 0; k < concepts.length; k++) {
    const c = concepts[k]!;
    if (c.words.length !== 1 || c.specific) continue;
    const p = c.positions[0] ?? -1;
    const before = words[p - 1] ?? '';
    if (p > aux + 1 && !wordSet('det').has(before) && !wordSet('prep').has(before) && !wordSet('belonging').has(before) && !wordSet('possessive').has(before)) verbs.push(c);
  }
  return verbs;
}

/** "first" between an auxiliary's subject and the verb ("did X *first* start"), not after a determiner or before a preposition. */
function firstAsAdverb(cleaned: string[], p: number): boolean {
  const before = cleaned[p - 1] ?? '';
  const after = cleaned[p + 1];
  if (after === undefined || /^\d/.test(after) || wordSet('prep').has(after) || isStopWord(after) || /^(one|ones|time|times)$/.test(after) || before === 'very') return false;
  if (wordSet('det').has(before) || wordSet('prep').has(before) || wordSet('belonging').has(before) || wordSet('possessive').has(before)) return false;
  return cleaned.slice(0, p - 1).some((w) => wordSet('do-aux').has(w) || /^(is|are|was|were|has|have|had)$/.test(w));
}

/** A statement then "right?" or "correct?" asks to confirm it: the tag is not a topic ("X has a portal, right?"). */
const CONFIRM_TAG = /(^|[.!?]\s*)([a-z][^.!?]*?),?\s+(right|correct)\s*\?/gi;
/** A clause that opens with a question word or a verb asks already: its "right" is a word of its own ("is the right to X..."), as in a clause too short to state anything ("the right?"). */
const ASKS = /^(what|whats|which|who|whos|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could|should|would|will|has|have|had|isnt|arent)\b/i;
const dropConfirmTags = (q: string): string =>
  q.replace(CONFIRM_TAG, (all, start: string, clause: string) => (ASKS.test(clause) || clause.split(/\s+/).length < 3 ? all : `${start}${clause}?`));

/** Question words: they open a clause by themselves; a verb opens one only before its subject ("..., do you know"). */
const WH_OPENERS = String.raw`what|whats|what's|wat|which|who|whos|who's|when|where|why|how`;
/** Words a question opens with: a question word, or an auxiliary put first. */
const OPENERS = String.raw`${WH_OPENERS}|is|are|was|were|do|does|did|can|could|should|would|will`;
const SUBJECT = String.raw`i|you|we|they|it|he|she|there|this|that|these|those|the|a|an|our|my|your|their|its|any|some|all|most`;
/**
 * Where one clause ends and the next begins: a sentence's end, a dash or semicolon, or a comma before a question
 * word ("How did our region, East Asia, do compared with...?" goes on after its commas).
 */
const CLAUSE_BREAK = new RegExp(String.raw`(?<=[.?!])\s+(?=\S)|\s+[-\u2013\u2014]+\s+|;\s+|,\s+(?=(?:(?:so|and|but|ok|okay)\s+)?(?:(?:${WH_OPENERS})\b|(?:${OPENERS})\s+(?:${SUBJECT})\b))|,\s+(?=(?:i|i'm|im|i've|ive|we)\s+(?:have|need|am|got|must|want|only|was|are|came|had|left|lost|just|[a-z]{2,}ed)\b|(?:need|needed|want|wanted)\s+(?:it|this|that|them)\b)`, 'i');
/**
 * A clause that asks: it opens with a question word or a verb (after a greeting or "so"), ends in "?", or asks to
 * be told (not someone else's asking: "my director keeps asking me to explain it").
 */
const ASKING_CLAUSE = new RegExp(String.raw`^\W*(?:(?:so|and|but|ok|okay|hi|hey|also|then|pls|please)[,!]?\s+)*(?:${OPENERS}|whom|whose|has|have|had)\b|\?\s*$|(?<!\b(?:me|us|him|her|them) to )\b(?:tell me|explain|define|describe|summari[sz]e|give me|list)\b`, 'i');
/** Words that point back at something said before in the message ("how many signed *it*?"). */
const POINTS_BACK = /\b(it|its|they|them|their|there|that|this|those|these|he|she|him|her|his)\b/i;
/** "How do *they* register", "can *she* apply": the subject after an auxiliary is who acts (to take out with `replace`, keeping $1). */
const ACTOR = /\b((?:do|does|did|can|could|should|would|will|must|may|might) )(?:they|he|she) (?=[a-z])/gi;
/** "What do *they* mean by X?", "what do you call X?": no one in particular, pointing back at nothing (to take out with `replace`). */
export const IMPERSONAL = /\b(?:do|does|did) (?:they|you|people) (?:mean|call|say)\b/gi;

/**
 * "Our board is replacing its ferries and the broker keeps saying BDQ. What is BDQ?": a message that
 * tells its setting and asks one thing. The one clause that asks, when it names its topic itself (no
 * "it" or "there" pointing back at the setting), is what the message asks; the other clauses are background.
 */
function askingClause(question: string): string | undefined {
  const clauses = question.slice(0, MAX_CHARS).split(CLAUSE_BREAK).map((c) => c.trim()).filter((c) => /[a-z]{2}/i.test(c));
  if (clauses.length < 2) return undefined;
  const asking = clauses.filter((c) => ASKING_CLAUSE.test(c));
  if (asking.length !== 1) return undefined;
  // ("Do women go online less than men? By how much?": a bare question phrase asks too, of the same thing; a
  // setting before them is still the setting: "we run two ferries. did fares go up? by how much".)
  const bare = clauses.filter(isBareQuestion);
  if (bare.length + 1 === clauses.length) return undefined;
  const clause = [asking[0]!, ...bare].join(' ');
  // ("What do *they* mean by X?": anyone, not something said before.)
  // ("How long does *this session* last?": the session, not something said before.)
  // ("Which groups need *their own* services?": the clause's own subject; not "which have *their own*?", which
  // points back at what the setting named.)
  // ("How do *they* register on the ferry site?": who is to act, which the setting told; the clause names its topic.)
  return POINTS_BACK.test(ownPossessive(clause.replace(IMPERSONAL, '').replace(ACTOR, '$1').replace(/\b(?:their|its|his|her) own (?=[a-z])/gi, '').replace(thisSession(), ''))) ? undefined : clause;
}

/**
 * The clause without a possessive that stands for its own subject: "what share of *countries* link from *their*
 * portal?", "how does the *agency* fund *its* work?" ("what is *its* budget?" names nothing before it: that one
 * points back).
 */
function ownPossessive(clause: string): string {
  const ws = clause.toLowerCase().match(/[a-z]+/g) ?? [];
  const at = ws.findIndex((w) => w === 'their' || w === 'its');
  // ("Which ports have *their own*?": own what? The thing the setting named.)
  if (at < 0 || ws[at + 1] === 'own' || ws[at + 1] === undefined) return clause;
  const before = ws.slice(0, at).filter((w) => !isAskingWord(w));
  const owner = ws[at] === 'their' ? before.some((w) => /[a-z]{2}s$/.test(w) && !/ss$/.test(w)) : before.length > 0;
  return owner ? clause.replace(/\b(their|its)\b/i, '') : clause;
}

/** A term of one to five words in quotes ("the term 'X'", "what is \u201cX\u201d?"), as typed. */
function quotedTerm(question: string): string | undefined {
  const m = /(?:^|[\s(])["\u201c\u2018']([^"\u201d\u2019']{2,60})["\u201d\u2019'](?=$|[\s,.?!;:)])/.exec(question);
  return m && m[1]!.trim().split(/\s+/).length <= 5 ? m[1] : undefined;
}

/** "this session", "today's workshop", "this 45-minute talk": the session itself (built once, from the word list). */
const sessionRefSource = () => String.raw`\b(?:this|that|today'?s|our)\s+(?:[\w-]+\s+){0,2}?(?:${[...wordSet('session')].join('|')})\b`;
let sessionRef: RegExp | undefined;
let sessionRefOnce: RegExp | undefined;
/** Every mention of the session itself, to take out of a text. */
function thisSession(): RegExp {
  return (sessionRef ??= new RegExp(sessionRefSource(), 'gi'));
}
/** Does the text speak of the session itself ("this session", "this 45-minute workshop")? */
const namesThisSession = (text: string): boolean => (sessionRefOnce ??= new RegExp(sessionRefSource(), 'i')).test(text);

/** Asks a fact the title slide gives: who, when, where, how long, how to get in touch. */
const asksSessionField = (intents: ReadonlySet<Intent>) => (['who', 'when', 'where', 'contact', 'duration'] as const).some((i) => intents.has(i));
/** The setting around what is asked: every concept that shares no word with `topic` becomes an everyday word. */
function keepOnlyTopic(concepts: Concept[], topic: readonly string[]): void {
  const own = new Set(topic.map(term));
  // (A term the setting said first and the question says again in other words, "provincial" then "local
  // government", is one concept: the question's words for it keep it.)
  for (const c of concepts) if (!c.words.some((w) => own.has(term(w))) && !c.alternatives.some((alt) => alt.stems.every((t) => own.has(t)))) c.generic = true;
}
/** "What day is *session 4* again?": a word for the session, alone or numbered. */
const sessionWord = (c: Concept) => c.context || (c.words.length === 1 && wordSet('session').has(c.words[0]!.replace(/\d+$/, '')));
/** A clause about the session: its words are all for the session, or what it asks about is. */
const aboutSession = (a: Analysis) => (a.concepts.length > 0 && a.concepts.every((c) => sessionWord(c) || c.generic)) || (a.focus.length > 0 && a.focus.every(sessionWord));

export function analyze(pack: Pack, question: string): Analysis {
  // What the message asks, apart from the setting it tells: its words alone decide what the question is about.
  const ask = askingClause(question);
  const asked = ask === undefined ? undefined : analyze(pack, ask);
  // A fact of the session itself asked with an aside ("how long does this session last, I have another
  // meeting after"): the asking clause alone is the question.
  if (asked && asksSessionField(asked.intents) && aboutSession(asked)) return asked;
  // (Only when that clause names what it asks about: "who do I contact?" after "I need a new password" does not.)
  const background = asked?.focus.some((c) => !c.generic && !c.unknown && !c.context && !c.verbal) ? asked : undefined;
  // "We are a small ministry with limited staff. Where should we start?": asked where to begin, naming nothing in
  // the asking itself. The setting's words the pack never uses ("staff") say who asks, not what about.
  // (Nothing of its own: "where should we start with blockchain?" names what, and a pack without it declines.)
  const startOnly = !!asked && asked.intents.has('advice') && asked.words.some((w) => wordSet('start-word').has(w)) && !asked.concepts.some((c) => !c.generic && !c.context && !c.words.every((w) => wordSet('start-word').has(w)));
  let norm = readIdioms(normalizeText(dropConfirmTags(question.slice(0, MAX_CHARS))), pack.ownIdioms);
  // "A or B?": normalising drops the question mark, so the choice is read from the question as typed.
  const choice = EITHER.test(question.slice(0, MAX_CHARS));
  // "Which came first, A or B?" asks which is earlier ("who came first in 2022?" asks who ranked first).
  if (choice) norm = norm.replace(/\b(came|comes|come) first\b/, 'was earlier');
  const intents = new Set<Intent>();
  // (Indexed loops, not destructuring for-of: until V8 optimises analyze, each step of those allocates.)
  for (let k = 0; k < INTENTS.length; k++) if (INTENTS[k]![1].test(norm)) intents.add(INTENTS[k]![0]);
  const either = choice && !intents.has('compare');
  if (either) intents.add('compare');
  // "Which was earlier, A or B?": each side's date.
  if (intents.has('compare') && /\b(earlier|later|sooner|older|newer)\b/.test(norm)) intents.add('when');
  // "what share of countries" asks for a proportion; "share" is not the topic there.
  norm = norm.replace(/\b(what|which) share of\b/g, '$1 proportion of');

  // "what share of X": the share is the measure ("proportion"), not the topic; read after chat spelling ("wat").
  const [caps, upper] = capitalized(question);
  // (Pushed onto an array literal, as the content words below are: see there.)
  const read = ownPlaceNames(pack, cleanWords(pack, splitWords(norm, MAX_TOKENS)));
  const cleaned: string[] = [];
  for (let k = 0; k < read.length; k++) cleaned.push(read[k] === 'share' && /^(what|which)$/.test(read[k - 1] ?? '') ? 'proportion' : read[k]!);
  // Chat spelling read ("whos" -> "who", "wat r" -> "what are"): the intents again on the cleaned words.
  const cleanedText = cleaned.join(' ');
  if (cleanedText !== norm) for (let k = 0; k < INTENTS.length; k++) if (INTENTS[k]![1].test(cleanedText)) intents.add(INTENTS[k]![0]);
  // "When should we (not) consult?" asks in which cases: advice, not a date.
  if (/\bwhen (should|must|ought to)( not)? (we|i|you|one|governments?|ministries|agencies|a government|our)\b/.test(cleanedText)) {
    intents.delete('when');
    intents.delete('date');
    intents.add('advice');
  }
  // "When do regulators say it is worth it?": in which cases, by what someone says; not a date.
  // (So does "when is it worth involving citizens?", "when does it make sense to...": in which cases.)
  if (/\bwhen (does|do) (\w+ ){1,5}(say|says|recommend|advise|suggest)\b|\bwhen (is|are|was|would) (it|they|this|that) (be )?(\w+ )?(not )?(worth|worthwhile|better|useful|wise|appropriate|sensible|a good idea)\b|\bwhen (does|do|would) (it|this|that) (not )?make sense\b/.test(cleanedText)) {
    intents.delete('when');
    intents.delete('date');
  }
  // "What systems were listed *when it launched*?", "who ran the board *when that was launched*?": after another
  // question word, a "when" that no auxiliary follows (and no "and" precedes) only sets the time of what is
  // asked; "who built it and when did it launch?" still asks when.
  if (intents.has('when') && subordinateWhen(cleaned)) {
    intents.delete('when');
    intents.delete('date');
  }
  // "When do they happen?", "when does a panel meet?": what happens as a rule happens at a stage or on an
  // occasion ("at the end of alpha"), not only on a date; a dated doc still comes first.
  // ("When do the rules start to apply?" still asks for a date.)
  if (/^(?:(?:and|so|but|ok|okay) )?when (?:do|does) (?:\w+ ){1,4}?(?:happen|occur|take place|meet)\b/.test(cleanedText)) intents.delete('date');
  // "Who is ABC?": an organisation named by its acronym, so what it is.
  if (intents.has('who') && /^(who|whos) (is|are|was)\b/.test(cleanedText)) intents.add('define');
  // "How many recommendations does X make?", "who drafted the Recommendation?": a document or a count, named
  // by the noun; only a question that asks for nothing else is a request for advice.
  if (intents.has('advice') && ['who', 'when', 'where', 'howmany', 'yesno'].some((i) => intents.has(i as Intent)) && !ADVICE.test(cleanedText.replace(/\brecommendations?\b/g, ' '))) intents.delete('advice');
  // "What is the first step toward X?" asks for advice, not for what X is; "where do we start?" for no place.
  if (intents.has('advice')) {
    intents.delete('define');
    intents.delete('where');
  }
  // (The asking clause says what kind of answer is wanted: "nobody knows who owns what" asks no "who".)
  if (background || startOnly) {
    intents.clear();
    for (const i of (background ?? asked)!.intents) intents.add(i);
  }
  // The content words' positions, the words, their stems and their main words, in one loop onto array literals.
  // (Arrays made by map() came in other shapes than these once V8 had optimised analyze, which then deoptimised
  // at them, in some runs on nearly every question.)
  const where: number[] = [];
  const content: string[] = [];
  const stems: string[] = [];
  const canon: string[] = [];
  for (let k = 0; k < cleaned.length; k++) {
    const w = cleaned[k]!;
    if (isFrameWord(w) && !pack.ownAsking.has(w)) continue;
    const s = term(w);
    where.push(k);
    content.push(w);
    stems.push(s);
    canon.push(pack.canonical.get(s) ?? s);
  }

  const phrasals = phrasalVerbs(pack, cleaned);
  /** Particles read with their verb. */
  const skip = new Set<number>();
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < stems.length; ) {
    let matched = false;
    // (Each list is longest first already: merged only when the word's main word has phrases of its own.)
    let starts = pack.phraseStarts.get(stems[i]!) ?? [];
    const canonStarts = canon[i] !== stems[i] ? pack.phraseStarts.get(canon[i]!) : undefined;
    if (canonStarts) starts = [...starts, ...canonStarts].sort((x, y) => y.stems.length - x.stems.length);
    for (const p of starts) {
      if (p.stems.every((s, k) => stems[i + k] === s || canon[i + k] === s)) {
        // An acronym the pack also uses as a plain word ("CAN" and "can") is the acronym only in capitals.
        if (p.stems.length === 1 && pack.groups[p.group]!.acronym && !upper.has(content[i]!) && pack.plainWords.has(content[i]!)) continue;
        const key = `g${p.group}`;
        if (!seen.has(key)) {
          seen.add(key);
          const group = pack.groups[p.group]!;
          concepts.push(
            newConcept({
              words: content.slice(i, i + p.stems.length),
              alternatives: group.alternatives,
              context: false,
              unknown: false,
              specific: p.stems.length > 1 || group.acronym,
              generic: false,
              positions: where.slice(i, i + p.stems.length),
              term: true,
            }),
          );
        }
        i += p.stems.length;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    // "South Asia's average": a name the pack gives, asked for whole (not "East Asia" for holding "Asia").
    const next = stems[i + 1];
    if (next !== undefined && where[i + 1] === where[i]! + 1 && pack.namePairs.has(`${stems[i]} ${next}`) && !seen.has(`n${stems[i]} ${next}`)) {
      seen.add(`n${stems[i]} ${next}`);
      concepts.push(newConcept({ words: content.slice(i, i + 2), alternatives: [{ stems: [stems[i]!, next], credit: 1 }], context: false, unknown: false, specific: true, generic: false, positions: where.slice(i, i + 2) }));
      i += 2;
      continue;
    }
    // A verb and its particle: one concept, said in the pack's words too.
    const phrasal = phrasals.get(where[i]!);
    if (phrasal) {
      const particle = cleaned[phrasal.particle]!;
      const alternatives: Alternative[] = [{ stems: [term(phrasal.base), term(particle)], credit: 1 }, ...phrasal.related.map(([t, credit]) => ({ stems: [t], credit }))];
      concepts.push(newConcept({ words: [content[i]!, particle], alternatives, context: false, unknown: false, specific: false, generic: false, positions: [where[i]!, phrasal.particle], verbal: true }));
      skip.add(phrasal.particle);
      i++;
      continue;
    }
    if (skip.has(where[i]!)) {
      i++;
      continue;
    }
    const w = content[i]!;
    const s = stems[i]!;
    const key = `s${s}`;
    if (!seen.has(key)) {
      seen.add(key);
      // "the *biggest* challenges": any way of ranking ("greatest in", "the most progress") says it.
      // (A list of its own once it grows: the word's kept one is shared.)
      const kept = alternativesOf(pack, s);
      let alternatives = kept;
      const add = (alt: Alternative) => {
        if (alternatives === kept) alternatives = [...kept];
        alternatives.push(alt);
      };
      if (wordSet('superlative').has(w)) add({ stems: [RANKING_TERM], credit: 0.7 });
      // "Are residents *happier*?" of a pack that says "happy": the same word, compared. (Not a superlative,
      // "which was *highest*?", which asks for the top of a ranking, nor the comparison words themselves.)
      if (!pack.postings.has(s) && /er$/.test(w) && !wordSet('comparative').has(w)) for (const b of comparedBases(w)) if (b.length >= 3 && pack.postings.has(term(b)) && !alternatives.some((a) => a.stems[0] === term(b))) add({ stems: [term(b)], credit: 1 });
      // "A *bus* licence" of a pack that says "buses": the stemmer takes the "s" off "bus" and "buses" alike, so the
      // two stem apart ("bu", "buse"); the other number of the word is the same word.
      if (!pack.postings.has(s) && /(?:[aiu]s|[aiu]ses)$/.test(w)) {
        const other = w.endsWith('ses') ? w.slice(0, -2) : `${w}es`;
        if (pack.postings.has(term(other))) add({ stems: [term(other)], credit: 1 });
      }
      // "How many *countries*...": a pack may count them as economies or states, in some units or all.
      if (wordSet('country-word').has(w)) for (const x of countryStems()) if (x !== s && pack.postings.has(x) && !alternatives.some((a) => a.stems[0] === x)) add({ stems: [x], credit: COUNTRY_CREDIT });
      // "Is it *mandatory*?" is answered by a deck that says it is optional. (Not short everyday adjectives:
      // "dominated by a *few*" is not answered by "many"; nor verb forms, which WordNet pairs loosely.)
      if (intents.has('yesno') && w.length >= 5 && !looksVerbal(w)) for (const o of pack.opposites.get(s) ?? []) if (!alternatives.some((a) => a.stems[0] === o)) add({ stems: [o], credit: 1 });
      // ("Is it *mandatory*?" and "voluntary", "is it *allowed*?" and "banned": opposites WordNet does not pair.)
      if (intents.has('yesno')) for (const o of opposites(w)) if (pack.postings.has(o) && !alternatives.some((a) => a.stems[0] === o)) add({ stems: [o], credit: 1 });
      // "the 2008 *winner*", "who *topped* it": the one a ranking puts first, whatever the deck calls it.
      if (wordSet('ranked-first').has(w)) add({ stems: [RANKING_TERM], credit: 1 });
      // "How much *money* did they put in?": any amount of money says it ("C$125 million").
      if (wordSet('money-word').has(w)) add({ stems: [MONEY_TERM], credit: 1 });
      // "which country *ranked first*?": the top of a ranking, as much as "topped" or "led" says it.
      if (w === 'first' && wordSet('rank-verb').has(cleaned[where[i]! - 1] ?? '')) add({ stems: [RANKING_TERM], credit: 1 });
      // (And the verb itself: a deck that says who "topped" the index says who ranked first.)
      if (wordSet('rank-verb').has(w) && cleaned[where[i]! + 1] === 'first') add({ stems: [FIRST_PLACE_TERM], credit: 1 });
      // "Which country *leads* the ranking?", "who *led* the 2020 index?": first place, said as leading a ranking
      // (only before a word for one: not "which agency leads the reform?", nor "what leads to delays?").
      // (Or before a name the pack's glossary spells out as one: "who leads the *BQI*?", the Berth Quality Index.)
      if (wordSet('lead-verb').has(w) && cleaned.slice(where[i]! + 1, where[i]! + 6).some((x) => namesRanking(pack, x))) add({ stems: [FIRST_PLACE_TERM], credit: 1 });
      // Known: the pack uses the word or its glossary's equivalent. A WordNet synonym only lends partial credit:
      // the question is still about a word the pack does not use ("park", "taxes").
      // (So is a word WordNet gives as another name for one of the pack's names of two words: "UK".)
      // ("How *accurate* is it?" of a pack that gives its "accuracy": the adjective asks for the measure the pack
      // names, which WordNet relates to it.)
      const measure = cleaned[where[i]! - 1] === 'how' && alternatives.some((a) => a.stems.length === 1 && a.credit >= DERIVED_CREDIT && pack.postings.has(a.stems[0]!));
      const known = pack.vocab.has(w) || pack.postings.has(s) || measure || alternatives.some((a) => (a.credit >= 1 || a.stems.length > 1) && pack.postings.has(a.stems[0]!));
      // The comparison itself ("which is *bigger*, A or B?") is said of both sides: it is not what is asked about.
      // A word in a set phrase with the preposition before it ("are the bans *in place*") is not a topic.
      const setPhrase = pack.english.setPhrases.has(`${cleaned[where[i]! - 1] ?? ''} ${w}`);
      // ("Which is *more common*, A or B?": the word after "more" is the comparison too.)
      // (Not a plural after "more": "are there *more vessels* than routes?" compares vessels and routes.)
      const compared = intents.has('compare') && (wordSet('comparative').has(w) || (/^(more|less|fewer|most|least)$/.test(cleaned[where[i]! - 1] ?? '') && !isPlural(pack, w)));
      // ("How much do we have to *pay attention* to X?" asks no amount of money.)
      const idiom = wordSet('money').has(w) && wordSet('not-money-after').has(cleaned[where[i]! + 1] ?? '');
      // ("Who do I email *later*?", "the *overall* workshop": everyday words, unless the pack itself uses them,
      // "its *overall* score", "*later*, in 2022, ...".)
      // (Or right before a word for the session, "the *whole* workshop", however much the pack says "whole".)
      const filler = (!known || wordSet('session').has(cleaned[where[i]! + 1] ?? '')) && wordSet('filler-unless-used').has(w);
      // ("Who does *that person* report to?": someone just named, pointed back at like "he" or "she".)
      const someone = wordSet('someone').has(w) && wordSet('demonstrative').has(cleaned[where[i]! - 1] ?? '');
      const generic = isGeneric(w) || filler || setPhrase || compared || idiom || someone || /^\d$/.test(w);
      concepts.push(newConcept({ words: [w], alternatives, context: wordSet('session').has(w) || wordSet('person').has(w), unknown: !known, specific: false, generic, positions: [where[i]!] }));
    } else concepts.find((c) => c.alternatives[0]!.stems.length === 1 && c.alternatives[0]!.stems[0] === s)?.positions.push(where[i]!);
    i++;
  }
  // "Who presented *the booking session*?", "when is *the tides talk*?", "who gave *the talk on booking*?": a name
  // said of the session names the session, which the title slide answers for, when the session's title holds it.
  const titled = pack.byRef.get('m:title')?.terms;
  const inTitle = (c: Concept) => !!titled && !c.context && c.alternatives.some((alt) => alt.stems.every((t) => titled.has(t)));
  const startOf = (c: Concept) => Math.min(...c.positions);
  for (const c of concepts) {
    if (!inTitle(c)) continue;
    // (The word for the session right after the name, or before it with "on" or "about".)
    const after = cleaned[Math.max(...c.positions) + 1];
    const before = /^(on|about)$/.test(cleaned[startOf(c) - 1] ?? '') ? cleaned[startOf(c) - 2] : undefined;
    const next = after !== undefined && wordSet('session').has(after) ? after : before !== undefined && wordSet('session').has(before) ? before : undefined;
    if (next === undefined) continue;
    // (Not when the deck itself speaks of such a thing, "a booking *course* runs every March in Mombasa",
    // other than as this session: "*this session* looks at booking". A deck that names both apart, "at its
    // 40th session, the board took up booking", speaks of no booking session.)
    const other = (i: number) => pack.docs[i]!.doc.kind !== 'meta' && pack.docs[i]!.doc.unitKind !== 'title' && !namesThisSession(pack.docs[i]!.doc.text);
    // ("Follow-up *sessions on* booking run every Tuesday" speaks of such sessions too.)
    const such = (i: number, stems: string[]) => {
      const ws = words(pack.docs[i]!.doc.text).map(term);
      const run = (at: number) => stems.every((t, j) => ws[at + j] === t);
      return ws.some((w, k) => (ws[k + stems.length] === term(next) && run(k)) || (w === term(next) && /^(on|about|for)$/.test(ws[k + 1] ?? '') && (run(k + 2) || run(k + 3))));
    };
    if (c.alternatives.some((alt) => docsWithAll(pack, [...alt.stems, term(next)]).some((i) => other(i) && such(i, alt.stems)))) continue;
    c.context = true;
    if (next === after) {
      // ("The *port websites* session": the words before it that the title holds name the session too.)
      for (let at = startOf(c) - 1, prior = concepts.find((b) => b.positions.includes(at)); prior && inTitle(prior); at = startOf(prior) - 1, prior = concepts.find((b) => b.positions.includes(at))) prior.context = true;
    } else {
      // ("The talk on *harbour booking for small boats*": and the words after it, up to the first
      // word the title does not hold.)
      for (const later of concepts.filter((o) => startOf(o) > startOf(c)).sort((x, y) => startOf(x) - startOf(y))) {
        if (!inTitle(later)) break;
        later.context = true;
      }
    }
  }
  // "Who's *running* this session?": what the presenter does with the session asks who presents it.
  if (intents.has('who') && concepts.some((c) => c.context && wordSet('session').has(c.words[0]!))) {
    for (const c of concepts) if (c.words.length === 1 && wordSet('session-verb').has(c.words[0]!)) c.generic = true;
  }
  /** Said right after "this" or "today's": of this session ("*this* talk", "*today's* workshop"). */
  const afterThis = (c: Concept) => /^(this|todays|today)$/.test(cleaned[(c.positions[0] ?? 0) - 1] ?? '');
  // "When was *this* talk *given*?": when the session took place. (Only of this one, named so: "when was the
  // course run?" may ask about a course the pack speaks of.)
  const thisOne = concepts.some((c) => c.context && wordSet('session').has(c.words[0]!) && afterThis(c));
  if (thisOne && (intents.has('who') || intents.has('when') || intents.has('where') || intents.has('date'))) {
    for (const c of concepts) if (c.words.length === 1 && wordSet('session-verb-done').has(c.words[0]!)) c.generic = true;
  }
  // "What do the *letters* ABC stand for?": the letters are the acronym's, not a topic. (Only with an acronym
  // named: in "what do the initials on a letter stand for?" the initials are what is asked about.)
  const acronym = concepts.some((c) => c.words.length === 1 && (c.specific || upper.has(c.words[0]!)));
  if (intents.has('abbrev') && acronym) for (const c of concepts) if (c.words.length === 1 && wordSet('acronym-part').has(c.words[0]!)) c.generic = true;
  // "The 2022 *round*", "the 2024 *cycle*": an edition named by its year, which the year alone says.
  for (const c of concepts) if (c.words.length === 1 && wordSet('year-edition').has(c.words[0]!) && c.positions.every((p) => /^(1[89]|20)\d\d$/.test(cleaned[p - 1] ?? ''))) c.generic = true;
  // "How long is X?", "how long does it last?" is answered by a duration ("a 45-minute session"), which
  // never says "long" or "last"; "how long has X been..." by a date.
  if (/\bhow long\b/.test(cleanedText)) concepts.splice(0, concepts.length, ...concepts.filter((c) => !wordSet('duration-asking').has(c.words.join(' '))));
  // "At what age...?", "how old...?": the answer gives the age ("at 9 months"), not the word.
  if (intents.has('age')) {
    concepts.splice(0, concepts.length, ...concepts.filter((c) => !/^(age|old)$/.test(c.words.join(' '))));
    // ("How old are *children* when they get the vaccine?": whose age is asked, which the answer's age says.)
    const at = cleaned.findIndex((w, k) => w === 'old' && cleaned[k - 1] === 'how');
    const whose = at >= 0 && /^(are|is|were|was)$/.test(cleaned[at + 1] ?? '') ? concepts.find((c) => c.positions[0] === at + 2) : undefined;
    if (whose && concepts.some((c) => c !== whose && !c.generic && !c.verbal)) whose.generic = true;
  }
  // The setting a message tells around its question says little about what is asked.
  if (background) {
    keepOnlyTopic(concepts, background.words);
  } else if (startOnly) {
    concepts.splice(0, concepts.length, ...concepts.filter((c) => !c.unknown || c.words.some((w) => asked!.words.includes(w))));
    // ("We're a small ministry with not much money, what should we do first?": the pack's words in the setting,
    // "small", "money", say who asks, and the pack's first steps answer it, not its units on money. What they
    // lack, "we have no booking system", "we don't have a shared register yet", is what to start on.)
    const lacking = new Set<number>();
    cleaned.forEach((w, k) => {
      const lacks = /^(no|without|lack|lacks|lacking)$/.test(w) || (/^(have|has|got)$/.test(w) && cleaned.slice(Math.max(0, k - 3), k).includes('not'));
      if (lacks) for (let j = k + 1; j <= k + 5; j++) lacking.add(j);
    });
    for (const c of concepts) if (!c.specific && !c.words.some((w) => asked!.words.includes(w)) && !c.positions.some((p) => lacking.has(p))) c.generic = true;
  } else if (intents.has('define')) {
    // "Someone used the term 'X' in the coffee break, what does it mean?": the term in quotes is what is asked.
    const quoted = quotedTerm(question.slice(0, MAX_CHARS));
    if (quoted) {
      const own = words(quoted);
      const stems = new Set(own.map(term));
      if (concepts.some((c) => c.words.some((w) => stems.has(term(w))))) keepOnlyTopic(concepts, own);
    }
  }
  concepts.push(...impliedTerms(pack, concepts, seen));
  // "Where is it used *the most*?", "and the least?": a ranking, though "most" is too common a word to count.
  if (/\bthe (most|least)$/.test(cleanedText) && !concepts.some((c) => c.alternatives.some((a) => a.stems[0] === RANKING_TERM))) {
    concepts.push(newConcept({ words: [cleaned.at(-1)!], alternatives: [{ stems: [RANKING_TERM], credit: 1 }], context: false, unknown: false, specific: false, generic: false, positions: [cleaned.length - 1] }));
  }
  for (const c of concepts) {
    // "When did the UN *first* start it?", "when was it *first* published?": an adverb of time before the verb,
    // not a place in a series ("the first edition", "who came first in 2020?").
    if (c.words.length === 1 && c.words[0] === 'first' && firstAsAdverb(cleaned, c.positions[0] ?? 0)) c.adverb = true;
    const start = c.positions[0] ?? 0;
    const before = cleaned[start - 1] ?? '';
    // (A term of the pack in "-ing" names a practice: "what is *dredging*?", "how does *crowdsourcing* work?";
    // not after a pronoun, "is it still *sailing*?", where it is what the pronoun does.)
    const practice = c.term && /ing$/.test(c.words.at(-1)!) && ![before, cleaned[start - 2] ?? ''].some((w) => wordSet('pronoun').has(w));
    if ((looksVerbal(c.words.join(' ')) && !practice) || (c.words.length === 1 && wordSet('pronoun').has(before))) c.verbal = true;
    if (c.positions.some((p) => wordSet('belonging').has(cleaned[p - 1] ?? '') || wordSet('belonging').has(cleaned[p - 2] ?? ''))) c.attribute = true;
    // "Who's giving *this water* session?": a word between "this" and a word for the session names the session.
    const at = c.positions.at(-1) ?? 0;
    if (!c.context && afterThis(c) && wordSet('session').has(cleaned[at + 1] ?? '')) c.context = true;
  }
  // "*Our legal team* asks since when...", "*I'm from the harbour office and my boss at head office* wants to know...":
  // who is asking, not what is asked about.
  // (Not "I'm wondering *how many of our ports* asked...": a question word there is what is asked.)
  const asker = /^(?:(?:so|ok|okay|hi|hey) )*(?:(?:im|i am|i work|we are|were)(?: (?!(?:how|what|which|who|whom|whose|when|where|why|whether|if)\b)\w+){1,8}? )?(?:my|our) ((?:\w+ ){1,8}?)(?:asks|asked|is asking|keeps asking|wants to know|would like to know|needs to know|wonders|is wondering)\b/.exec(cleanedText);
  if (asker) {
    const upTo = asker[0].split(' ').length - 1;
    // (Only when what follows names a topic of its own: in "...where our bookings dropped and my boss wants to know
    // by how much", the setting is the topic. A place or name the asker is from or at stays: "I'm from *Holm* and my
    // boss asks how many vessels run the crossing" asks about Holm's; so does one of the setting when what follows
    // says "we": "I'm from the Port Ellis works and my boss asks whether *we* dose it".)
    const ownTopic = concepts.some((c) => !c.generic && !c.context && c.positions.every((p) => p > upTo));
    const we = cleaned.slice(upTo).some((w) => /^(we|our|us|ours)$/.test(w));
    const named = (c: Concept) => c.place || c.specific;
    const where = (c: Concept) => (we && named(c)) || ((named(c) || !c.unknown) && /^(from|at|in)$/.test(cleaned[(c.positions[0] ?? 0) - 1] ?? ''));
    if (ownTopic) for (const c of concepts) if (c.positions.every((p) => p < upTo) && !where(c)) c.generic = true;
  }
  // A question made only of session words ("what is this workshop about?") asks about the session.
  const asksForField = asksSessionField(intents);
  const sessionOnly = concepts.some((c) => c.context) && concepts.every((c) => c.context || c.generic);
  // "How long does this *talk* run?" of a pack that says "this 45-minute *session*": when the session is all
  // it asks about, any word for the session names it.
  if (intents.has('duration') && sessionOnly) {
    for (const c of concepts) {
      if (!c.context || c.words.length !== 1 || !wordSet('session').has(c.words[0]!)) continue;
      const others = [...wordSet('session')].filter((o) => o !== c.words[0] && pack.postings.has(term(o))).map((o) => ({ stems: [term(o)], credit: 0.8 }));
      c.alternatives = [...c.alternatives, ...others];
    }
  }
  if (sessionOnly && !asksForField) {
    // "speaker?" asks who; "what is the workshop about?" what it covers; "which session is this?" its name.
    if (concepts.some((c) => wordSet('person').has(c.words[0]!))) intents.add('who');
    // ("what session number is this?" asks which one, like "which session is this?")
    else if (cleaned.includes('about') || !(cleaned.includes('which') || cleaned.includes('number'))) intents.add('about');
  }
  const numbers: string[] = [];
  for (let k = 0; k < cleaned.length; k++) {
    const n = wordMap('number-word').get(cleaned[k]!) ?? (/^\d[\d.]*$/.test(cleaned[k]!) ? cleaned[k] : undefined);
    if (n !== undefined) numbers.push(n);
  }
  const years = numbers.filter((n) => /^(1[89]|20)\d\d$/.test(n));
  const share = /\b(share|percent|percentage|proportion|fraction)\b/.test(cleanedText);
  const procedure = /\bhow (do|can|could|should|would) (i|we|you|one|people|citizens|residents|users)\b|\bhow to\b/.test(cleanedText);
  // A bare term ("ABC?", "water pricing") asks what it is.
  // (Not a yes/no question, "is the XYZ compulsory?": whether something holds of it.)
  const bare = !intents.size && concepts.length > 0 && concepts.length <= 3 && cleaned.length <= 5;
  if (bare) intents.add('define');
  // "Will" with "next", "upcoming"...: about what is still to come, which only a doc about plans can answer.
  // "What will the *next* edition find?", "*when will* they revise it?", "when is the next meeting?": what is
  // still to come.
  const future = (cleaned.some((w) => wordSet('future-aux').has(w)) && cleaned.some((w) => wordSet('future').has(w))) || /\bwhen (will|is going to|are going to)\b|\bwhen (is|are|s) (the|their|its) (next|upcoming)\b/.test(cleanedText);
  const found = focusOf(pack, concepts, cleaned, [caps, upper], intents.has('advice'), intents.has('who'), intents.has('outline'));
  if (background) {
    // What the asking clause is about is what the message is about, wherever else the setting names it.
    const same = (b?: Concept) => (b ? concepts.find((c) => c.words.join(' ') === b.words.join(' ')) : undefined);
    found.focus = background.focus.map(same).filter((c): c is Concept => c !== undefined);
    found.counted = same(background.counted);
    found.typed = same(background.typed);
    // "I work for the Ruritanian government. How did our region, East Asia, do?": the asking clause names what it
    // is about, so a name in the setting only says who asks. ("I work in Ruritania. What was our score?" names
    // nothing of its own: there the setting's place is what is asked about.)
    if (background.focus.some((c) => c.specific || c.place)) found.outside = background.outside;
  }
  // "What's 15 percent of 240?", "what is 12 times 7": a sum to work out, which no workshop answers.
  if (ARITHMETIC.test(cleanedText)) found.outside.push('arithmetic');
  // "Which organisation is responsible for X?": asks who, by the kind of answer; the word names no topic.
  const typed = found.typed;
  if (typed && !intents.has('howmany') && typed.words.length === 1 && wordSet('organisation-kind').has(typed.words[0]!)) {
    intents.add('who');
    typed.generic = true;
    found.focus = found.focus.filter((c) => c !== typed);
    found.typed = undefined;
  }
  return newAnalysis({ words: cleaned, intents, concepts, numbers, years, share, procedure, bare, future, either, verbs: verbsOf(concepts, cleaned), focus: found.focus, counted: found.counted, typed: found.typed, outside: found.outside });
}

/**
 * Glossary terms the question describes without naming: most of its topic words are in what the glossary
 * says the term means ("why do all the departments need to work together?" describes working as one
 * government). They help find the answer but never decide it alone.
 */
function impliedTerms(pack: Pack, concepts: Concept[], seen: Set<string>): Concept[] {
  const topical = new Set<string>();
  const generic = new Set<string>();
  for (const c of concepts) {
    if (c.generic) for (const w of c.words) generic.add(term(w));
    else if (!c.context && !c.unknown) for (const s of c.alternatives[0]!.stems) topical.add(s);
  }
  if (!topical.size) return [];
  // Per glossary group whose meaning holds some of the question's stems (found through the pack's index of
  // them, not by going through every group): how many it holds, a stem both topical and everyday counting
  // twice, and how many of them are topical.
  const shared = new Map<number, number>();
  const sharedTopical = new Map<number, number>();
  const count = (counts: Map<number, number>, g: number) => counts.set(g, (counts.get(g) ?? 0) + 1);
  for (const s of topical) {
    for (const g of pack.meaningGroups.get(s) ?? []) {
      count(shared, g);
      count(sharedTopical, g);
    }
  }
  for (const s of generic) {
    for (const g of pack.meaningGroups.get(s) ?? []) {
      count(shared, g);
      if (topical.has(s)) count(sharedTopical, g);
    }
  }
  const out: Concept[] = [];
  for (const i of [...shared.keys()].sort((x, y) => x - y)) {
    const n = shared.get(i)!;
    const t = sharedTopical.get(i) ?? 0;
    if (n < 2 || t < 1 || t * 2 < topical.size || seen.has(`g${i}`)) continue;
    const g = pack.groups[i]!;
    // (An everyday word of the question, not its topic: it helps a unit that names the term, and no unit is
    // required to hold it. As a topic it cost the tuning packs 63 right answers.)
    out.push(newConcept({ words: g.phrases[0]!, alternatives: g.alternatives, context: false, unknown: false, specific: false, generic: true, positions: [], implied: true }));
    if (out.length === 2) break;
  }
  return out;
}

/**
 * Words written with a capital inside a sentence: names ("Mongolia", "GDP"), whatever their case
 * later; and words written all in capitals anywhere ("GDP of XYZ?").
 */
function capitalized(question: string): [Set<string>, Set<string>] {
  const caps = new Set<string>();
  const upper = new Set<string>();
  const tokens = question.slice(0, MAX_CHARS).split(/\s+/);
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (t > 0 && /^[A-Z]/.test(token) && !/[.!?:;]$/.test(tokens[t - 1]!)) for (const w of words(token)) caps.add(w);
    if (/^[A-Z]{2,}\b/.test(token)) for (const w of words(token)) upper.add(w);
  }
  return [caps, upper];
}

/**
 * The question with the pack's name for each place it names otherwise ("South Korea" for the pack's "Republic of
 * Korea", "Holland" for its "Netherlands"). Only names of one place, and one word only when it names nothing but a
 * place: `English.placeSynonyms` keeps no others, so no name here needs its capitals checked.
 */
function ownPlaceNames(pack: Pack, words: string[]): string[] {
  if (!pack.placeNames.size) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const rename = pack.placeNames.get(words[i]!)?.find(([asked]) => asked.every((a, k) => words[i + k] === a));
    if (rename) {
      out.push(...rename[1]);
      i += rename[0].length - 1;
    } else out.push(words[i]!);
  }
  return out;
}

/**
 * "What does pathway 10 say?" of a pack with nine pathways ("pathway 1" to "pathway 9", or "the nine strategic
 * pathways"), "rule 12" of "the eleven rules": an item past the end of a series the pack numbers or counts, which no
 * unit can be about.
 */
function beyondSeries(pack: Pack, cleaned: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k + 1 < cleaned.length; k++) {
    const w = cleaned[k]!;
    const n = /^\d{1,2}$/.test(cleaned[k + 1]!) ? Number(cleaned[k + 1]) : NaN;
    // (Sessions have a rule of their own: "what will session 7 be about?".)
    if (!(n > 1) || w.length < 3 || !/^[a-z]+$/.test(w) || isStopWord(w) || wordSet('session').has(w)) continue;
    const { items, counts } = seriesOf(pack);
    const head = singularOf(w);
    const last = Math.max(items.get(head) ?? 0, counts.get(head) ?? 0);
    if (last > 0 && n > last) out.push(`${w} ${n}`);
  }
  return out;
}
/** "Pathways" -> "pathway": a kind's singular, as the series below are kept by. */
const singularOf = (w: string) => (w.endsWith('s') ? w.slice(0, -1) : w);
/**
 * Per pack, read once from every doc's title, text and keywords: for each kind of item, by its singular, the
 * highest number it gives one ("Pathway 9", "pathways 7 to 9") and how many it says there are ("the nine strategic
 * *pathways*", "11 *rules*"; not a measure: "within 5 days" says nothing of a "day 10").
 */
const seriesByPack = new WeakMap<Pack, { items: Map<string, number>; counts: Map<string, number> }>();
function seriesOf(pack: Pack): { items: Map<string, number>; counts: Map<string, number> } {
  let series = seriesByPack.get(pack);
  if (series) return series;
  series = { items: new Map(), counts: new Map() };
  const higher = (map: Map<string, number>, kind: string, n: number) => map.set(kind, Math.max(map.get(kind) ?? 0, n));
  const numberWord = wordMap('number-word');
  for (const d of pack.docs) {
    const ws = words([d.doc.title, d.doc.text, ...d.doc.keywords].join(' \n '), Infinity);
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      // ("Pathway 9", "pathways 7 to 9": the kind, then its item's number, and the last of a range.)
      if (/^[a-z]{3,}$/.test(w) && /^\d{1,2}$/.test(ws[i + 1] ?? '')) higher(series.items, singularOf(w), Math.max(Number(ws[i + 1]), /^(to|and)$/.test(ws[i + 2] ?? '') && /^\d{1,2}$/.test(ws[i + 3] ?? '') ? Number(ws[i + 3]) : 0));
      const n = Number(numberWord.get(w) ?? (/^\d{1,2}$/.test(w) ? w : NaN));
      if (!(n > 1)) continue;
      // (The kind is the plural that follows, perhaps after a word or two: "nine strategic pathways".)
      for (let j = i + 1; j <= i + 3 && j < ws.length; j++) {
        const x = ws[j]!;
        if (!/^[a-z]{3,}s$/.test(x) || wordSet('measure-unit').has(x)) continue;
        higher(series.counts, singularOf(x), n);
        break;
      }
    }
  }
  seriesByPack.set(pack, series);
  return series;
}

/**
 * Positions of the words where the asker says who they are or where they work ("I'm from the harbour office in
 * Tanzania", "I work at the lands office"), up to the next "and", "but" or way of asking.
 */
function selfDescribed(cleaned: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (let k = 0; k < cleaned.length; k++) {
    const w = cleaned[k]!;
    // ("I'm *in the* ministry", not "if I'm *in a* hurry".)
    const next = cleaned[k + 1] ?? '';
    const opens = (w === 'im' || (w === 'i' && /^(am|work|run|manage|lead)$/.test(next)) || (w === 'we' && next === 'are')) && (/^(from|at|with|a|an|the|am|are|work|run|manage|lead)$/.test(next) || (next === 'in' && cleaned[k + 2] === 'the'));
    if (!opens) continue;
    for (let j = k; j < cleaned.length && j < k + 12; j++) {
      if (j > k + 1 && SELF_ENDS.has(cleaned[j]!)) break;
      out.add(j);
    }
  }
  return out;
}
/** Words that end a description of the asker: what follows says or asks something else. */
const SELF_ENDS = new Set(['and', 'but', 'so', 'how', 'what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'whether', 'if', 'is', 'are', 'do', 'does', 'did', 'can', 'could', 'should', 'would', 'we', 'our']);
/** Is the place (words joined by spaces) said at positions all within `span`? */
function saidWithin(cleaned: readonly string[], place: string, span: ReadonlySet<number>): boolean {
  const ws = place.split(' ');
  for (let k = 0; k + ws.length <= cleaned.length; k++) if (ws.every((w, i) => cleaned[k + i] === w) && ws.every((_, i) => span.has(k + i))) return true;
  return false;
}

/** Places the question names that the pack does not: several words in any case, one word only capitalised or unambiguous. */
function placesNamed(pack: Pack, cleaned: string[], caps: Set<string>, concepts: Concept[]): string[] {
  const out: string[] = [];
  // A place the pack names in other words ("UK" for its "United Kingdom", by initials or by WordNet).
  const namedOtherwise = (w: string) => concepts.some((c) => c.words.length === 1 && c.words[0] === w && c.alternatives.some((a) => a.stems.length > 1 && a.credit >= 0.5 && a.stems.every((t) => pack.postings.has(t))));
  for (let i = 0; i < cleaned.length; i++) {
    for (const name of pack.english.places.get(cleaned[i]!) ?? []) {
      // (Only a name the question says is looked at further: most of a word's names are not said.)
      if (!name.every((w, k) => cleaned[i + k] === w)) continue;
      // (The place the session was held in is no topic: "how do admissions work in <the venue's city>?" asks of
      // a place the pack says nothing about, unless it asks about the session itself.)
      const setting = pack.settingPlaces.has(name.join(' ')) && concepts.some((c) => !c.generic && !c.context && !c.unknown && !c.verbal && !c.place && !name.includes(c.words[0]!));
      if ((pack.places.has(name.join(' ')) || pack.vocab.has(name.join(''))) && !setting) continue;
      if (name.length === 1 && namedOtherwise(name[0]!)) continue;
      // "the city", "the hague": a name that starts with "the" is too often an ordinary phrase.
      if (isStopWord(name[0]!)) continue;
      // One lower-case word names a place only when it cannot be anything else ("me" is also Maine).
      const single = name.length === 1 && !caps.has(cleaned[i]!) && !setting && (cleaned[i]!.length < 5 || isFrameWord(cleaned[i]!) || pack.vocab.has(cleaned[i]!));
      if (!single) {
        out.push(name.join(' '));
        i += name.length - 1;
        break;
      }
    }
  }
  return out;
}

let rankingStems: Set<string> | undefined;
/** A word for a ranking ("index", "table"), or a name of one word the pack gives to one ("BQI", the "... Index"). */
function namesRanking(pack: Pack, word: string): boolean {
  if (wordSet('ranking-noun').has(word)) return true;
  rankingStems ??= new Set([...wordSet('ranking-noun')].map(term));
  const named = (pack.phraseStarts.get(term(word)) ?? []).filter((p) => p.stems.length === 1);
  return named.some((p) => pack.groups[p.group]!.alternatives.some((a) => a.stems.length > 1 && rankingStems!.has(a.stems.at(-1)!)));
}

/** The concepts the question asks about, and the words naming something outside the pack. */
function focusOf(pack: Pack, concepts: Concept[], cleaned: string[], [caps, upper]: Set<string>[], advice: boolean, asksWho: boolean, outline = false): Pick<Analysis, 'focus' | 'counted' | 'typed' | 'outside'> {
  if (advice) for (const c of concepts) if (c.words.length === 1 && wordSet('advice').has(c.words[0]!)) c.generic = true;
  // "What parts does the talk cover?": the parts of the session, which its outline lists.
  if (outline) for (const c of concepts) if (c.words.length === 1 && (wordSet('light-head').has(c.words[0]!) || /^(topics?|sections?)$/.test(c.words[0]!))) c.generic = true;
  const spans = findFocus(cleaned, advice);
  // Who is to act ("what should *Panama* do about X", "how can *a country* start X") is not the topic.
  // ("We have no X yet, where do we start?" names no one after the ask: there X is the topic; nor does
  // "what should we do *first*?", whose focus is an everyday word.)
  const named = spans.focus.filter((p) => !isGeneric(cleaned[p] ?? '') && !isStopWord(cleaned[p] ?? '') && !wordSet('advice').has(cleaned[p] ?? ''));
  const topicStart = Math.min(...named);
  if (advice && named.length) for (const c of concepts) if (c.positions.every((p) => p < topicStart)) c.generic = true;
  const inFocus = (c: Concept) => c.positions.some((p) => spans.focus.includes(p));
  const qualifies = (c: Concept) => inFocus(c) || c.positions.some((p) => spans.objects.includes(p));
  const name = (c: Concept) => c.words.join(' ');
  // An unknown word is "outside" when it is what is asked about or qualifies it, or is a name, or
  // asks for a ranking ("the *best* water system"). Short words and verb forms are more often typos or
  // ways of asking ("helping", "put"), except right after a preposition ("used in *farming*").
  const nounLike = (c: Concept) => !looksVerbal(name(c)) || c.positions.some((p) => spans.objectHeads.includes(p));
  // Lower-case words without vowels are chat shorthand ("shld", "thx"); names in capitals are not.
  const shorthand = (c: Concept) => !/[aeiouy]/.test(name(c)) && !upper!.has(name(c));
  const superlative = (c: Concept) => wordSet('superlative').has(name(c));
  // Single letters are choices or series ("B or C?"), never names of something else.
  const unknown = concepts.filter((c) => c.unknown && !c.generic && !pack.places.has(name(c)) && name(c).length > 1);
  // "How much does it *cost*?": what something costs, which a pack that never says cannot answer.
  // ("How long has X been..." asks since when, which a date answers; "how old is X" asks an age.)
  const when = cleaned.some((w, k) => w === 'how' && cleaned[k + 1] === 'long' && /^(ago|has|have|had)$/.test(cleaned[k + 2] ?? ''));
  // ("How *big* is X?" asks a property the pack never states; "what's the *big* difference" only says which one.)
  const asksProperty = (c: Concept) => ATTRIBUTES.has(name(c)) && !when && c.positions.some((p) => cleaned[p - 1] === 'how');
  // (Not "*in charge* of": who runs it, not its price.)
  const money = (c: Concept) => wordSet('money').has(name(c)) && !c.positions.some((p) => cleaned[p - 1] === 'in');
  // (Pushed onto one array literal, not made by filter() and map(): V8 then meets these arrays in one shape.)
  const outside: string[] = [];
  for (let k = 0; k < unknown.length; k++) {
    const c = unknown[k]!;
    if (caps!.has(name(c)) || (inFocus(c) && asksProperty(c)) || money(c)) outside.push(name(c));
  }
  // "the president of the *united states*", "the GDP of *Hungary*": a place the pack never names.
  // ("...? I'm from the harbour office in *Tanzania* and we want examples": where the asker is from, not what is asked.)
  // (Only beside something else: a message that is all about the asker is about that.)
  const described = selfDescribed(cleaned);
  const own = described.size < cleaned.length / 2 ? described : new Set<number>();
  for (const c of concepts) if (c.unknown && c.positions.length && c.positions.every((p) => own.has(p))) c.generic = true;
  outside.push(...beyondSeries(pack, cleaned));
  outside.push(...placesNamed(pack, cleaned, caps!, concepts).filter((place) => !saidWithin(cleaned, place, own)));
  // "What will *session 7* be about?" of a pack that is session 6: another session, which it does not hold.
  const ownSession = /\bsession (\d+)\b/i.exec(pack.byRef.get('m:session')?.doc.text ?? '')?.[1];
  const asked = /\bsession ?(\d+)\b/.exec(cleaned.join(' '))?.[1];
  // (Unless the deck itself speaks of that session: "as discussed in session 2, ...".)
  const spoken = (n: string) => {
    const said = new RegExp(`\\bsession ${n}\\b`, 'i');
    return pack.docs.some((d) => d.doc.kind !== 'meta' && said.test(d.doc.text));
  };
  if (ownSession !== undefined && asked !== undefined && asked !== ownSession && !spoken(asked)) outside.push(`session ${asked}`);
  for (const c of unknown) if ((qualifies(c) && name(c).length >= 4 && nounLike(c) && !shorthand(c)) || (!advice && superlative(c))) c.foreign = true;
  // "Who *chaired* the commission?": who did something the pack never speaks of, in any form; no unit can say who.
  if (asksWho) for (const c of unknown) if (looksVerbal(name(c)) && c.words.length === 1 && !shorthand(c)) c.foreign = true;
  // "how can I use it in *my* ministry": the asker's own setting, not the topic.
  for (const c of concepts) if (!inFocus(c) && c.positions.length && c.positions.every((p) => spans.objects.includes(p) && wordSet('possessive').has(cleaned[p - 1] ?? ''))) c.generic = true;
  // "The *point* of X", "what *role* does X play": light heads neither pick the answer nor count
  // much against one that leaves them out.
  // (Not what "how many" counts: "how many *indicators*" asks about indicators.)
  const light = (c: Concept) => c.words.length === 1 && wordSet('light-head').has(c.words[0]!) && !(spans.counted && inFocus(c));
  for (const c of concepts) if (light(c) && concepts.some((o) => !light(o) && !o.generic && !o.context)) c.generic = true;
  // A number is matched by the figures a doc states, never required as a word ("the *150* partner towns").
  let focus = concepts.filter((c) => inFocus(c) && !c.generic && !c.unknown && !c.adverb && !/^\d[\d.]*$/.test(name(c)));
  // "why bother *putting* all that on the ferry site": a verb form is what is done, not what is asked about.
  const nouns = focus.filter((c) => !looksVerbal(name(c)));
  if (nouns.length) focus = nouns;
  // "The *3Rs* of people dealing with waste": after a name of the pack's own, what follows "of" describes it.
  // (Not "the *population* of Ruritania": there the name follows.)
  const termed = focus.filter((c) => c.specific && !c.place);
  const describes = (c: Concept) => !c.specific && !c.place && termed.some((n) => Math.max(...n.positions) < Math.min(...c.positions) && cleaned[Math.max(...n.positions) + 1] === 'of');
  if (termed.length && focus.some(describes)) focus = focus.filter((c) => !describes(c));
  // "What does the deck say about X?": the deck is not the topic, X is.
  const about = concepts.filter((c) => !c.context && !c.generic && !c.unknown && c.positions.some((p) => spans.objects.includes(p)));
  if (focus.length && focus.every((c) => c.context) && about.length) focus = about;
  // "how widespread is X *today*": a session word is the focus only when nothing else is asked about.
  const topical = concepts.filter((c) => !c.context && !c.generic && !c.unknown && !c.verbal && c.positions.some((p) => spans.focus.includes(p) || spans.objects.includes(p) || p < Math.min(...spans.focus)));
  if (focus.length && focus.every((c) => c.context) && topical.length) focus = topical;
  // "Which country has the *best* water system?": the answer must rank too.
  if (!advice) focus.push(...concepts.filter((c) => !c.unknown && !focus.includes(c) && superlative(c)));
  // "What was *Ruritania*'s score?": a place the question names is part of what it asks about.
  // (Or by its short name, which the pack's glossary spells out as the place: "RU" for a pack's "Ruritania".)
  // (Not who is to act, "how can *Ruritania* improve its portal?": advice is for anyone in its place.)
  for (const c of concepts) if (!c.context && !c.generic && (pack.places.has(name(c)) || c.alternatives.some((a) => pack.placeStems.has(a.stems.join(' '))))) c.place = true;
  focus.push(...concepts.filter((c) => !focus.includes(c) && c.place));
  // ("How many of those *submitted* their data?": a verb is what they did, not what is counted.)
  return { focus, counted: spans.counted && !focus[0]?.verbal ? focus[0] : undefined, typed: spans.typed ? focus[0] : undefined, outside };
}
