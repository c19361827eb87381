// Ranks a pack's documents for a question: how much of the question each holds (weighted by how rare its
// words are), whether it is about what is asked, and whether it holds the kind of answer asked for.
import type { Alternative, Analysis, Concept, Intent } from './analyze.js';
import { namesMoney, type Feature } from './features.js';
import { COUNT_KINDS, RANKING_TERM, contentStems, seriesItem, singular, term, type DocInfo, type Pack } from './pack.js';
import { wordMap, wordSet } from './word-lists.js';
import { isStopWord, words } from '../content/text.js';

/** A concept held by more than this share of documents is too common to answer on its own. */
const COMMON_SHARE = 0.2;
const CONTEXT_WEIGHT = 0.6;
const SHORT_UNKNOWN_WEIGHT = 1;
const GENERIC_WEIGHT = 0.3;
/** A named thing (a glossary phrase, an acronym) is what the question is about: it weighs double. */
const SPECIFIC_FACTOR = 2;
/** What the last question's words weigh in a follow-up, against the follow-up's own. */
const CONTEXT_SHARE = 0.3;
/** What a glossary term the question describes (but does not name) weighs, against its own words. */
const IMPLIED_SHARE = 0.6;
/** A word the pack lacks that names what is asked about weighs this much more against a doc. */
const FOREIGN_FACTOR = 1.5;
/** How much being about a concept (its heading, its title) adds beyond holding it. */
const LEAD_WEIGHT = 0.25;
/** What each doubling of a doc's length over the pack's median costs. */
const LENGTH_WEIGHT = 0.08;
/** lunr's BM25 breaks near-ties: it adds at most this much. */
const LUNR_WEIGHT = 0.4;
/** A stem held by more than this share of documents stays out of the lunr query: it tells nothing apart. */
const LUNR_STEM_SHARE = 0.3;
/** What a doc the last answer gave loses in a follow-up ("and X?" wants something new). */
const GIVEN_PENALTY = 0.2;
/** ...and what it loses when it merely lists X and another unit is about X. */
const ITEM_PENALTY = 0.3;
/** What a plain word counts for in a doc that holds it only inside a name. */
const NAME_CREDIT = 0.5;
/** A concept counts as held when an alternative worth at least this much is there. */
const HELD = 0.5;
/** Kinds of question an indicator (what a readiness item is, how many have it) never answers. */
const NOT_INDICATOR: Intent[] = ['why', 'when', 'date', 'who', 'where', 'how', 'advice'];
/**
 * What a doc must hold to answer a kind of question no title-slide fact or figure answers: a length of time, how
 * often. ("How long is the session?" of a unit about it; "how long does a season pass last?" of the glossary
 * entry that says so.)
 */
const KIND_FEATURE: Partial<Record<Intent, Feature>> = { duration: 'duration', frequency: 'frequency', age: 'age' };
/** The question asks one of those kinds, and the doc holds that kind of answer. */
const holdsKindAsked = (a: Analysis, d: DocInfo): boolean => [...a.intents].some((k) => KIND_FEATURE[k] !== undefined && has(d, KIND_FEATURE[k]));
/** What a unit headed as where to begin adds for "where do we start?". */
const START_BONUS = 0.2;
/** At most this many readiness items' next steps may hold the focus of advice that is about one of them. */
const MAX_ITEM_STEPS = 2;
/** A unit in the last answer's section that holds this much of a follow-up may answer it. */
const NEAR_COVERAGE = 0.75;
/** What an indicator loses against the deck's own units on the same words. */
const INDICATOR_PENALTY = 0.1;
/** Stems of words that say what something does: what "what does X do?" asks for. */
const ROLE_STEMS = ['role', 'respons', 'function', 'task', 'duti', 'mandat'];
/** Words that say whether something goes on ("suspended", "remains", "expired"): the answer to "is it still...?". */
let changeStems: string[] | undefined;
const CHANGE_STEMS = (): string[] => (changeStems ??= [...wordSet('goes-on')].map(term));
/** What such a doc gains for "is X still...?". */
const STILL_BONUS = 0.3;
/** A doc that says a run of the question's words as the question does: this for each thing the run names that the question is about, past the first, up to the most. */
const PHRASE_BONUS = 0.15;
const PHRASE_MOST = 0.3;

interface Weighted {
  concept: Concept;
  weight: number;
  /** Too common (or only about the session) to justify an answer by itself. */
  weak: boolean;
  common: boolean;
  /** Doc position -> credit (0-1) of the best alternative it holds (shared between questions: read only). */
  held: ReadonlyMap<number, number>;
}

export interface Ranked {
  d: DocInfo;
  /** Weighted share of the question the doc holds, 0-1. */
  coverage: number;
  /** Coverage with what makes a doc the answer (about the topic, the right kind of answer): ranks and decides. */
  score: number;
  /** Holds something specific, not only everyday or session words. */
  strong: boolean;
  /** Holds what the question asks about, and is the kind of doc that may answer it. */
  fits: boolean;
  /** Its heading or title is about everything the question asks about. */
  focusLead: boolean;
  /** A unit on where to begin, asked where to begin with the session's own subject: it holds that subject. */
  startsHere?: boolean;
  /** What saying the question's own run of words added to its score: orders the answers, not how sure the best is. */
  phrase: number;
}

/**
 * A doc far longer than the pack's usual unit (a summary listing everything) holds most words of many
 * questions without being about any of them: it loses a little for each doubling of its length.
 */
function lengthPenalty(pack: Pack, d: DocInfo): number {
  return LENGTH_WEIGHT * Math.max(0, Math.log2(d.terms.size / pack.medianTerms));
}

function idf(n: number, df: number): number {
  return Math.log(1 + n / (df + 0.5));
}

/** Positions of the docs that hold all these stems: those of the rarest stem that hold the others too. */
export function docsWithAll(pack: Pack, stems: readonly string[]): readonly number[] {
  let rarest: number[] | undefined;
  for (const t of stems) {
    const list = pack.postings.get(t);
    if (!list) return [];
    if (!rarest || list.length < rarest.length) rarest = list;
  }
  // (Most alternatives are one stem: its postings as they are.)
  return stems.length === 1 ? rarest! : rarest!.filter((i) => stems.every((t) => pack.postings.get(t)!.includes(i)));
}

/**
 * heldBy's answers by alternatives list: a pack keeps one list per word and per phrase, shared by every
 * question that uses it, so most concepts are looked up, not worked out. (The lists are a pack's own, so
 * are these; an entry goes when its list does.)
 */
const heldCache = new WeakMap<Alternative[], ReadonlyMap<number, number>>();

/** Docs holding at least one of the concept's alternatives whole, with the best credit each gets (shared: read only). */
export function heldBy(pack: Pack, c: Concept): ReadonlyMap<number, number> {
  const cache = c.specific ? sectionHeldCache : heldCache;
  const cached = cache.get(c.alternatives);
  if (cached) return cached;
  const held = new Map<number, number>();
  for (const alt of c.alternatives) {
    for (const i of docsWithAll(pack, alt.stems)) if ((held.get(i) ?? 0) < alt.credit) held.set(i, alt.credit);
  }
  // A name most units of a section say is what the section is about: its other units speak of it too, unnamed
  // ("the Act" over a section on what the Act bans and requires), though less surely.
  if (c.specific) {
    const sections = new Map<string, number>();
    for (const i of held.keys()) {
      const section = pack.docs[i]!.doc.section;
      if (section !== undefined && pack.docs[i]!.doc.kind === 'unit') sections.set(section, (sections.get(section) ?? 0) + 1);
    }
    for (const [section, n] of sections) {
      const units = pack.sectionUnits.get(section) ?? [];
      if (units.length < 3 || n * 2 < units.length) continue;
      // (Not a unit that names something else of its own: "In Santa Lucerne, ..." in a section on Nova Terra.)
      for (const u of units) if (!held.has(u.i) && !u.who.actors.length && !u.features.has('place')) held.set(u.i, SECTION_CREDIT);
    }
  }
  cache.set(c.alternatives, held);
  return held;
}
const sectionHeldCache = new WeakMap<Alternative[], ReadonlyMap<number, number>>();
/** What a unit gets for a name its section is about but it does not say itself: held. */
const SECTION_CREDIT = 0.5;

/** In "when did X start?", what the verb weighs: the event's own word, which a dated unit may say otherwise ("introduced"). */
const WHEN_VERB_SHARE = 0.5;

function weigh(pack: Pack, concepts: Concept[], when = false): Weighted[] {
  const n = pack.docs.length;
  // (Pushed onto an array literal, not made by map(): V8's optimised rank met map()'s arrays in other shapes and
  // deoptimised at them.)
  const out: Weighted[] = [];
  for (let k = 0; k < concepts.length; k++) {
    const concept = concepts[k]!;
    const held = heldBy(pack, concept);
    let weight = idf(n, held.size);
    // Unknown words count fully (they are what the question is about, and the pack does not have it),
    // except very short ones, which are mostly typos of small words ("hav", "abt").
    if (held.size === 0 || concept.unknown) weight = concept.words.join('').length <= 3 && !pack.english.isLemma(concept.words.join('')) ? SHORT_UNKNOWN_WEIGHT : idf(n, 1);
    if (concept.context) weight = CONTEXT_WEIGHT;
    if (concept.generic) weight = GENERIC_WEIGHT;
    if (concept.specific) weight *= SPECIFIC_FACTOR;
    if (concept.foreign) weight *= FOREIGN_FACTOR;
    if (concept.implied) weight *= IMPLIED_SHARE;
    if (when && concept.verbal && !concept.specific) weight *= WHEN_VERB_SHARE;
    const common = !concept.specific && held.size > Math.max(3, COMMON_SHARE * n);
    out.push({ concept, weight, weak: concept.context || concept.generic || !!concept.implied || !!concept.adverb || common, common, held });
  }
  return out;
}

const has = (d: DocInfo, f: Feature) => d.features.has(f) || (f === 'money' && (d.moneyNamed ??= namesMoney(d.doc.text)));

// Plain loops, not closures: these run for every candidate doc of every question, and a closure that
// captures the doc is an allocation each time.
/** Are all these stems in the set? */
function allIn(stems: readonly string[], set: ReadonlySet<string>): boolean {
  for (const t of stems) if (!set.has(t)) return false;
  return true;
}
/** Does the set hold one of the concept's alternatives whole? */
function holdsIn(c: Concept, set: ReadonlySet<string>): boolean {
  for (const alt of c.alternatives) if (allIn(alt.stems, set)) return true;
  return false;
}
/** The credit doc `i` gets for each concept is at least HELD. */
function allHeld(ws: readonly Weighted[], i: number): boolean {
  for (const w of ws) if ((w.held.get(i) ?? 0) < HELD) return false;
  return true;
}

/** What a question asks that every doc is checked against: worked out once per question, not per doc. */
interface Asked {
  /** Numbered positions it names ("who came *second*?"). */
  ordinals: Concept[];
  /** "Which country *ranked first*?": the first place of a ranking, which a doc may say as "topped" or "led". */
  topRank?: Concept;
  /** "What date / which day": a day, not only a year. */
  day: boolean;
  /** "How much does it cost": an amount of money. */
  money: boolean;
  /** "How many countries": the kind of thing counted (a pack may call countries economies or members). */
  countKind?: number;
  /** A bare acronym ("ABC?"), which asks what it stands for. */
  bareAcronym: boolean;
  /** Numbers it names that are not years ("the *six* dimensions"). */
  named: string[];
  /** "Which *countries*...": asks for places by name. */
  places: boolean;
  /** "What was X's score?": a score stated as a number (not how it is worked out, nor a yes/no or a comparison). */
  score: boolean;
  /** Stems of all its words, and of the last question's in a follow-up. */
  readonly stems: ReadonlySet<string>;
  /** "Who *chairs* X?": asks who holds a post, which a person (or a body named as holding it) answers. */
  post: boolean;
  /** "How many are in *level 4*?": the items of a series it names. */
  series: { series: string; item: string }[];
  /** "Is X *still* running?": a yes/no question whether something goes on. */
  still: boolean;
  /** "Who leads in the *latest* ranking?", "who came top the *very first* time?": of figures by year, which (and the word that asks it). */
  byYear?: { which: 'latest' | 'earliest'; word: string };
  /** What a "why" asks about: its focus, or the names it says ("why bother with *X*?" has no focus of its own). */
  whyOf: readonly Concept[];
}

/**
 * The question asks for a score: a word for one that no "of" comes before ("Hungary's score", "what score
 * did it get"; "what are the parts *of* the score?" asks about the parts).
 */
const asksScore = (a: Analysis) =>
  a.concepts.some((c) => !c.generic && c.words.length === 1 && wordSet('score-word').has(c.words[0]!) && !a.words.slice(0, c.positions[0] ?? 0).includes('of'));

function whatIsAsked(a: Analysis, context: readonly Concept[] = []): Asked {
  const word = (c: Concept) => c.words.join(' ');
  const said = a.words.join(' ');
  let stems: Set<string> | undefined;
  return {
    ordinals: a.concepts.filter((c) => !c.adverb && wordSet('ordinal-number').has(word(c))),
    // (The reading gave that "first" the ranking term: it followed a rank verb.)
    topRank: a.concepts.find((c) => word(c) === 'first' && c.alternatives.some((alt) => alt.stems[0] === RANKING_TERM)),
    day: a.intents.has('when') && /\b(date|day)\b/.test(said),
    // "How many X...?" counts X, whatever X is ("how many *fees* were refunded?"). Otherwise a money word asks an
    // amount ("how much are the fees?"), unless something else is what is counted ("how much *staff time* did
    // the budget review save?").
    // ("How much is a day pass?": what one costs, though no word says money.)
    money:
      (a.intents.has('howmany') && !(a.counted && /\bhow many\b/.test(said)) && a.concepts.some((c) => !c.generic && wordSet('money').has(word(c)) && (!a.counted || c === a.counted || wordSet('money').has(word(a.counted))))) ||
      /^(?:\w+ )?how much (?:is|are|was|were) (?:a|an|one)\b/.test(said) ||
      // ("What did the pilot cost?", "what was the cost of the trial?": an amount, as "how much" asks for one.)
      /\bwhat (?:did|does|do|will|would) (?:\w+ ){1,6}cost\b|\bwhat (?:is|was|are|were) the (?:total |full |overall )?(?:cost|costs|price|budget) of\b/.test(said),
    countKind: a.counted ? (() => { const k = COUNT_KINDS().findIndex((g) => g.has(term(word(a.counted!)))); return k < 0 ? undefined : k; })() : undefined,
    bareAcronym: a.bare && a.concepts.some((c) => c.specific && c.words.length === 1),
    named: a.numbers.filter((x) => !a.years.includes(x)),
    places: !!a.typed && !a.intents.has('howmany') && wordSet('place-kind').has(word(a.typed)),
    score: !a.intents.has('yesno') && !a.intents.has('compare') && !a.intents.has('how') && asksScore(a),
    // (Only "who" questions and glossary entries ask it: worked out when first asked.)
    get stems() {
      return (stems ??= new Set([...a.words, ...[...a.concepts, ...context].flatMap((c) => c.words.flatMap((w) => w.split(' ')))].map(term)));
    },
    post: a.intents.has('who') && a.words.some((w) => wordSet('person-role').has(w)),
    series: a.intents.has('howmany') ? seriesNamed(a) : [],
    still: a.intents.has('yesno') && !a.intents.has('howmany') && a.words.includes('still'),
    byYear: a.years.length ? undefined : asksByYear(a.words),
    whyOf: !a.intents.has('why') || a.focus.length ? a.focus : a.concepts.filter((c) => c.specific && !c.generic && !c.context),
  };
}

/**
 * "The *latest* ranking", "who leads *currently*": the most recent of figures that change by year; "the *very
 * first* ranking", "who led *originally*": the earliest. (Not when the question names its year.)
 */
function asksByYear(ws: readonly string[]): Asked['byYear'] {
  for (let k = 0; k < ws.length; k++) {
    if (wordSet('latest-asked').has(ws[k]!)) return { which: 'latest', word: ws[k]! };
    if (wordSet('earliest-asked').has(ws[k]!)) return { which: 'earliest', word: ws[k]! };
    // ("very first", "first ever": the phrase's "first".)
    const phrase = k > 0 ? `${ws[k - 1]}_${ws[k]}` : '';
    if (wordSet('earliest-asked').has(phrase)) return { which: 'earliest', word: phrase.split('_').find((w) => w === 'first') ?? ws[k]! };
  }
  return undefined;
}

/** The first count-kind line of the lexicon: countries, by whatever name a pack gives them. */
const COUNTRIES = 0;

/**
 * The doc's figures count the counted word: its stem, and for a word of the question's own (not a synonym),
 * the word itself ("four *organizers*" shares the stem of "organizations", but counts something else).
 */
function countedHere(c: Concept, d: DocInfo): boolean {
  const own = c.words.length === 1 ? c.words[0]! : undefined;
  for (const alt of c.alternatives) {
    if (!allIn(alt.stems, d.counts)) continue;
    // (A glossary group's first phrase need not be the word asked: only the word's own stem is checked so.)
    if (own !== undefined && alt.stems.length === 1 && alt.stems[0] === term(own) && !d.countWords.has(singular(own))) continue;
    return true;
  }
  return false;
}

/** "How many *people*...": the doc's figures count that (or it is a yes/no question that merely mentions counting). */
const countsIt = (a: Analysis, q: Asked, d: DocInfo) =>
  !a.counted ||
  a.intents.has('yesno') ||
  countedHere(a.counted, d) ||
  // "What share of portals...", "how many portals...": a share of the countries whose portals do it is the same answer.
  (q.countKind === undefined && d.countKinds.has(COUNTRIES) && has(d, 'percent') && holdsIn(a.counted, d.terms)) ||
  // "How many countries..." of a pack that counts "economies" or "members".
  (q.countKind !== undefined && d.countKinds.has(q.countKind)) ||
  // "How much money / funding did they put in?": an amount of money answers, whatever it is called.
  (q.money && wordSet('money').has(a.counted.words.join(' ')) && has(d, 'money'));

/** A date that says when: a day or a month, or a year other than those the question names ("when did the *2022* round open?"). */
function datesIt(a: Analysis, d: DocInfo): boolean {
  if (!has(d, 'date')) return false;
  if (!a.years.length || has(d, 'day')) return true;
  for (const y of d.years) if (!a.years.includes(y)) return true;
  return false;
}

/**
 * "Who did X?": a doc that names a person or a role first, an organisation next. A name the question itself
 * holds is what it asks about, not who did it ("who developed *the Widget Census*?").
 */
function whoBonus(q: Asked, d: DocInfo): number {
  if (d.who.role || d.doc.cues.includes('who')) return 0.12;
  // (The first name it gives, as a name reads: a person, unless it holds a word like "agency".)
  const named = d.who.actors.find((x) => !x.stems.every((t) => q.stems.has(t)));
  if (named && !named.org) return 0.12;
  return named || d.who.orgWord ? 0.06 : -0.1;
}

/** The doc names a person or a role besides what the question names ("Ana Lopez", "the minister"). */
function namesSomeone(q: Asked, d: DocInfo): boolean {
  return d.who.role || d.who.actors.some((x) => !x.org && !x.stems.every((t) => q.stems.has(t)));
}

/** "Level 4", "band D": the items of a series the question names. */
function seriesNamed(a: Analysis): { series: string; item: string }[] {
  return a.concepts.flatMap((c) => seriesItem(c.words) ?? []);
}
/** Words that join counts: "A and B *together* hold 43". */
const TOGETHER = /\b(together|combined|between them)\b/i;
/**
 * The question names one of a series ("level 4"), and the doc counts it together with another the question
 * does not name, in one sentence ("Level 2 and Level 4 together hold 23 ports").
 */
function countsOthersOfSeries(q: Asked, d: DocInfo): boolean {
  const asked = q.series;
  // (Most docs join no counts: the sentences are split only for those that do.)
  if (!TOGETHER.test(d.doc.text)) return false;
  for (const sentence of d.doc.text.split(/(?<=[.;])\s+/)) {
    if (!TOGETHER.test(sentence)) continue;
    for (const { series, item } of asked) {
      const items = [...sentence.matchAll(new RegExp(`\\b${series}s?\\s*(\\d{1,2}|[a-z])\\b`, 'gi'))].map((m) => m[1]!.toLowerCase());
      const named = (x: string) => asked.some((q) => q.series === series && q.item === x);
      if (items.includes(item) && items.some((x) => !named(x))) return true;
    }
  }
  return false;
}

/** A glossary entry that only spells out its term in the question's own words ("BDQ: Berth dues quota"). */
function saysNoMore(d: DocInfo, q: Asked): boolean {
  // (Worked out once per entry, on the first question that needs it.)
  d.beyondTerm ??= ((term) => contentStems(d.doc.text).filter((t) => !term.has(t)))(new Set(contentStems(d.doc.title)));
  return d.beyondTerm.every((t) => q.stems.has(t));
}

/** Does the doc (its text, title or citation) name the year? */
const namesYear = (d: DocInfo, year: string) => d.years.has(year);

/** Does the doc open by saying what the focus is ("The Widget Index (WXI) is ...", "X refers to ...")? */
function definesFocus(a: Analysis, d: DocInfo, asked: readonly Concept[] = a.focus): boolean {
  if (!asked.length || d.doc.kind !== 'unit') return false;
  // (Loops, not closures over the doc: asked of every candidate doc of every "what is" question.)
  for (const c of asked) {
    let named = false;
    for (const alt of c.alternatives) if (opensWithName(d.opening, alt.stems)) named = true;
    if (!named) return false;
  }
  return true;
}
/**
 * The words name this within their first four, then say what it is: right after the name, or after an
 * acronym in brackets ("the widget index (wxi) is"); the name may be said twice ("in the Widget Framework,
 * *widgets are*...").
 */
function opensWithName(ws: readonly string[], stems: readonly string[]): boolean {
  for (let at = 0; at <= 3; at++) {
    if (!runAt(ws, stems, at)) continue;
    const after = at + stems.length;
    if (DEFINING.has(ws[after] ?? '') || DEFINING.has(ws[after + 1] ?? '')) return true;
  }
  return false;
}
/** These stems stand in a row in the words from `at`. */
function runAt(ws: readonly string[], stems: readonly string[], at: number): boolean {
  for (let j = 0; j < stems.length; j++) if (ws[at + j] !== stems[j]) return false;
  return true;
}
/** Stems of the words that say what something is, after its name. */
const DEFINING = new Set(['is', 'are', 'refer', 'mean', 'denot', 'stand', 'defin']);

/** What steps in order add for a question that asks how to do something oneself. */
const PROCEDURE_BONUS = 0.1;
/** What the form of the doc adds for the kind of answer asked for (negative when it cannot be that answer). */
/** `oneItem`: the question asks advice about one readiness item, not about the pack's whole subject. */
function typeBonus(a: Analysis, q: Asked, d: DocInfo, coverage: number, focusLead: boolean, oneItem: boolean): number {
  // (a.intents.has, not a closure over a: this runs for every candidate doc.)
  const asks = a.intents;
  const { doc } = d;
  let b = 0;
  if (asks.has('howmany')) b += has(d, 'number') ? (doc.unitKind === 'statistic' || has(d, 'percent') ? 0.1 : 0.06) : -0.15;
  // "What share...", "what percentage...": a share, not a count.
  if (asks.has('howmany') && a.share) b += has(d, 'percent') ? 0.05 : -0.05;
  // "How many people...?" answered by a count of something else is most likely wrong.
  if (a.counted && !countsIt(a, q, d)) b -= 0.3;
  if (asks.has('when')) b += datesIt(a, d) ? 0.1 : -0.1;
  // "What date / which day...": a day, not only a year.
  if (q.day) b += has(d, 'day') ? 0.08 : 0;
  if (asks.has('where')) b += has(d, 'place') ? 0.12 : -0.12;
  // "How long is it?": a length of time ("a 45-minute session").
  if (asks.has('duration')) b += has(d, 'duration') ? 0.1 : -0.1;
  if (asks.has('age') && has(d, 'age')) b += 0.1;
  // "How often is it published?": a doc that says how often ("every two years").
  if (asks.has('frequency')) b += has(d, 'frequency') ? 0.1 : -0.1;
  // "Who leads X?": a person or a role first, an organisation next.
  if (asks.has('who') && !asks.has('howmany')) b += whoBonus(q, d);
  // "Why...?": a doc that gives reasons, or one that is itself a "why" (its section's title, or its opening
  // question: "Why a register? It shows...").
  if (asks.has('why')) b += (has(d, 'reason') ? 0.06 : 0) + (has(d, 'why') ? 0.15 : 0);
  // "Why X?" is not answered by what X is: a doc that opens by defining it says what, not why.
  // ("Why bother with X?" has no focus of its own: X is the name it asks about.)
  if (asks.has('why') && !asks.has('define') && definesFocus(a, d, q.whyOf)) b -= 0.2;
  // "What does the *data* pathway say?" of "the nine pathways are: (1) governance, ..., (4) data, ...": the question
  // names one short item of a list, which the unit about that item says more of than the list that names it.
  if (!asks.has('list') && !asks.has('howmany') && !asks.has('outline') && !asks.has('compare') && namesOneItem(a, d)) b -= LIST_ITEM_PENALTY;
  // "How do I get one?": steps in order ("(1) install the app; (2) log in").
  if (asks.has('how') && !asks.has('howmany') && a.procedure) b += has(d, 'steps') ? PROCEDURE_BONUS : 0;
  if (asks.has('define') && has(d, 'definition')) b += focusLead ? 0.1 : 0.04;
  // "The X (ABC) is...", "X refers to...": the doc that says what the asked thing is.
  if (asks.has('define') && definesFocus(a, d)) b += 0.1;
  if (asks.has('list') && has(d, 'list')) b += 0.06;
  // "Examples of X?": a doc that names some ("such as ...", "for example ...").
  if (asks.has('example')) b += has(d, 'example') ? EXAMPLE_BONUS : has(d, 'list') ? EXAMPLE_BONUS / 2 : 0;
  if (asks.has('role') && ROLE_STEMS.some((t) => d.terms.has(t))) b += 0.05;
  // "Is X *still* running?": whether it goes on, which a doc that says it stopped, lapsed or remains answers.
  if (q.still && CHANGE_STEMS().some((t) => d.terms.has(t))) b += STILL_BONUS;
  // "The *six* dimensions", "in *2020*": a doc that names the same number is the one asked about.
  if (q.named.length && q.named.every((x) => d.numbers.has(x))) b += 0.08;
  for (const year of a.years) b += namesYear(d, year) ? 0.08 : -0.05;
  // The glossary says what a term stands for; what it means is better said by the deck's own unit on it.
  // A bare acronym ("ABC?") asks what it stands for; a bare name ("north region?") asks about it.
  if (doc.kind === 'glossary') b += asks.has('abbrev') || q.bareAcronym ? 0.1 : asks.has('define') ? -0.05 : -0.08;
  // The title slide answers questions about the session, not every "who" or "when" question.
  if (doc.kind === 'meta' && coverage >= 0.5) for (const cue of doc.cues) if (a.intents.has(cue as Intent)) b += 0.3;
  // "Which event is *this session* part of?": about the session, so the title slide first.
  if (doc.kind === 'meta' && a.concepts.some((c) => c.context)) b += 0.1;
  // A next step is advice on one item: for that item most of all; for "what should we do first?" in general only
  // a little, enough to come before a plain figure it ties with.
  if (doc.kind === 'nextstep' && asks.has('advice')) b += oneItem ? 0.25 : 0.05;
  // The deck's own advice ("where should a ministry start? ...") before an item's suggested next step.
  if (doc.kind === 'unit' && asks.has('advice') && has(d, 'advice')) b += 0.15;
  // An indicator the pack gives no figure for is there for the self-assessment; the deck's own units say more.
  if (doc.kind === 'indicator' && doc.unitKind !== 'statistic') b -= 0.1;
  // Any indicator is a readiness item first: where the deck says the same, the deck's unit is the answer.
  // (Not for "how many": there the indicator's figure, or its saying the deck has none, is the answer.)
  if (doc.kind === 'indicator' && !asks.has('howmany')) b -= INDICATOR_PENALTY;
  return b;
}

/** What a list loses when the question names only one of its short items. */
const LIST_ITEM_PENALTY = 0.2;
/** What a doc that names instances ("such as ...") gains when examples are asked for; a bare list, half. */
const EXAMPLE_BONUS = 0.1;
/** Given to the first unit of a part whose title the question says whole: it opens what the title names. */
const TITLE_OPENING_BONUS = 0.1;
/** Taken from the author's outline of the session when a question asks about a topic rather than the session. */
const OUTLINE_PENALTY = 0.3;
/**
 * A list's items, when it lists at least four, most of them short (a few words each, after its opening colon):
 * for each stem, how many of its short items hold it (empty when the doc lists no such items).
 */
const itemStems = new WeakMap<DocInfo, ReadonlyMap<string, number>>();
function itemsOf(d: DocInfo): ReadonlyMap<string, number> {
  let counts = itemStems.get(d);
  if (!counts) {
    const found = new Map<string, number>();
    const body = d.doc.text.slice(d.doc.text.indexOf(':') + 1);
    const parts = body.split(/\s*(?:;|,|\(\d{1,2}\)|\band\b)\s*/).filter((x) => /[a-z]/i.test(x));
    const short = parts.filter((x) => x.split(/\s+/).length <= 4);
    if (parts.length >= 4 && short.length * 4 >= parts.length * 3) for (const item of short) for (const t of new Set(contentStems(item))) found.set(t, (found.get(t) ?? 0) + 1);
    itemStems.set(d, (counts = found));
  }
  return counts;
}
/** The question names one short item of the doc's list: a word of its own (no figure) that only one item holds. */
function namesOneItem(a: Analysis, d: DocInfo): boolean {
  if (!has(d, 'list')) return false;
  const items = itemsOf(d);
  if (!items.size) return false;
  for (const c of a.concepts) {
    if (c.generic || c.context || /^\d+$/.test(c.words.join(''))) continue;
    // (A word of one stem, as most are: how many items hold it is counted already.)
    for (const alt of c.alternatives) if (alt.stems.length === 1 && items.get(alt.stems[0]!) === 1) return true;
  }
  return false;
}

/** The concept is a word of the name of a person the doc names ("Lopez" of "Ana Lopez"). */
function namesPerson(c: Concept, d: DocInfo): boolean {
  for (const x of d.who.actors) if (!x.org && c.alternatives[0]!.stems.every((t) => x.stems.includes(t))) return true;
  return false;
}

/** A doc's keywords of two words or more, each spaced at both ends (" what held it up "): worked out once per doc. */
const keyPhrases = new WeakMap<DocInfo, string[]>();
/** The question says one of the doc's keyword phrases word for word. */
function saysKeyword(said: string, d: DocInfo): boolean {
  let phrases = keyPhrases.get(d);
  if (!phrases) {
    phrases = [];
    for (const k of d.doc.keywords) {
      const ws = words(k, Infinity);
      if (ws.length >= 2 && ws.some((w) => !isStopWord(w))) phrases.push(` ${ws.join(' ')} `);
    }
    keyPhrases.set(d, phrases);
  }
  for (const p of phrases) if (said.includes(p)) return true;
  return false;
}

/**
 * The question says the title of the unit's part word for word ("what held it up?" of a part titled "What held it
 * up"), a title of two words or more: the author's own heading for what the part answers.
 */
function saysTitle(said: string, d: DocInfo): boolean {
  let phrase = titlePhrases.get(d);
  if (phrase === undefined) {
    const ws = d.doc.kind === 'unit' ? words(d.doc.title, Infinity) : [];
    phrase = ws.length >= 2 && ws.some((w) => !isStopWord(w)) ? ` ${ws.join(' ')} ` : '';
    titlePhrases.set(d, phrase);
  }
  return phrase !== '' && said.includes(phrase);
}
/** A unit's part title as a phrase spaced at both ends ('' when it is no phrase of two words or more): worked out once per doc. */
const titlePhrases = new WeakMap<DocInfo, string>();

/** Everything the question is about is the glossary entry's term. */
function aboutTerm(a: Analysis, d: DocInfo): boolean {
  const topical = a.concepts.filter((c) => !c.generic && !c.context);
  return topical.length > 0 && topical.every((c) => holdsIn(c, d.lead));
}

/**
 * May this doc answer the question? It must hold what is asked about (not just a phrase beside it: "the
 * *population* of X" is not answered by what X stands for). A glossary entry answers only "what is X /
 * what does X stand for" about its own term (or how long or how often X lasts, when it says so); a next step
 * only a request for advice; a "when" question only a doc with a date; a question about a year only a doc that
 * names that year (or none).
 */

function fits(a: Analysis, q: Asked, d: DocInfo, holdsFocus: boolean, hasFocus: boolean): boolean {
  // "Summarise the talk in a few lines": the outline, whatever else the question holds.
  if (d.doc.ref === 'm:outline' && a.intents.has('outline')) return true;
  // A yes/no question has no one thing it is about ("should services go fully digital?"): coverage decides,
  // but a place it names must be there ("has *Panama* joined?").
  if (!holdsFocus && !a.intents.has('yesno')) return false;
  for (const c of a.focus) if (c.place && !holdsIn(c, d.terms)) return false;
  if (a.intents.has('date') && !datesIt(a, d)) return false;
  // "How long is it?": only a doc that gives a length of time.
  if (a.intents.has('duration') && !has(d, 'duration')) return false;
  // "How often is it published?": only a doc that says how often.
  if (a.intents.has('frequency') && !has(d, 'frequency')) return false;
  // "At what age do children start school?": only a doc that gives an age. ("How old is the registry?": or the year
  // a thing began.)
  if (a.intents.has('age') && !has(d, 'age') && !has(d, 'year')) return false;
  // "Which countries...?" is answered by naming them, not by how many there are.
  if (q.places && !has(d, 'place')) return false;
  // "What will the next edition find?" is answered only by a doc that speaks of what is to come.
  if (a.future && !d.future) return false;
  // "When will version 3.0 come out?" is not answered by a doc about 2.0 and 1.1.
  if (q.named.some((x) => x.includes('.') && !d.numbers.has(x)) && has(d, 'number')) return false;
  // "Who came *second*?" is not answered by who came first.
  // ("Who *ranked first*?" is answered by who topped the ranking, whatever else the doc numbers.)
  if (q.ordinals.length && has(d, 'numbered') && !q.ordinals.every((c) => holdsIn(c, d.terms) || (q.topRank === c && has(d, 'ranking')))) return false;
  // "in 2020?" is not answered by a figure for 2022.
  if (a.years.some((y) => !namesYear(d, y)) && d.years.size) return false;
  // "How many had it in 2019?" is not answered by a count that names no year: counts change.
  if (a.years.length && a.intents.has('howmany') && !d.years.size && d.doc.kind !== 'meta') return false;
  // "What is X?" is a definition; "what is X *known* for?" is not.
  const onlyTerm = a.concepts.every((c) => a.focus.includes(c) || c.generic || c.context);
  // "How many people use the ferry site?" is not answered by a count of countries.
  if (!countsIt(a, q, d)) return false;
  // "Who chairs the committee?" is answered by a person (or a role), not by a doc that names only bodies.
  // (Or a body named as holding it: "chaired by the Harbour Board".)
  if (q.post && !namesSomeone(q, d) && !d.who.agents.some((x) => ROLE_VERBS.has(x.verb))) return false;
  // "How many are in level 2?" is not answered by a count of levels 2 and 4 together.
  if (q.series.length && countsOthersOfSeries(q, d)) return false;
  // "What was X's score?" needs a score given as a number, not a rank or a doc that only says "by score".
  if (q.score && !d.scored) return false;
  // "How much does it cost?" needs an amount of money.
  if (q.money && !has(d, 'money')) return false;
  // "Is there parking at the venue?": a title-slide fact answers yes or no only about what it holds, or
  // when the question asks what the fact is for ("is there an email address I can write to?").
  if (d.doc.kind === 'meta' && a.intents.has('yesno') && !d.doc.cues.some((c) => a.intents.has(c as Intent)) && a.concepts.some((c) => !c.generic && !c.context && !holdsIn(c, d.terms))) return false;
  // "What is Ana Lopez's role?": a fact of the title slide answers only when it names a post ("Director of ...").
  // (Named by a term, or by the person's own name: "what is Ana Lopez's role?" is not answered by where to write to her.)
  if (d.doc.kind === 'meta' && a.intents.has('role') && !d.who.role && a.concepts.some((c) => c.specific || namesPerson(c, d))) return false;
  // A fact of the title slide says who, when or where: never why anything but the session itself happened.
  if (a.intents.has('why') && d.doc.kind === 'meta' && a.concepts.some((c) => !c.generic && !c.context)) return false;
  // Advice comes from next steps and the deck, not from a definition or the title slide.
  if (a.intents.has('advice') && (d.doc.kind === 'glossary' || d.doc.kind === 'meta')) return false;
  // A glossary entry answers what its own term means: the focus must be its term.
  // A bare question ("X results?") asks what X is only when it is nothing but the term.
  const onlyThat = !a.bare || (a.concepts.every((c) => a.focus.includes(c) || c.generic) && a.concepts.every((c) => c.words.length === 1));
  // (Not when the entry says no more than the question: "what does berth dues quota mean?" and "BDQ: Berth dues quota".)
  if (d.doc.kind === 'glossary' && !a.intents.has('abbrev') && !q.bareAcronym && saysNoMore(d, q)) return false;
  // (Or "how many X does it cover?" of a term whose entry gives that count: "the census covers all 64".)
  if (d.doc.kind === 'glossary') return ((a.intents.has('define') || a.intents.has('abbrev')) && hasFocus && onlyTerm && onlyThat && a.focus.every((c) => holdsIn(c, d.lead))) || (a.intents.has('howmany') && !!a.counted && countedHere(a.counted, d) && a.concepts.some((c) => c.specific && holdsIn(c, d.lead))) || (holdsKindAsked(a, d) && aboutTerm(a, d));
  if (d.doc.kind === 'nextstep') return a.intents.has('advice');
  // An indicator the pack gives no figure for cannot answer "how many".
  if (d.doc.kind === 'indicator' && d.doc.unitKind !== 'statistic' && a.intents.has('howmany')) return false;
  // An indicator says what a readiness item is and how many have it: not why, when, who, where or how.
  if (d.doc.kind === 'indicator' && NOT_INDICATOR.some((i) => a.intents.has(i))) return false;
  if (d.doc.ref === 'm:outline') return a.intents.has('outline') || a.intents.has('about');
  return true;
}

function lunrScores(pack: Pack, weighted: Weighted[]): Map<string, number> {
  const terms = new Map<string, number>();
  const commonDf = Math.max(3, LUNR_STEM_SHARE * pack.docs.length);
  for (const w of weighted) {
    // lunr's cost grows with the docs each term matches: only the words that narrow the search.
    if (!w.held.size || w.weak) continue;
    for (const t of [...w.concept.words.map(term), ...w.concept.alternatives[0]!.stems]) {
      const df = pack.postings.get(t)?.length ?? 0;
      if (df > 0 && df <= commonDf) terms.set(t, Math.max(terms.get(t) ?? 0, w.weight));
    }
  }
  if (!terms.size) return new Map();
  try {
    // Terms are already normalised and stemmed: never through lunr's query parser.
    return pack.lunrScores.scores(terms);
  } catch {
    // A lunr failure only loses the tie-breaker; coverage still ranks.
    return new Map();
  }
}

export interface RankOptions {
  /** Extra weight for docs of these sections (a follow-up stays near the last answer). */
  near?: ReadonlySet<string>;
  /** Concepts from the conversation's last question: they count, at this weight, but never decide. */
  context?: Concept[];
  /** Docs the last answer gave: "and what about X?" wants something new. */
  given?: ReadonlySet<string>;
}

/**
 * A plain word the doc holds only inside a name ("population" in the "Population Data Agency"). A place is a
 * name itself, and an ordinal in a name is the place in its series: "the second one" is the "Second Repair Code".
 * (A plain word is an English one: "what happened on *Marrowsea*?" of "Marrowsea Airfield" asks about the name.)
 */
const inNameOnly = (pack: Pack, c: Concept, d: DocInfo) => !c.specific && !c.place && c.words.length === 1 && !wordSet('ordinal-number').has(c.words[0]!) && allIn(c.alternatives[0]!.stems, d.inNamesOnly) && pack.english.has(c.words[0]!);
/** Doc `i` holds one of these concepts. */
function heldBySome(ws: readonly Weighted[], i: number): boolean {
  for (const w of ws) if (w.held.has(i)) return true;
  return false;
}
/** The doc is about every one of these concepts. */
function allInLead(ws: readonly Weighted[], d: DocInfo): boolean {
  for (const w of ws) if (!holdsIn(w.concept, d.lead)) return false;
  return true;
}
/** Doc `i` holds every session word of the question. */
function heldAllContext(ws: readonly Weighted[], i: number): boolean {
  for (const w of ws) if (w.concept.context && !w.held.has(i)) return false;
  return true;
}

/**
 * "Who were the *authors* of X?" asks who wrote X: the role is what "who" asks for, and the deck may give the
 * name without the role's word, as who did it ("X was written by Ana Lopez"), as it may say a verb in other words.
 */
function asksWho(a: Analysis, missed: Weighted, d: DocInfo): boolean {
  const role = missed.concept.words.length === 1 ? missed.concept.words[0]! : '';
  if (!a.intents.has('who') || !wordSet('role').has(role)) return false;
  // (By the verb of that role: the authors "wrote" or "prepared" it; who "presented" or "signed" it is someone else.)
  return d.doc.kind === 'unit' && d.who.agents.some((x) => !x.org && ROLE_VERBS.get(x.verb) === singular(role));
}
/** The verbs of holding a role, and the role ("written" by the author, "chaired" by the chair): lexicon/people.txt. */
const ROLE_VERBS = wordMap('role-verb');

/**
 * The one thing a question seems to ask about is its verb, a phrasal one too ("when did X *bring out* Y?"):
 * a doc holding everything else it names may say the verb in other words.
 */
function verbOnly(a: Analysis, missed: Weighted, topical: readonly Weighted[], i: number): boolean {
  const c = missed.concept;
  const rest = topical.filter((w) => w !== missed);
  return (a.verbs.includes(c) || (!!c.verbal && c.words.length > 1)) && rest.length > 0 && allHeld(rest, i);
}

/**
 * "What are the *five steps* of X?" and a doc on X that gives "five levels": the number names the list, whatever
 * the pack calls its items. The question's word is what the number counts; the doc states that number and
 * holds all the rest.
 */
function numberedList(a: Analysis, q: Asked, missed: Weighted, topical: readonly Weighted[], d: DocInfo): boolean {
  if (!a.intents.has('list') || missed.concept.words.length !== 1) return false;
  const n = numberBefore(a, missed.concept);
  const rest = topical.filter((w) => w !== missed);
  return q.named.includes(n) && d.numbers.has(n) && rest.length > 0 && allHeld(rest, d.i) && countsItems(d, n);
}
/** A number as digits, whether written so or in words ("five" -> "5"). */
const digits = (w: string) => wordMap('number-word').get(w) ?? w;
/** The word before the concept in the question, as digits: the number it is counted by ("the *3* stages"). */
const numberBefore = (a: Analysis, c: Concept) => digits(a.words[(c.positions[0] ?? 0) - 1] ?? '');
/** The words right after each place the doc states the number `n` ("*three* levels", "*3* fare zones"). */
function wordsAfter(d: DocInfo, n: string, span: number): string[][] {
  const ws = words(d.doc.text);
  const out: string[][] = [];
  for (let k = 0; k + 1 < ws.length; k++) if (digits(ws[k]!) === n) out.push(ws.slice(k + 1, k + 1 + span));
  return out;
}
/** The doc gives the number of things the concept names, in words WordNet relates to it ("3 stages": "three levels"). */
function countsAs(d: DocInfo, n: string, c: Concept): boolean {
  return wordsAfter(d, n, 1).some(([next]) => c.alternatives.some((alt) => alt.stems.length === 1 && alt.stems[0] === term(next!)));
}
/** The doc says "five levels", "4 pillars": the number counts things of its own, not days, years or times. */
function countsItems(d: DocInfo, n: string): boolean {
  return wordsAfter(d, n, 1).some(([next]) => /[a-z]s$/.test(next!) && !wordSet('measure-unit').has(next!));
}

/** Per pack, worked out on the first question that asks where to start: the title slide's doc and the units on where to begin. */
const startOf = new WeakMap<Pack, { title?: number; starts: number[] }>();
function starts(pack: Pack): { title?: number; starts: number[] } {
  let s = startOf.get(pack);
  if (!s) {
    s = { title: pack.docs.find((d) => d.doc.ref === 'm:title')?.i, starts: pack.docs.filter((d) => has(d, 'start')).map((d) => d.i) };
    startOf.set(pack, s);
  }
  return s;
}
/** The title slide holds this concept: it names what the whole session is about. */
/** Does a unit that is itself a "why" ("Why change: ...") hold the word? */
function heldByWhyPart(pack: Pack, w: Weighted): boolean {
  for (const i of w.held.keys()) if (pack.docs[i]!.doc.kind === 'unit' && has(pack.docs[i]!, 'why')) return true;
  return false;
}

function titleHolds(pack: Pack, w: Weighted): boolean {
  const title = starts(pack).title;
  return title !== undefined && w.held.has(title);
}

/** Every document that holds part of the question, best first. */
export function rank(pack: Pack, a: Analysis, opts: RankOptions = {}): Ranked[] {
  const weighted = weigh(pack, a.concepts, a.intents.has('when') || a.intents.has('date'));
  const q = whatIsAsked(a, opts.context);
  // (Every field written in weigh()'s order, not spread: a Weighted of one shape keeps rank optimised.)
  for (const w of weigh(pack, opts.context ?? [])) weighted.push({ concept: w.concept, weight: w.weight * CONTEXT_SHARE, weak: true, common: w.common, held: w.held });
  // A focus word most docs share ("how do *governments* decide...") cannot pick the answer; the rest can.
  // What is counted ("how many *countries*") or names the kind of answer ("which *countries*") need not be held.
  // (Pushed onto array literals, not made by filter(): an empty filter() result has a shape of its own, and the
  // optimised rank deoptimised at it.)
  const asked: Weighted[] = [];
  for (let k = 0; k < weighted.length; k++) {
    const w = weighted[k]!;
    if (a.focus.includes(w.concept) && w.concept !== a.counted && w.concept !== a.typed) asked.push(w);
  }
  let focus = asked;
  if (asked.some((w) => !w.common)) {
    focus = [];
    for (let k = 0; k < asked.length; k++) if (!asked[k]!.common) focus.push(asked[k]!);
  }
  const total = weighted.reduce((s, w) => s + w.weight, 0);
  if (!total) return [];
  const candidates = new Set<number>();
  // (forEach and indexed loops below, not for-of: until V8 optimises rank, each step of a for-of allocates.)
  for (let k = 0; k < weighted.length; k++) weighted[k]!.held.forEach((_, i) => candidates.add(i));
  if (opts.near) for (const s of opts.near) for (const u of pack.sectionUnits.get(s) ?? []) candidates.add(u.i);
  // "Summarise the talk": the outline holds none of the words, but it is what a summary of the session is.
  if (a.intents.has('outline')) for (const d of pack.docs) if (d.doc.ref === 'm:outline') candidates.add(d.i);
  const definition = a.intents.has('define') || a.intents.has('abbrev');
  // When every word asked is common in this pack (a pack about one index, asked about "the index"), a doc
  // holding all of what is asked about is specific enough.
  const anySpecific = weighted.some((w) => !w.weak && w.held.size > 0);
  // Advice about one readiness item names that item: a focus every item's next step shares (a pack's own
  // subject) does not pick one out, and the deck's own advice comes first.
  let steps = 0;
  if (a.intents.has('advice') && focus.length) for (const i of focus[0]!.held.keys()) if (pack.docs[i]!.doc.kind === 'nextstep' && focus.every((w) => w.held.has(i))) steps++;
  const oneItem = anySpecific && steps <= MAX_ITEM_STEPS;
  // "Where should a ministry start (with X)?", of a pack about X: asks where to begin, which a unit headed
  // "First steps..." answers whether or not it names X (or the one who is to act).
  // (What the whole session is about: a word its title holds, or most docs.)
  const subject = (w: Weighted) => w.common || titleHolds(pack, w) || w.concept.words.every((x) => wordSet('organisation').has(x));
  // ("Any advice?", "what does the trainer recommend?": advice on nothing in particular, which is where to begin.)
  const advice = a.intents.has('advice');
  const anyAdvice = advice && a.concepts.every((c) => c.generic || c.context || c.words.every((x) => wordSet('person').has(x)));
  const fromSpeaker = anyAdvice && a.concepts.some((c) => c.words.every((x) => wordSet('person').has(x)));
  const fromScratch = (anyAdvice || (advice && a.words.some((w) => wordSet('start-word').has(w)))) && focus.every(subject);
  if (fromScratch) for (const i of starts(pack).starts) candidates.add(i);
  // "Why did they move it all online in the first place?": asked of nothing but the session's own subject and
  // what was done to it, a "why" is what the part on why answers ("Why change: the service before 2021"), in
  // whatever words it gives its reasons.
  // (The subject as the title names it: a word most units share, "ranking" in a pack about an index, may still be
  // the one thing asked about, "why did they drop the ranking?". Nor of one year: that asks about a change then.)
  // (And asked of the change itself, "why did they *move*...": "why did complaints go up?" asks about one outcome.)
  // (What it is asked of: the focus, or else every word of its own, "why did the libraries move *lending online*?".
  // Each a word the title holds, or one the part on why itself speaks of: "why did they bother putting *cards*
  // online?" of a part that tells how cards were renewed before.)
  const whyOf = !a.intents.has('why') || focus.length ? focus : weighted.filter((w) => a.concepts.includes(w.concept) && !w.concept.generic && !w.concept.context && !w.concept.verbal && !w.concept.unknown);
  const fromWhy =
    a.intents.has('why') &&
    !definition &&
    !a.years.length &&
    whyOf.length > 0 &&
    a.concepts.some((c) => c.words.every((x) => wordSet('change-verb').has(x))) &&
    whyOf.every((w) => titleHolds(pack, w) || (w.concept.verbal && !w.concept.specific) || heldByWhyPart(pack, w));
  if (fromWhy) for (const d of pack.docs) if (d.doc.kind === 'unit' && has(d, 'why')) candidates.add(d.i);
  const specificHeld = weighted.filter((w) => !w.weak && w.held.size > 0);
  const prune = anySpecific && !a.intents.has('compare');
  const topical = weighted.filter((w) => !w.concept.generic && !w.concept.context && w.held.size > 0 && a.concepts.includes(w.concept));
  const sessionOnly = a.concepts.length > 0 && a.concepts.some((c) => c.context) && a.concepts.every((c) => c.context || c.generic);
  const cued = pack.metaCues.some((c) => a.intents.has(c as Intent));
  // "How long is the session?": the session's own opening part speaks of it, by whatever name ("this 75-minute case
  // study ..."), so its units that hold the kind of answer asked hold the session too.
  const opening = new Set<number>();
  if (sessionOnly) for (const u of pack.sectionUnits.values().next().value ?? []) if (u.doc.kind === 'unit' && holdsKindAsked(a, u)) opening.add(u.i);
  for (const i of opening) candidates.add(i);
  // (Any unit that opens as someone's advice, for advice asked of the speaker, whatever words it shares.)
  if (fromSpeaker) for (const d of pack.docs) if (has(d, 'own-advice')) candidates.add(d.i);
  // (The question's own words for where to begin, which a unit on where to begin holds however it says it.)
  // (For advice on nothing in particular, all of its words: "any *advice*?")
  const startWords = new Set(fromScratch ? weighted.filter((w) => anyAdvice || w.concept.words.some((x) => wordSet('start-word').has(x))) : []);
  // "The *3* stages": a word the question counts, by the number before it.
  const numbered = new Map<Weighted, string>();
  for (const w of weighted) {
    const n = w.concept.words.length === 1 ? numberBefore(a, w.concept) : undefined;
    if (n && q.named.includes(n)) numbered.set(w, n);
  }
  // (A name: a word the pack writes, and only ever in capitals.)
  const setting = new Set(focus.filter((w) => !w.concept.context && w.held.size > 0 && w.concept.words.length === 1 && !pack.plainWords.has(w.concept.words[0]!) && titleHolds(pack, w)));
  const said = ` ${a.words.join(' ')} `;
  const everyday = a.concepts.length > 0 && a.concepts.every((c) => c.generic || c.context);
  const ranked: Ranked[] = [];
  const nearly: Ranked[] = [];
  const candidateList = Array.from(candidates);
  for (let c = 0; c < candidateList.length; c++) {
    const i = candidateList[c]!;
    const d = pack.docs[i]!;
    // Next steps answer only requests for advice: skipped early, they would only cost time.
    if (d.doc.kind === 'nextstep' && !a.intents.has('advice')) continue;
    // When the question names something specific, a doc holding only its everyday words can never be the
    // answer: skipped too (the title slide's facts and the last answer's section stay, for their own rules;
    // and in a comparison each side is looked for among all the docs).
    // ("Any advice from the *speaker*?": a unit that opens as someone's advice, "The presenter's advice: ...", is
    // where the speaker's own advice is, wherever it stands.)
    const whyHere = fromWhy && d.doc.kind === 'unit' && has(d, 'why');
    const startHere = (fromScratch && (has(d, 'start') || (fromSpeaker && has(d, 'own-advice')))) || whyHere;
    if (prune && d.doc.kind !== 'meta' && !startHere && !opts.near?.has(d.doc.section ?? '') && !heldBySome(specificHeld, i)) continue;
    // A glossary entry is the answer to "what is X?", not to every question that names X.
    const leadCounts = d.doc.kind !== 'glossary' || definition;
    let got = 0;
    let lead = 0;
    let strong = false;
    for (let k = 0; k < weighted.length; k++) {
      const w = weighted[k]!;
      // (A unit on where to begin speaks of the session's subject throughout, named or not.)
      // (And of where to begin, said in any words: "start", "begin", "first".)
      // (A part on why speaks of what was done, "moved online", in its own words: "before 2021 ...".)
      let credit = (startHere && (focus.includes(w) || startWords.has(w) || (whyHere && w.concept.verbal))) || (w.concept.context && opening.has(i)) ? 1 : w.held.get(i);
      if (!credit) continue;
      // ("The 3 *stages* of X" and a doc on X that gives "three levels": the number says they are the same things.)
      // (Specific enough to answer, however common the word: the number picks out the list.)
      if (credit < HELD && numbered.has(w) && countsAs(d, numbered.get(w)!, w.concept)) {
        credit = 1;
        strong = true;
      }
      // "the *population* of X" is not answered by the "Population Data Agency".
      if (inNameOnly(pack, w.concept, d)) credit *= NAME_CREDIT;
      got += w.weight * credit;
      if (!w.weak) strong = true;
      // The doc is about this concept, not just mentioning it ("Data divide: ..." for the data divide).
      // (The title slide's facts are about the session: there a session word names the fact asked for.)
      if (leadCounts && (!w.concept.context || d.doc.kind === 'meta') && holdsIn(w.concept, d.lead)) lead += w.weight;
    }
    const coverage = got / total;
    if (coverage >= 0.5 && d.doc.cues.some((c) => a.intents.has(c as Intent))) strong = true;
    // "Which session is this?": nothing but words for the session, and a title-slide fact about them.
    // (A question that asks who, when, where or what about is the fact its own cue names.)
    if (d.doc.kind === 'meta' && lead > 0 && !cued && sessionOnly && heldAllContext(weighted, i)) strong = true;
    if (!anySpecific && topical.length && allHeld(topical, i)) strong = true;
    // "What parts does the talk cover?": a summary of the session is what its outline is.
    if (d.doc.ref === 'm:outline' && a.intents.has('outline')) strong = true;
    // "How long is the session?": only words for the session, and a doc about it that holds that kind of answer.
    if (sessionOnly && coverage >= 0.5 && holdsKindAsked(a, d)) strong = true;
    const focusLead = focus.length > 0 && allInLead(focus, d);
    if (startHere) strong = true;
    // "What held them up along the way?" of a unit the pack keys as "what held it up": the question says what its
    // author said it answers, in everyday words as they may be.
    if (!strong && saysKeyword(said, d)) strong = true;
    // (Its title said whole, the part's first unit, which opens it, before the rest. Only for a title of everyday
    // words, which coverage cannot tell from any other part: a topic's name is found by its words.)
    const titled = everyday && saysTitle(said, d);
    if (titled) strong = true;
    let score = coverage + LEAD_WEIGHT * (lead / total) + typeBonus(a, q, d, coverage, focusLead, oneItem) - lengthPenalty(pack, d) + (startHere ? START_BONUS : 0);
    if (opts.near?.has(d.doc.section ?? '')) score += 0.1;
    if (titled && d.doc.position === 0) score += TITLE_OPENING_BONUS;
    // The author's outline names every topic in a word or two: it answers what the session covers, and a topic's own
    // part answers the rest ("what's next for the programme?" of an outline ending "...; lessons; next steps").
    if (d.outline && !sessionOnly && !a.intents.has('outline') && !a.intents.has('about')) score -= OUTLINE_PENALTY;
    // "And X?" wants something new, unless the last answer also holds all of X (and no unit is about X:
    // after a list, "and X?" asks about one of its items).
    if (opts.given?.has(d.doc.ref)) score -= allHeld(topical, i) ? 0 : GIVEN_PENALTY;
    // What it lacks of what is asked about: how many, and the first. A focus word the doc holds only inside a
    // name ("the *population* of X" and a "Population Data Agency") is not held.
    let missing = 0;
    let missed: Weighted | undefined;
    for (let k = 0; k < focus.length; k++) {
      const w = focus[k]!;
      if (startHere || ((w.held.get(i) ?? 0) >= HELD && !inNameOnly(pack, w.concept, d)) || (w.concept.context && opening.has(i))) continue;
      // (The session's own setting, a name its title gives, "why did *Ruritania* move to e-tendering?" of a
      // session on Ruritania's tendering: every unit speaks of it, named or not.)
      if (d.doc.kind === 'unit' && setting.has(w)) continue;
      missing++;
      missed ??= w;
    }
    // ("The *five steps* of X?" and "five levels" of X: the number says what is asked for.)
    if (missing === 1 && numberedList(a, q, missed!, topical, d)) missing = 0;
    // In the last answer's section, the topic is already set: "The convention was opened in ..." is about the
    // convention named in full before, so a follow-up's focus is held by holding part of it, or most of the
    // question ("when did the ministers resign over it?" and "the cabinet resigned over the scandal on ...").
    const inTopic = !!opts.near?.has(d.doc.section ?? '') && (missing < focus.length || coverage >= NEAR_COVERAGE);
    ranked.push({ d, coverage, score, strong, fits: fits(a, q, d, !missing || inTopic, focus.length > 0), focusLead, startsHere: startHere, phrase: 0 });
    // (When the verb is all the question seems to ask about, "when did X *bring out* Y?", the doc holds all the rest.)
    if (missing === 1 && (focus.length > 1 ? a.verbs.includes(missed!.concept) || asksWho(a, missed!, d) : verbOnly(a, missed!, topical, i))) nearly.push(ranked.at(-1)!);
  }
  // No doc holds everything asked about, but some hold all of it save the question's verb, which the deck may
  // say in other words ("when did X *join*?" and "X became a partner in 2021"): those may answer, if sure enough.
  if (nearly.length && !ranked.some((r) => r.strong && r.fits)) for (const r of nearly) r.fits = fits(a, q, r.d, true, true);
  if (opts.given && focus.length && ranked.some((r) => r.fits && r.focusLead && !opts.given!.has(r.d.doc.ref))) {
    for (const r of ranked) if (opts.given.has(r.d.doc.ref) && !r.focusLead) r.score -= ITEM_PENALTY;
  }
  const order = (x: Ranked, y: Ranked) => y.score - x.score || x.d.i - y.d.i;
  ranked.sort(order);
  // lunr's BM25 score (term frequency, field boosts, length) breaks near-ties between docs that could be
  // the answer; when none is that close to the best one, the query (the slowest step) is skipped.
  const contender = (r: Ranked) => r.strong && r.fits;
  const top = ranked.find(contender);
  if (top && ranked.some((r) => r !== top && contender(r) && top.score - r.score <= LUNR_WEIGHT)) {
    const scores = lunrScores(pack, weighted);
    let maxLunr = 1e-9;
    scores.forEach((s) => {
      if (s > maxLunr) maxLunr = s;
    });
    // Next steps are not in the lunr index: they take their indicator's score.
    const lunrOf = (ref: string) => scores.get(ref) ?? scores.get(ref.replace(/^n:/, 'i:')) ?? 0;
    for (const r of ranked) r.score += LUNR_WEIGHT * (lunrOf(r.d.doc.ref) / maxLunr);
    ranked.sort(order);
  }
  // Then a doc that says a run of the question's words as the question does comes before one that only holds
  // each word (after the near-tie step, which it would otherwise decide).
  // (Not where other rules have already said what the answer is about: where to begin, which holds the
  // subject without saying it; a follow-up read in the last answer's section; a doc about another year.)
  const phrases = fromScratch || opts.near ? [] : questionPhrases(a);
  if (phrases.length) {
    let moved = false;
    for (const r of ranked) {
      if (a.years.some((y) => !namesYear(r.d, y))) continue;
      r.phrase = phraseBonus(phrases, r.d);
      r.score += r.phrase;
      if (r.phrase) moved = true;
    }
    if (moved) ranked.sort(order);
  }
  if (q.byYear) pickByYear(ranked, weighted, a, q.byYear, order);
  return ranked;
}

/** Runs of two to five of the question's words that open and close on a word that is not a stop word, with how many things the question is about they name. */
function questionPhrases(a: Analysis): Phrase[] {
  const ws = a.words;
  // (What counts is what the question is about: not an everyday word, a verb or a word for the session; a term
  // of several words, which the doc holding it is credited for already, counts once; a word said twice, twice.)
  const topic = new Map<number, Concept | number>();
  for (const c of a.concepts) if (!c.generic && !c.verbal && !c.context) for (const p of c.positions) topic.set(p, c.words.length > 1 ? c : p);
  const out: Phrase[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (isStopWord(ws[i]!)) continue;
    const seen = new Set<Concept | number>();
    for (let j = i; j < ws.length && j < i + 5; j++) {
      const c = topic.get(j);
      if (c !== undefined) seen.add(c);
      if (j > i && !isStopWord(ws[j]!) && seen.size > 1) out.push({ text: ` ${ws.slice(i, j + 1).join(' ')} `, content: seen.size, first: ws[i]!, last: ws[j]! });
    }
  }
  return out;
}
/** A run of the question's words (spaced at both ends), how many things it names, and its first and last word. */
interface Phrase {
  text: string;
  content: number;
  first: string;
  last: string;
}
/** The doc says a run of the question's words as the question does ("a *list of lists*"), not only each word somewhere. */
function phraseBonus(phrases: readonly Phrase[], d: DocInfo): number {
  // (Its title too, with a bar between that no run crosses: every unit of a section says what its title says.)
  // (And its words as a set: a run whose first or last word the doc never says is not looked for in its text.)
  if (d.flat === undefined || d.flatWords === undefined) {
    const title = words(d.doc.title);
    const text = words(d.doc.text);
    d.flat = ` ${title.join(' ')} | ${text.join(' ')} `;
    d.flatWords = new Set([...title, ...text]);
  }
  let best = 0;
  for (const p of phrases) if (p.content > best && d.flatWords.has(p.first) && d.flatWords.has(p.last) && d.flat.includes(p.text)) best = p.content;
  return best > 1 ? Math.min(PHRASE_MOST, PHRASE_BONUS * (best - 1)) : 0;
}

/** The doc says the word that asks which year: "the latest edition", "*the first* census", "originally". */
function saysItself(d: DocInfo, word: string): boolean {
  if (!d.terms.has(term(word))) return false;
  return !wordSet('ordinal-number').has(word) || new RegExp(`\\b(?:the|its|their) (?:very )?${word}\\b`, 'i').test(d.doc.text);
}

/** How much less of the question than the best answer another may hold for the year it is about to decide between them. */
const BY_YEAR_MARGIN = 0.15;

/**
 * "Who leads in the latest ranking?": of the answers that hold nearly as much of the question as the best one
 * and all it holds of what is asked about (save the kind of answer: "which *country*"), each about its own year
 * ("In 2020 A, B and C ranked first", "In 2024 D ranked first"), the one about the latest year comes first (the
 * earliest, for "the very first ranking"). The best must be about a year itself (otherwise the question is about
 * something that does not change by year) and not say the asking word itself.
 */
function pickByYear(ranked: Ranked[], weighted: readonly Weighted[], a: Analysis, { which, word }: NonNullable<Asked['byYear']>, order: (x: Ranked, y: Ranked) => number): void {
  const top = ranked.find((r) => r.strong && r.fits);
  const yearOf = (r: Ranked) => {
    // (The years its first sentence names, which is what it is about: "In 2024 X ranked first; it was 57th in
    // 2022"; not its citation's, nor a year it looks ahead to. The earliest is negated, so that more is better.)
    if (r.d.future) return undefined;
    const years = (r.d.doc.text.split(/[.;](?:\s|$)/)[0]!.match(/\b(?:1[89]|20)\d\d\b/g) ?? []).map(Number);
    if (!years.length) return undefined;
    return which === 'latest' ? Math.max(...years) : -Math.min(...years);
  };
  // (A best answer that says it itself, "the first edition was...", is the one asked about; "ranked first" says
  // something else.)
  if (!top || top.d.doc.kind === 'meta' || saysItself(top.d, word)) return;
  // (A best answer that looks ahead, "plans to reach X by 2030", gives way to any that says how it was.)
  let best = top.d.future ? -Infinity : yearOf(top);
  if (best === undefined) return;
  const needed = weighted.filter((w) => a.focus.includes(w.concept) && w.concept !== a.typed && (w.held.get(top.d.i) ?? 0) >= HELD);
  let pick = top;
  for (const r of ranked) {
    if (r === top || !r.strong || !r.fits || r.d.doc.kind === 'meta' || r.coverage < top.coverage - BY_YEAR_MARGIN) continue;
    if (needed.some((w) => (w.held.get(r.d.i) ?? 0) < HELD)) continue;
    const y = yearOf(r);
    if (y !== undefined && y > best) [pick, best] = [r, y];
  }
  if (pick === top) return;
  pick.score = top.score + 1e-6;
  ranked.sort(order);
}
