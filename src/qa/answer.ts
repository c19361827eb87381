// Answers questions from a workshop's content: reads the question (and the conversation's last topic),
// ranks the pack's documents, and answers from the best one, hedges, or declines with suggestions.
import type { Content } from '../content/schema.js';
import { splitWords, words } from '../content/text.js';
import { analyze, IMPERSONAL, isPlural, newAnalysis, newConcept, type Analysis, type Concept, type Intent } from './analyze.js';
import { wordMap, wordSet } from './word-lists.js';
import { CALIBRATION } from './calibration.js';
import { isWhySo, readFollowup, type Followup } from './followup.js';
import { dropFillers } from './idioms.js';
import { NO_FIGURE } from './docs.js';
import { actorsIn } from './features.js';
import { clip, fitsTogether, formatDocs, MAX_ANSWER_CHARS, sentences, sourcesOf } from './format.js';
import { buildPack, contentStems, seriesItem, term, type DocInfo, type Pack } from './pack.js';
import { heldBy, rank, type Ranked } from './rank.js';
import type { SearchIndex } from './search-index.js';
import { createSuggester } from './suggest.js';
import type { Answer, Answerer, Topic } from './types.js';

export interface WorkshopAnswerer extends Answerer {
  /** For tests and tuning: the reading and the ranking behind an answer. */
  explain(question: string, previous?: Topic): { analysis: Analysis; ranked: Ranked[]; confidence: number };
}

/** A reading of the question to rank with: the question alone, or read with the last topic. */
interface Reading {
  question: string;
  analysis: Analysis;
  ranked: Ranked[];
  best?: Ranked;
  confidence: number;
}

/** Question kinds that name the kind of answer wanted: a follow-up that has one asks for that, not the last. */
const ANSWER_KINDS: Intent[] = ['who', 'when', 'date', 'where', 'howmany', 'why', 'how', 'contact'];
/** ...and the kinds a bare follow-up may ask for. */
const ASKED_KINDS: Intent[] = [...ANSWER_KINDS, 'duration', 'frequency', 'age'];

const round = (n: number) => Math.round(n * 100) / 100;
/** A pronoun for one person: "what's *her* job?", "where does *he* work?" (and every one of them, to replace). */
const PERSONAL = /\b(?:he|she|him|his|her|hers)\b/i;
const PERSONAL_ALL = new RegExp(PERSONAL.source, 'gi');
/** Every thing the question names is several ("which *companies* were involved?"): there is nothing for "it" to stand for. */
const onlyPlurals = (a: Analysis, pack: Pack) => {
  const named = a.concepts.filter((c) => !c.generic && !c.verbal && !c.context);
  // (A plural is no word of its own: "companies", not "census" or "series".)
  return named.length > 0 && named.every((c) => !pack.english.isLemma(c.words.at(-1)!) && isPlural(pack, c.words.at(-1)!));
};
/** The question points back with "it" or "its", and not also with "they" or "them". */
const saysIt = (ws: readonly string[]) => ws.some((w) => w === 'it' || w === 'its') && !ws.some((w) => w === 'they' || w === 'them' || w === 'their');
/** Words for the post a person holds. */
const POST = /\b(?:job titles?|jobs?|position|post|title)\b/gi;
/** A message that asks something: a question word first, or a question mark last. */
const ASKS = /^\W*(?:(?:and|so|but|ok|okay)\s+)?(?:what|which|who|whom|whose|when|where|why|how)\b|\?\s*$/i;
/** "The last one", "the middle one": a place in the list the last answer gave. */
const PLACE = /\bthe (last|final|middle|first|second|third|fourth|fifth|sixth) (one|item|stage|step|level|part)\b(?! of\b)/i;
/** ...of which only "the second one", "the last item" stand for an item by name ("the first step" is a step). */
const ITEM_NOUN = /^(one|item)$/i;
/** Which of `n` items "the second", "the last" or "the middle" one is (1-based; 0 when none is: the middle of four). */
function placeOf(said: string, n: number): number {
  const w = said.toLowerCase();
  if (w === 'middle') return n % 2 ? (n + 1) / 2 : 0;
  return w === 'last' || w === 'final' ? n : [...wordSet('ordinal-number')].indexOf(w) + 1;
}
/** The words an item of a list may have, and the characters it needs to be asked about by name. */
const MAX_ITEM_WORDS = 5;
const MIN_ITEM_CHARS = 4;
/** The words that introduce a numbered list ("A warning goes through four stages:") come with one of its items up to this length. */
const MAX_INTRO_CHARS = 160;
/**
 * A list given after a colon, counted by its number of two or more (in digits or in the lexicon's number words;
 * "one of divides:" is no count) or named by a plural: "three levels of data: A, B and C", "the divides: ...".
 * Built on first use.
 */
let listed: RegExp | undefined;
const LISTED = () => (listed ??= new RegExp(String.raw`(?:\b(${[...wordMap('number-word')].filter(([, n]) => Number(n) >= 2).map(([w]) => w).join('|')}|[2-9]|1\d|20)\s+(?:[\w-]+\s+){0,5}?[\w-]+|[\w-]+s):\s*([^.;:]+)`, 'i'));
const EARLIER = 'Earlier in this part: ';
/** Of the question a unit of a readiness item's own sections must hold to continue after the item. */
const LINKED_COVERAGE = 0.4;
/** The words before an answer the bot is not sure of: of one unit, and of two. */
const HEDGE_ONE = "I'm not certain, but this looks closest: ";
const HEDGE_TWO = "I'm not certain, but these two look closest: ";
/** Between a sure answer and a close second that may be what was meant instead ("did you mean"). */
const OR_PERHAPS = ' Or perhaps: ';
/** The room two units must leave for the words before them: none when sure, else the hedge (`whole`: always). */
const leadRoom = (r: { confidence: number }, whole = false) => (!whole && r.confidence >= CALIBRATION.sure ? '' : HEDGE_TWO);
const NOTHING_MORE = "That's all the workshop material says about that: ask me about another topic of the workshop.";
const NOTHING_BEFORE = "I'm not sure what to say more about: ask me about a topic of the workshop.";
const NO_ANSWER_YET = "I'm not sure which answer you mean: ask me about a topic of the workshop.";
/** A declined answer's score: how close it came, never at or above the score that answers. */
const declinedScore = (r: { confidence: number }) => Math.max(0, Math.min(round(r.confidence), round(CALIBRATION.answer - 0.01)));

/** The question's topic words (not everyday or session words) the doc holds in no form. */
function unheldTopics(pack: Pack, a: Analysis, d: DocInfo): number {
  // (A name the unit's section is about is held by all its units: heldBy.)
  const holds = (c: Concept) => c.alternatives.some((alt) => alt.stems.every((t) => d.terms.has(t))) || (c.specific && heldBy(pack, c).has(d.i));
  const unheld = a.concepts.filter((c) => !c.generic && !c.context && !c.implied && !c.adverb && !holds(c));
  // A word the pack never uses that names what is asked ("the *director* of X") counts twice.
  // So does a name or term of several words that the doc lacks ("South Asia" and a figure for East Asia).
  // A verb counts half: what was done is the word a pack most often says otherwise ("filled in", "returned").
  // What is asked about counts twice against a fact of the session ("what languages are spoken in <the country
  // where it is held>?"): such a fact says only where, when or who.
  const twice = (c: Concept) => c.foreign || (c.specific && c.words.length > 1) || (d.doc.kind === 'meta' && a.focus.includes(c) && !c.specific && !c.place && !c.verbal);
  // A "why" question tells the event in the asker's words ("why did they *pull* the data *instead of asking*?");
  // a unit that gives the reason tells it in its own, so what it lacks counts half.
  const retold = a.intents.has('why') && d.features.has('reason') ? 0.5 : a.intents.has('yesno') && a.intents.size === 1 ? 0.6 : 1;
  // The kind of answer asked for ("what *threats* does it warn of?") is named by the answer, not repeated: half.
  return retold * unheld.reduce((n, c) => n + (twice(c) ? 2 : c.verbal || c === a.typed ? 0.5 : 1), 0);
}
const sameWords = (a: Concept, b: Concept) => a.words.join(' ') === b.words.join(' ');
/** What a pronoun stands for: the thing the last question asked about (its names, places and focus), not what it said of it. */
function referent(before: Analysis): Concept[] {
  const things = before.concepts.filter((c) => c.specific || c.place || before.focus.includes(c));
  return things.length ? things : before.concepts;
}
/**
 * What a pronoun stands for when the follow-up asks something new of it ("who set *it* up?" after "who
 * funds the PWA?"): the last question's names and what it said of them, else what it asked about.
 */
function named(before: Analysis): Concept[] {
  // Not what was asked of them ("donors", unless a name itself), nor what was done ("linked up", "*first* printed").
  const names = before.concepts.filter((c) => !c.verbal && !c.adverb && (c.specific || c.place || !before.focus.includes(c)));
  return names.some((c) => c.specific || c.place) ? names : referent(before);
}
/** "The year before", "the previous year", "a year later" (after "and", "what about"): a year counted from the one the last answer is about. */
const RELATIVE_YEAR = /^(?:(?:in|for) )?(?:the )?(?:year (?:before|after|earlier|later|prior)|(?:previous|prior|next|following) year|a year (?:before|after|earlier|later))$/i;
/** Share of a unit's words (every word, "not" and "only" too) another's text must hold for it to add nothing. */
const REPEATED_SHARE = 0.9;
/** Words that turn a sentence round: a unit with one says something else than a unit without it. */
const TURNING = new Set(['not', 'no', 'never', 'nor', 'without', 'only', 'except']);
/** Every word of a unit's text, read once per unit. */
const unitWords = new WeakMap<DocInfo, ReadonlySet<string>>();
function wordsOf(d: DocInfo): ReadonlySet<string> {
  let set = unitWords.get(d);
  if (!set) unitWords.set(d, (set = new Set(words(d.doc.text, Infinity))));
  return set;
}
/**
 * Unit `d` says again what `other` says: nearly all its words are in the other's text ("22 councils, or about a
 * third..." inside a summary), every figure it gives is there, and no "not" or "only" of its own is missing.
 */
function repeats(d: DocInfo, other: DocInfo): boolean {
  const own = wordsOf(d);
  const theirs = wordsOf(other);
  let held = 0;
  for (const w of own) if (theirs.has(w)) held++;
  for (const w of own) if (TURNING.has(w) && !theirs.has(w)) return false;
  return own.size > 0 && held >= REPEATED_SHARE * own.size && [...d.numbers].every((n) => other.numbers.has(n));
}
/** "tier1" and "tier3", "groupa" and "groupd": one of a series, named by the same word. */
const sameSeries = (a: Concept, b: Concept) => {
  const series = (c: Concept) => seriesItem(c.words)?.series;
  return series(a) !== undefined && series(a) === series(b);
};

/** A clause of a unit (see clauseFor), with what scoring it needs: its stems, and whether it has a year or a figure. */
interface Clause {
  text: string;
  stems: ReadonlySet<string>;
  dated: boolean;
  measured: boolean;
}
/** A unit's clauses, cut and read once per unit: they depend only on its text. */
const unitClauses = new WeakMap<DocInfo, Clause[]>();
function clausesOf(d: DocInfo): Clause[] {
  let clauses = unitClauses.get(d);
  if (!clauses) {
    // A sentence, or its opening clauses up to a semicolon: never a clause without the start of its sentence.
    const texts = sentences(d.doc.text).flatMap((sentence) => {
      // (Not a list after a colon: "eight areas: biometrics; ..." cut after its first item would say it has one.)
      const colon = sentence.indexOf(':');
      const parts = colon >= 0 && colon < sentence.indexOf(';') ? [sentence] : sentence.split(/;\s+/);
      return parts.map((_, k) => parts.slice(0, k + 1).join('; ').replace(/[.;]?$/, '.'));
    });
    // (A unit of one clause is never cut: its clause needs no reading.)
    clauses = texts.length < 2 ? [] : texts.map((text) => ({ text, stems: new Set(contentStems(text)), dated: /\b(1[89]|20)\d\d\b/.test(text), measured: /\d/.test(text) }));
    unitClauses.set(d, clauses);
  }
  return clauses;
}
/** The stems of a unit's whole text, read once per unit. */
const unitTextStems = new WeakMap<DocInfo, ReadonlySet<string>>();
function textStemsOf(d: DocInfo): ReadonlySet<string> {
  let stems = unitTextStems.get(d);
  if (!stems) unitTextStems.set(d, (stems = new Set(contentStems(d.doc.text))));
  return stems;
}

/**
 * The clause of a unit that speaks to one side of a comparison: the most of the side's words, then a date
 * (for "which came first?") or a figure (for "which is bigger?"); of two as good, the shorter. Ends with a full stop.
 * Undefined when the unit is one clause.
 */
function bestClause(d: DocInfo, side: Concept[], dated: boolean, measured: boolean): Clause | undefined {
  const clauses = clausesOf(d);
  if (clauses.length < 2) return undefined;
  let best = clauses[0]!;
  let bestScore = -1;
  for (const clause of clauses) {
    let score = 0;
    for (const c of side) if (c.alternatives.some((alt) => alt.stems.every((t) => clause.stems.has(t)))) score++;
    if (dated && clause.dated) score += 0.5;
    if (measured && clause.measured) score += 0.5;
    if (score > bestScore) [best, bestScore] = [clause, score];
  }
  return best;
}
/** The unit cut to its clause that speaks to one side of a comparison (bestClause), or the unit itself. */
function clauseFor(d: DocInfo, side: Concept[], dated: boolean, measured: boolean): DocInfo {
  const best = bestClause(d, side, dated, measured);
  return best ? { ...d, doc: { ...d.doc, text: best.text } } : d;
}

export function createAnswerer(content: Content, index: SearchIndex): WorkshopAnswerer {
  const pack = buildPack(content, index);
  // Whether each suggestion is answered, worked out once when first offered. (Marked "no" while it is asked, so
  // a suggestion that declines does not look at the suggestions again.)
  const answered = new Map<string, boolean>();
  const suggester = createSuggester(content, (q) => {
    let ok = answered.get(q);
    if (ok === undefined) {
      answered.set(q, false);
      ok = answerRead(q).answered;
      answered.set(q, ok);
    }
    return ok;
  });

  function read(question: string, analysis: Analysis, context?: Concept[], near?: ReadonlySet<string>, given?: ReadonlySet<string>, exclude?: ReadonlySet<string>): Reading {
    const all = rank(pack, analysis, { context, near, given });
    const ranked = exclude ? all.filter((r) => !exclude.has(r.d.doc.ref)) : all;
    // The best doc that rests on something specific; a weaker-ranked doc is never promoted past it.
    const best = analysis.outside.length ? undefined : ranked.find((r) => r.strong && r.fits);
    // Two or more words the question is about that the best doc leaves out: most likely it asks about
    // something else ("Ruritania's 2020 score" answered by a regional average). One may be a paraphrase.
    // How sure: of the best before runs of the question's own words reordered the answers ("a *list of
    // lists*"), for those pick between answers, they make none surer.
    let first = best;
    if (best) for (const r of ranked) if (r.strong && r.fits && r.score - r.phrase > first!.score - first!.phrase) first = r;
    const missing = first && !first.startsHere ? unheldTopics(pack, analysis, first.d) : 0;
    const confidence = (first ? first.score - first.phrase : 0) - CALIBRATION.missingWords * Math.max(0, missing - 1);
    return { question, analysis, ranked, best, confidence };
  }

  /** How a question leans on the last answer, read without its fillers ("...if we want to copy *this*?" does not). */
  const leansOn = (question: string): Followup | undefined => readFollowup(dropFillers(question, pack.ownIdioms));

  /** The readings of a question in a conversation: alone, and (for a follow-up, `follow`: leansOn) with the last topic. */
  function readings(asked: string, previous: Topic | undefined, follow: Followup | undefined): Reading[] {
    // "Why so late?" after an answer: why what it said holds; "late" judges it, and names no topic of its own unless
    // the pack says it in some form ("the delay came from...").
    const whySo = previous && isWhySo(asked) ? analyze(pack, asked) : undefined;
    const question = whySo?.concepts.every((c) => c.unknown || c.generic) ? 'why?' : asked;
    let alone = read(question, question === asked && whySo ? whySo : analyze(pack, question));
    if (!previous || !follow || follow.kind === 'more' || follow.kind === 'source') return [alone];
    const before = analyze(pack, previous.question);
    const near = new Set(previous.refs.map((r) => pack.byRef.get(r)?.doc.section).filter((s): s is string => s !== undefined));
    // "Is that a lot?" after a figure: the last question again, answered by another unit, one that puts the
    // figure beside others ("91 countries, almost half of those surveyed"); else by the same one, which gives
    // the figure out of how many ("80 of the 198").
    const [be, pointer, article, judged] = alone.analysis.words.filter((w) => !/^(and|but|so|ok|okay|hmm)$/.test(w));
    if (/^(is|was|are|were)$/.test(be ?? '') && wordSet('demonstrative').has(pointer ?? '') && (wordSet('judgement').has(article ?? '') || (article === 'a' && wordSet('judgement').has(judged ?? '')))) {
      return [read(previous.question, before, undefined, near, undefined, new Set(previous.refs)), read(previous.question, before, undefined, near)];
    }
    // "What's *her* job?" after an answer that names one person: the question asked of that person by name.
    const person = PERSONAL.test(question) ? personNamed(previous) : undefined;
    if (person) {
      // ("Her *job title*", "his *position*": the post they hold, which a pack calls their role.)
      const named = question.replace(PERSONAL_ALL, (w) => (/^(his|her|hers)$/i.test(w) ? `${person}'s` : person)).replace(POST, 'role');
      // (Something new of them: not the answer that named them again.)
      // (The topic stays the last question's: "it" in "where is it held?" after "what's her job?" is not her.)
      const reading = { ...read(named, analyze(pack, named), undefined, near, new Set(previous.refs)), question: previous.question };
      // (An answer alone that never names them is about someone or something else: "his job" is not the jobs
      // a programme cut, however sure that reading is.)
      const aboutThem = !alone.best || wordsOf(alone.best.d).has(person.split(' ').at(-1)!);
      const onlyThem = reading.confidence >= CALIBRATION.answer && !aboutThem;
      return onlyThem || reading.confidence >= alone.confidence - CALIBRATION.followupTie ? [reading, alone] : [alone, reading];
    }
    // ("And how many people use *it*?": a question of its own about the last topic, read as any that points back.)
    if (follow.kind === 'instead' && !follow.pointing) {
      const rest = analyze(pack, yearNamed(follow.rest, before, previous) ?? follow.rest);
      const topical = rest.concepts.filter((c) => !c.generic && !c.context);
      const question = `${previous.question} (${follow.rest})`;
      if (!topical.length || rest.years.length) {
        // "and in 2020?", "and in the 2020 edition?": the same question about another year.
        // ("what about plan C in 2022?" after plan A: plan C replaces plan A.)
        const replaced = before.concepts.filter((b) => !topical.some((t) => sameSeries(t, b)));
        // "and on what date?": this question's kind of answer, the last one's topic.
        const asks = [...rest.intents].some((i) => ANSWER_KINDS.includes(i));
        const merged = newAnalysis({
          ...before,
          intents: asks ? rest.intents : before.intents,
          procedure: asks ? rest.procedure : before.procedure,
          concepts: [...replaced, ...topical.filter((c) => !replaced.some((b) => sameWords(b, c)))],
          focus: before.focus.filter((f) => replaced.includes(f)),
          numbers: [...before.numbers.filter((n) => !before.years.includes(n)), ...rest.numbers],
          years: rest.years.length ? rest.years : before.years,
        });
        // ("And in 2023?" alone names nothing but a year: any unit that says 2023 would do, so it is no reading.)
        // (Unless what it finds is in the part of the deck the last answer came from.)
        const named = topical.some((c) => !/^\d+$/.test(c.words.join(''))) || near.has(alone.best?.d.doc.section ?? '');
        return named ? [read(question, merged, undefined, near), alone] : [read(question, merged, undefined, near)];
      }
      // "what about X?": the same question about X. The last question's other words are context, but not
      // what X replaces ("tier 1" for "tier 3": the same name with another number or letter).
      // What was counted and the year carry over too: "how many towns in tier 1 in 2021?" -> "and tier 3?".
      // "and where is it held?" after "who's presenting?": a kind of answer of its own replaces the last one.
      const ownKind = [...rest.intents].some((i) => ANSWER_KINDS.includes(i));
      const intents = ownKind ? rest.intents : rest.intents.size && !rest.bare ? new Set([...before.intents, ...rest.intents]) : before.intents;
      const merged = newAnalysis({ ...rest, intents, years: before.years, counted: rest.counted ?? before.counted });
      // "what is the value divide?" -> "and the innovation divide?": the same thing asked of another one of its
      // kind; nothing of the last question carries over.
      const sameHead = rest.focus.some((f) => before.focus.some((b) => sameWords(f, b)));
      // A name asked about in place of the last one ("what does ABC measure?" -> "what about XYZ?") replaces it.
      const renamed = (c: Concept) => c.specific && before.focus.includes(c) && topical.some((t) => t.specific);
      const context = sameHead ? [] : before.concepts.filter((c) => !topical.some((t) => sameSeries(t, c) || sameWords(t, c)) && !renamed(c) && !/^\d+$/.test(c.words.join('')));
      return [read(question, merged, context, near, new Set(previous.refs)), alone];
    }
    // (Its words that may point back: not "they" in "what do *they* mean by X?", nor "you" in "what do *you* call X?",
    // no one in particular.)
    const mayPoint = splitWords(alone.analysis.words.join(' ').replace(IMPERSONAL, ''));
    // "When did *it* launch?" read alone is about nothing: an answer that holds none of what "it" stands for
    // lacks what the question is about, as one lacking a word of it would.
    // (Not "X: when did it launch?": there "it" stands for a thing the question itself named before it.)
    const pronoun = alone.analysis.words.findIndex((w) => wordSet('anaphor').has(w) && mayPoint.includes(w));
    const namedFirst = alone.analysis.concepts.some((c) => !c.generic && !c.context && !c.verbal && (c.positions[0] ?? Infinity) < pronoun);
    // (Nor "how often do they visit Port Ellis?" answered about Port Ellis: a name of its own anchors it.)
    // (A name: a term, a place, or a word the pack only ever writes in capitals.)
    const name = (c: Concept) => c.specific || c.place || (c.words.length === 1 && !c.verbal && pack.vocab.has(c.words[0]!) && !pack.plainWords.has(c.words[0]!));
    const anchored = (d: DocInfo) => alone.analysis.concepts.some((c) => name(c) && heldBy(pack, c).has(d.i));
    // (Nor "where is it held?" answered by a fact of the title slide: there "it" is the session; "when do *they*
    // happen?" is not about the session, which is no "they".)
    const theSession = alone.best?.d.doc.kind === 'meta' && !/^(they|them)$/.test(alone.analysis.words[pronoun] ?? '');
    if (alone.best && pronoun >= 0 && !namedFirst && !anchored(alone.best.d) && !theSession && !near.has(alone.best.d.doc.section ?? '') && !referent(before).some((c) => heldBy(pack, c).has(alone.best!.d.i))) {
      alone = { ...alone, confidence: alone.confidence - CALIBRATION.missingWords };
    }
    // Words of its own that carry a topic: not verbs ("launched"), positions ("second") or everyday words.
    const own = alone.analysis.concepts.filter((c) => !c.generic && !c.unknown && !c.verbal && !c.attribute && !wordSet('ordinal').has(c.words.join(' ')));
    // "Will it rain tomorrow?": two words or more the pack never uses are a new topic, whatever "it" stands for.
    const strange = alone.analysis.concepts.filter((c) => c.unknown && !c.generic).length;
    if (!own.length && strange >= 2) return [alone];
    // "Who paid for *it*?" after "which companies were involved?": "it" is one thing, and the last question named
    // only several; read alone, when that can answer. ("When was *it* published?" after "how many cases did its
    // report look at?" is the report.)
    if (!own.length && alone.confidence >= CALIBRATION.answer && saysIt(alone.analysis.words) && onlyPlurals(before, pack)) return [alone];
    if (!own.length) {
      // "why does it matter?", "by when?": nothing of its own, so the last question's topic asked anew.
      // Its own unknown words and names still count ("will *it* rain in Ulaanbaatar?" is not about the last topic),
      // and so do its verbs, which say what it asks of the topic ("when was it *launched*?").
      // "who developed it?" after "is X mandatory?": a verb and a kind of answer of its own ask something new
      // of the same thing, so what was said of it ("mandatory") stays behind.
      const ownVerb = alone.analysis.concepts.some((c) => c.verbal) && [...alone.analysis.intents].some((i) => ANSWER_KINDS.includes(i));
      // "What are *its* pillars?": a property of the last topic, which is what it now asks about.
      const property = alone.analysis.concepts.filter((c) => c.attribute && !c.generic && !c.unknown && !c.context);
      // "how often?" after "when was it first printed?", "how often does it come out?" after "how many countries
      // does X cover?": a kind of answer the last question did not ask for, asked of the same thing. What the last
      // one counted, and its verbs, were its own way of asking and stay behind.
      const kinds = [...alone.analysis.intents].filter((i) => ASKED_KINDS.includes(i));
      // ("Why did they do so well?" asks why what the last answer said holds: all of it, not only its names.)
      const newKind = kinds.length > 0 && !kinds.some((i) => before.intents.has(i)) && !(kinds.length === 1 && kinds[0] === 'why');
      const names = ownVerb || newKind || property.length ? named(before) : undefined;
      const counted = newKind && !alone.analysis.intents.has('howmany') ? before.counted : undefined;
      const others = (list: Concept[]) => list.filter((c) => c !== counted);
      const base = others(names ?? before.concepts);
      const kept = base.length ? base : others(before.concepts);
      const focus = others(before.focus);
      const merged = newAnalysis({
        ...before,
        // ("When did *the first one* come out?": its place among them picks one, so it stays.)
        concepts: [...kept, ...alone.analysis.concepts.filter((c) => c.unknown || c.verbal || property.includes(c) || (!c.generic && wordSet('ordinal').has(c.words.join(' '))))],
        focus: property.length ? property : focus.length || !counted ? focus : kept.filter((c) => !c.generic && !c.context),
        outside: alone.analysis.outside,
        intents: new Set([...alone.analysis.intents, ...(alone.analysis.intents.size ? [] : before.intents)]),
        procedure: alone.analysis.intents.size ? alone.analysis.procedure : before.procedure,
        years: alone.analysis.years.length ? alone.analysis.years : before.years,
        // ("And how many of those submitted their data?": the same things counted as before.)
        // (Written here, not assigned after: V8 reads a field never yet reassigned as a constant, and reassigning it
        // later threw away the optimised rank.)
        counted: alone.analysis.intents.size ? (alone.analysis.counted ?? (alone.analysis.intents.has('howmany') ? before.counted : undefined)) : before.counted,
      });
      if (names && property.length) {
        // The property decides; what it is a property of helps, as context.
        const asked = newAnalysis({ ...merged, concepts: alone.analysis.concepts.filter((c) => c.unknown || c.verbal || property.includes(c)) });
        return [read(`${previous.question} ${question}`, asked, names, near), alone];
      }
      if (/\bwhich ones?\b/i.test(question)) {
        // "Which one is new?" after a list: one of its items, said of it in the question's own everyday words
        // ("new"), and something other than the list just given.
        const said = alone.analysis.concepts.filter((c) => c.generic && !c.context && !/^ones?$/.test(c.words.join(' ')));
        const picked = newAnalysis({ ...merged, concepts: [...merged.concepts, ...said.map((c) => newConcept({ ...c, generic: false }))] });
        return [read(`${previous.question} ${question}`, picked, undefined, near, new Set(previous.refs)), alone];
      }
      return [read(`${previous.question} ${question}`, merged, undefined, near), alone];
    }
    // "how much money did *they* put in?", "who runs *it*?": a word or two of its own about the last topic,
    // which the pronoun stands for: the thing the last question asked about counts in full, beside its own words.
    // ("Is *that* above the average?", "was *it* up on the year before?": a yes/no question whose subject points back.)
    // (Not "is *this workshop* recorded?": there "this" opens a noun phrase of its own.)
    const [, subject, after] = alone.analysis.words;
    const pointsBack = alone.analysis.intents.has('yesno') && wordSet('demonstrative').has(subject ?? '') && !alone.analysis.concepts.some((c) => c.words[0] === after && !c.generic);
    if (own.length <= 2 && (pointsBack || mayPoint.some((w) => wordSet('anaphor').has(w)))) {
      const merged = newAnalysis({
        ...alone.analysis,
        // ("Is *that* above the average?": "that" is what the last answer said, all of what it was asked about.)
        concepts: [...(pointsBack ? before.concepts : referent(before)).filter((b) => !alone.analysis.concepts.some((c) => sameWords(b, c))), ...alone.analysis.concepts],
        intents: alone.analysis.intents.size ? alone.analysis.intents : before.intents,
        years: alone.analysis.years.length ? alone.analysis.years : before.years,
      });
      // The pronoun points back: read with the last topic whenever that reading is sure enough to answer.
      const reading = read(`${previous.question} ${question}`, merged, undefined, near);
      // (Unless alone it is far surer: "how did *they* get consent from the mothers?" names its own topic, which the
      // last one, about something else, only blurs.)
      const sure = reading.confidence >= Math.min(CALIBRATION.answer, alone.confidence - CALIBRATION.followupTie) && reading.confidence >= alone.confidence - CALIBRATION.followupFar;
      return sure ? [reading, alone] : [alone, reading];
    }
    // "Which session of the workshop is this one?": nothing but words for the session, which it asks about
    // itself; "this one" is the session, not the last topic.
    if (alone.analysis.concepts.every((c) => c.context || c.generic) && alone.confidence >= CALIBRATION.answer && !vague(alone)) return [alone];
    // "why do they need X?": a topic of its own, read both ways; the last topic wins a near tie.
    // (One that points back at nothing, "what do they mean by X?", asks for something new: the answer just given
    // comes after one about X itself. "When did *that* directive start?" may be answered by it again.)
    const again = mayPoint.some((w) => wordSet('anaphor').has(w) || wordSet('demonstrative').has(w));
    const merged = read(`${previous.question} ${question}`, newAnalysis(alone.analysis), before.concepts, near, again ? undefined : new Set(previous.refs));
    return merged.confidence >= alone.confidence - CALIBRATION.followupTie ? [merged, alone] : [alone, merged];
  }

  /**
   * "And the year before?": the year the last question named, or else the latest its answer gives, and one before
   * or after it, as "in 2023" (undefined when the words name no year that way, or there is none to count from).
   */
  function yearNamed(rest: string, before: Analysis, previous: Topic): string | undefined {
    const m = RELATIVE_YEAR.exec(rest.trim());
    if (!m) return undefined;
    const given = previous.refs.flatMap((r) => [...(pack.byRef.get(r)?.years ?? [])]);
    const years = (before.years.length ? before.years : given).map(Number);
    if (!years.length) return undefined;
    const step = /before|earlier|prior|previous/i.test(m[0]) ? -1 : 1;
    return `in ${Math.max(...years) + step}`;
  }

  /** The one person the last answer names (not an organisation), as written: whom "she" or "his" stands for. */
  function personNamed(previous: Topic): string | undefined {
    const doc = pack.byRef.get(previous.refs[0] ?? '')?.doc;
    // (A person's name: after the first name, words English does not have, "Ana Lopez", not "Marendell Water";
    // or one such and words the pack never writes in lower case, "Lind" in "Ana Ferreira-Lind".)
    const person = (ws: string[]) => ws.length >= 2 && ws.slice(1).some((w) => !pack.english.has(w)) && ws.slice(1).every((w) => !pack.english.has(w) || !pack.plainWords.has(w));
    const people = doc ? actorsIn(doc.text, pack.places).filter((a) => !a.org && person(a.words)) : [];
    return people.length === 1 ? people[0]!.words.join(' ') : undefined;
  }

  /** A bare word many documents are about equally: no one answer is the one meant. */
  function vague(r: Reading): boolean {
    if (!r.analysis.bare || r.analysis.concepts.length !== 1) return false;
    const c = r.analysis.concepts[0]!;
    if (c.specific) return false;
    const held = pack.postings.get(c.alternatives[0]!.stems[0]!)?.length ?? 0;
    return held > Math.max(4, pack.docs.length * 0.1);
  }

  /** "How many *countries* have X?": asks for the indicators' own kind of figure (their population). */
  function countsPopulation(a: Analysis): boolean {
    if (!a.intents.has('howmany')) return false;
    const label = content.indicatorSet.population?.label;
    if (!a.counted || !label) return true;
    const stems = new Set(contentStems(label));
    return a.counted.alternatives.some((alt) => alt.stems.every((t) => stems.has(t)));
  }

  function decline(question: string, r?: Reading): Answer {
    return {
      question,
      answered: false,
      text:
        // ("How long can it last?", "which lines?" ask something, though every word of them is a way of asking.)
        r && (r.analysis.concepts.length || r.analysis.intents.size || ASKS.test(question))
          ? `Sorry, I can't find that in the workshop material ("${content.meta.title}"), so I'd rather not guess.`
          : `Sorry, I didn't catch a question there. I can answer questions about the workshop "${content.meta.title}".`,
      sources: [],
      score: 0,
      suggestions: suggester.suggest((r?.ranked ?? []).map((x) => x.d.doc), question),
    };
  }

  /** The next unit of the section the last answer came from ("tell me more"). */
  function more(question: string, previous: Topic): Answer {
    const given = previous.refs.map((r) => pack.byRef.get(r)).filter((d): d is DocInfo => d !== undefined);
    const pos = (u: DocInfo) => u.doc.position ?? 0;
    const answered = given.find((d) => d.doc.section !== undefined)?.doc.section;
    // After a definition from the glossary or a readiness item, which belong to no section: from the unit of the
    // deck that says most about the same thing ("what is a register?", "tell me more").
    const start = answered === undefined ? aboutTheSame(previous, given) : undefined;
    const section = answered ?? start?.doc.section;
    const units = section ? (pack.sectionUnits.get(section) ?? []) : [];
    // (From the first unit given: an answer of two units apart, "step 1" and "step 4", goes on with steps 2 and 3.)
    const from = start ? pos(start) - 1 : Math.min(...given.filter((d) => d.doc.section === section).map(pos));
    // The section's units after the first one given, then those before it that the conversation has not shown
    // (an answer may start in the middle of its section).
    const shown = new Set(previous.shown ?? previous.refs);
    const unseen = (u: DocInfo) => !shown.has(u.doc.ref);
    const next = [...units.filter((u) => pos(u) > from && unseen(u)), ...units.filter((u) => pos(u) < from && unseen(u))];
    if (!next.length) {
      const title = answered ? content.sections.find((s) => s.id === answered)?.title : undefined;
      return {
        ...decline(question),
        text: title ? `That's all the workshop material says about "${title}".` : given.length ? NOTHING_MORE : NOTHING_BEFORE,
        topic: previous,
      };
    }
    const docs = [next[0]!.doc];
    // Going back to what came before the answer in its section: said, so it does not read as a jump.
    const lead = pos(next[0]!) < from ? EARLIER : '';
    // (The one after it joins when it follows it in the section and both fit.)
    if (next[1] && pos(next[1]) === pos(next[0]!) + 1 && fitsTogether([...docs, next[1].doc], lead)) docs.push(next[1].doc);
    const { text, sources } = formatDocs(docs, lead);
    const refs = docs.map((d) => d.ref);
    return { question, answered: true, text, sources, score: 1, suggestions: [], topic: { question: previous.question, refs, shown: [...shown, ...refs] } };
  }

  /** The unit that best answers the last question again, once its glossary entry or readiness item is set aside. */
  function aboutTheSame(previous: Topic, given: DocInfo[]): DocInfo | undefined {
    if (!given.length || !given.every((d) => d.doc.kind === 'glossary' || d.doc.kind === 'indicator')) return undefined;
    // (A readiness item names the deck's sections about it: their units come first.)
    const linked = new Set(given.flatMap((d) => (d.doc.kind === 'indicator' ? (content.indicators.find((i) => i.id === d.doc.source.id)?.sections ?? []) : [])));
    const again = read(previous.question, analyze(pack, previous.question), undefined, linked.size ? linked : undefined, undefined, new Set(previous.refs));
    const sure = again.ranked.find((r) => r.strong && r.fits && r.d.doc.kind === 'unit');
    // As sure as an answer to the question must be, and the first doc that may answer it: not a unit that only
    // comes close below a doc of another kind. (After a readiness item, else the unit of its own sections that
    // holds most of the question: "contactless payment" and "the Tidecard is our contactless smartcard".)
    const first =
      sure && again.confidence >= CALIBRATION.answer && again.ranked.find((r) => r.strong && r.fits) === sure
        ? sure
        : again.ranked.find((r) => r.d.doc.kind === 'unit' && linked.has(r.d.doc.section ?? '') && r.coverage >= LINKED_COVERAGE);
    if (!first) return undefined;
    // Of the units about as good, the one that says most of what the definition said: "OBWR" is named by many
    // units, spelled out by one ("the Orrin Basin Water Regulator (OBWR) oversees...").
    const shared = (d: DocInfo) => given.reduce((n, g) => n + [...g.terms].filter((t) => d.terms.has(t)).length, 0);
    const close = again.ranked.filter((r) => (r === first || (r.strong && r.fits)) && r.d.doc.kind === 'unit' && first.score - r.score <= CALIBRATION.followupTie);
    return close.reduce((a, b) => (shared(b.d) > shared(a.d) ? b : a), first).d;
  }

  /** "Source?", "who said that?": where the last answer's units come from, and whose talk it is. */
  function sourceOf(question: string, previous: Topic): Answer {
    const docs = previous.refs.map((r) => pack.byRef.get(r)?.doc).filter((d): d is NonNullable<typeof d> => d !== undefined);
    if (!docs.length) return { ...decline(question), text: NO_ANSWER_YET, topic: previous };
    const { meta } = content;
    const from = [...new Set(docs.map((d) => d.source.title))].join('; ');
    const talk = `"${meta.title}"${meta.presenter ? `, presented by ${meta.presenter}` : ''}`;
    const text = clip(`That comes from the workshop material, ${talk}: ${from}.`, MAX_ANSWER_CHARS);
    return { question, answered: true, text, sources: sourcesOf(docs), score: 1, suggestions: [], topic: previous };
  }

  /**
   * "Difference between A and B", "A or B?": the doc that is most about each side, when they differ and
   * fit in one answer.
   */
  function compared(r: Reading, whole = false): DocInfo[] | undefined {
    const w = r.analysis.words;
    const split = w.findIndex((x, k) => k > 0 && /^(and|or|vs|versus|than)$/.test(x));
    if (split < 0) return undefined;
    const comparative = (c: Concept) => wordSet('comparative').has(c.words.join(' '));
    const topical = r.analysis.concepts.filter((c) => !c.generic && !c.context && !c.unknown && !comparative(c));
    const before = topical.filter((c) => c.positions.every((p) => p < split));
    const after = topical.filter((c) => c.positions.every((p) => p > split));
    // What both sides name ("countries with X or countries with Y") is what is compared, not a side.
    const own = (side: Concept[], other: Concept[]) => side.filter((c) => !other.some((o) => sameWords(o, c)));
    const sides = [own(before, after), own(after, before)];
    if (sides.some((s) => !s.length)) return undefined;
    // "Which is *more*...": a side is answered by its figure.
    const measured = r.analysis.concepts.some(comparative);
    const dated = r.analysis.intents.has('when');
    // One unit that names both sides and gives two figures (or two years) answers the comparison by itself.
    const holds = (d: DocInfo, side: Concept[]) => side.every((c) => c.alternatives.some((alt) => alt.stems.every((t) => d.terms.has(t))));
    const best = r.best?.d;
    const figures = (d: DocInfo) => [...d.numbers].filter((n) => !d.years.has(n)).length;
    const answersBoth = (d: DocInfo) => d.doc.kind === 'unit' && (measured ? figures(d) >= 2 : dated && d.years.size >= 2) && sides.every((side) => holds(d, side));
    if (best && answersBoth(best)) return undefined;
    // (Or one a little further down: the best is a figure for one side only, "berth booking laws: 120 ports". Not
    // one far behind, nor amounts of money for a question that asks none: "a grant of 300 euros for A and 1,200
    // for B" says nothing of which is more common.)
    const top = r.best?.score ?? 0;
    const asksMoney = r.analysis.concepts.some((c) => wordSet('money').has(c.words.join(' ')));
    const close = (x: Ranked) => x.fits && x.strong && top - x.score <= CALIBRATION.compareGap && (asksMoney || !x.d.features.has('money'));
    const both = measured && !dated ? r.ranked.slice(0, 20).find((x) => close(x) && answersBoth(x.d)) : undefined;
    if (both) return [both.d];
    const picks = sides.map((side) => {
      let best: { d: DocInfo; score: number } | undefined;
      for (const x of r.ranked.slice(0, 20)) {
        if (!x.fits && !r.analysis.intents.has('yesno') && x.d.doc.kind !== 'unit') continue;
        let score = 0;
        let held = 0;
        for (const c of side) {
          const alt = c.alternatives.find((a) => a.stems.every((t) => x.d.terms.has(t)));
          if (!alt) continue;
          score += (c.specific ? 2 : 1) * alt.credit * (alt.stems.every((t) => x.d.lead.has(t)) ? 1.5 : 1);
          held++;
        }
        if (whole && held < side.length) continue;
        if (measured && x.d.features.has('number')) score *= 1.5;
        if (score > 0 && (!best || score > best.score)) best = { d: x.d, score };
      }
      return best?.d;
    });
    const [a, b] = picks;
    if (!a || !b || a === b) return undefined;
    const lead = leadRoom(r, whole);
    if (fitsTogether([a.doc, b.doc], lead)) return [a, b];
    // Too long together: each side by the clause of its unit that answers it ("adopted on 22 May 2019").
    const cut = [clauseFor(a, sides[0]!, dated, measured), clauseFor(b, sides[1]!, dated, measured)];
    return fitsTogether(cut.map((d) => d.doc), lead) ? cut : undefined;
  }

  /** "When and where is it held?": one title-slide fact for each field asked. */
  function sessionFields(r: Reading): DocInfo[] | undefined {
    const asked = (['who', 'when', 'where', 'contact'] as const).filter((i) => r.analysis.intents.has(i));
    if (asked.length < 2 || r.best!.d.doc.kind !== 'meta') return undefined;
    const docs = asked.map((i) => r.ranked.find((x) => x.d.doc.kind === 'meta' && x.d.doc.cues.includes(i))?.d).filter((d): d is DocInfo => d !== undefined);
    const unique = [...new Set(docs)];
    return unique.length > 1 && fitsTogether(unique.map((d) => d.doc), leadRoom(r)) ? unique : undefined;
  }

  /** The best doc, and a neighbour in the same section when the answer runs on into it. */
  function compose(r: Reading): DocInfo[] {
    const best = r.best!;
    const fields = sessionFields(r);
    if (fields) return fields;
    if (r.analysis.intents.has('compare')) {
      const both = compared(r);
      if (both) return both;
    }
    const docs = [best.d];
    if (best.d.doc.section === undefined) return docs;
    const neighbour = r.ranked.find(
      (x) =>
        x !== best &&
        x.fits &&
        x.strong &&
        x.d.doc.section === best.d.doc.section &&
        Math.abs((x.d.doc.position ?? 0) - (best.d.doc.position ?? 0)) === 1 &&
        best.score - x.score <= CALIBRATION.neighbourGap,
    );
    // (A neighbour that says again what the best one says adds nothing; one that says all of it and more says both.)
    if (neighbour && repeats(best.d, neighbour.d) && fitsTogether([neighbour.d.doc], leadRoom(r))) return [neighbour.d];
    if (!neighbour || repeats(neighbour.d, best.d)) return docs;
    // Too long together: the neighbour's sentence that holds most of the question.
    // (The neighbour cut only when the two do not fit whole.)
    const fits = (p: DocInfo[]) => fitsTogether(p.map((d) => d.doc), leadRoom(r));
    let pair = [best.d, neighbour.d];
    if (!fits(pair)) pair = [best.d, sentenceFor(r, neighbour.d)];
    if (!fits(pair)) return docs;
    return pair.sort((x, y) => (x.doc.position ?? 0) - (y.doc.position ?? 0));
  }

  /**
   * The sentence of a doc that holds most of the question, to go beside another doc when the two are too long
   * together; the doc itself when none holds part of the question. (Never one that opens with a pronoun: cut from
   * its own, "It ..." would read as about the other doc's subject.)
   */
  function sentenceFor(r: Reading, d: DocInfo): DocInfo {
    const a = r.analysis;
    const asked = a.concepts.filter((c) => !c.generic && !c.context);
    const clause = bestClause(d, asked, a.intents.has('when') || a.intents.has('date'), a.intents.has('howmany'));
    const text = clause ? clause.text : d.doc.text;
    const stems = clause ? clause.stems : textStemsOf(d);
    const holds = asked.some((x) => x.alternatives.some((alt) => alt.stems.every((t) => stems.has(t))));
    return holds && !/^(it|its|this|that|these|those|they|their|he|she|his|her)\b/i.test(text) ? (clause ? { ...d, doc: { ...d.doc, text } } : d) : d;
  }

  /** One is a glossary entry, the other a unit that names the entry's term. */
  function glossed(a: DocInfo, b: DocInfo): boolean {
    const [entry, unit] = a.doc.kind === 'glossary' ? [a, b] : [b, a];
    return entry.doc.kind === 'glossary' && unit.doc.kind === 'unit' && entry.lead.size > 0 && [...entry.lead].every((t) => unit.terms.has(t));
  }

  /**
   * The unit that comes a close second to the best one (given as `first`), and the two as shown: whole, else the
   * second (then both) by its sentence that answers, else the first alone, when even those are too long together.
   */
  function runnerUp(r: Reading, first: DocInfo, gap: number): { second: DocInfo; shown: DocInfo[] } | undefined {
    const best = r.best!;
    // ("What is X?" answered by a unit that says what X is: a second that does not is no other reading of it.)
    const defines = r.analysis.intents.has('define') && best.focusLead && best.d.features.has('definition');
    // (A fact of the title slide answers what was asked of the session: "where is it being held?" needs no unit of
    // the deck that says "hold", only another fact of the session, "who is presenting and from which body?".)
    const session = best.d.doc.kind === 'meta';
    const second = r.ranked.find((x) => x !== best && x.fits && x.strong && (!defines || x.d.features.has('definition')) && (!session || x.d.doc.kind === 'meta'));
    if (!second || second.d === first || best.score - second.score > gap) return undefined;
    // (Not one that says again what the other says, either way round.)
    if (repeats(second.d, first) || repeats(first, second.d)) return undefined;
    // (A close second is offered with doubt: the two leave room for saying so.)
    // (Each cut only when the one before does not fit.)
    const fits = (p: DocInfo[]) => fitsTogether(p.map((d) => d.doc), HEDGE_TWO);
    if (fits([first, second.d])) return { second: second.d, shown: [first, second.d] };
    const cut = sentenceFor(r, second.d);
    if (fits([first, cut])) return { second: second.d, shown: [first, cut] };
    const both = [sentenceFor(r, first), cut];
    return { second: second.d, shown: fits(both) ? both : [first] };
  }

  /**
   * "And the last one?", "tell me more about the second one" after an answer that lists things after a colon
   * ("three levels: A, B and C", "the divides: the data divide, the value divide, ..."): that item. Said by its
   * place ("the third one") when the item's own unit gives its place in the same order ("C, the third level of
   * X"), else by its name ("and C?").
   */
  function placeInList(question: string, previous?: Topic): string {
    const m = PLACE.exec(question);
    // (The last answer's list is looked for only when the question names a place in one.)
    if (!m || !previous) return question;
    const text = pack.byRef.get(previous.refs[0] ?? '')?.doc.text;
    const list = text && LISTED().exec(text);
    if (!list) return question;
    // (Commas part the items, and "and" or "or" the last two: "reading and writing help, lending and archives".)
    const parts = list[2]!.split(/,\s*/).map((x) => x.trim().toLowerCase()).filter(Boolean);
    const tail = parts.pop()?.replace(/^(?:and|or)\s+/, '') ?? '';
    const items = [...parts, ...tail.split(/\s+(?:and|or)\s+/)].filter(Boolean);
    const n = items.length;
    // (A list counted by its number must have that many items; and items are short, a name each.)
    const counted = list[1] && Number(wordMap('number-word').get(list[1].toLowerCase()) ?? list[1]);
    if ((counted && counted !== n) || n < 2 || items.some((x) => x.split(' ').length > MAX_ITEM_WORDS)) return question;
    const place = placeOf(m[1]!, n);
    if (place < 1 || place > n) return question;
    const ordinal = [...wordSet('ordinal-number')][place - 1]!;
    const item = items[place - 1]!;
    // (A place in another order, "the second branch to open", is not its place in the list.)
    const section = pack.byRef.get(previous.refs[0]!)?.doc.section;
    const saysPlace = (pack.postings.get(term(ordinal)) ?? []).some((i) => {
      const unit = pack.docs[i]!.doc;
      const opening = unit.text.split(',')[0]!.toLowerCase();
      return unit.section === section && ` ${opening} `.includes(` ${item} `) && new RegExp(`\\bthe ${ordinal} (?!\\w+ to )`, 'i').test(unit.text);
    });
    if (saysPlace) return question.replace(PLACE, `the ${ordinal} $2`);
    // (An item of a letter or two, "A, B and C", or a year is no name to ask about.)
    return ITEM_NOUN.test(m[2]!) && item.length >= MIN_ITEM_CHARS && /[a-z]{3}/.test(item) ? question.replace(PLACE, item) : question;
  }

  /**
   * "What's the third one?", "and the last one?" after a unit that numbers its items ("four stages: (1) detect,
   * when ...; (2) assess, ..."): that item, with the words that introduce the list. The topic stays the unit's.
   */
  function numberedItem(question: string, previous?: Topic): Answer | undefined {
    const m = PLACE.exec(question);
    const unit = previous && pack.byRef.get(previous.refs[0] ?? '')?.doc;
    if (!m || !unit) return undefined;
    const marks = [...unit.text.matchAll(/\((\d{1,2})\)\s*/g)];
    if (marks.length < 2 || marks.some((x, k) => Number(x[1]) !== k + 1)) return undefined;
    const items = marks.map((x, k) =>
      unit.text
        .slice(x.index + x[0].length, marks[k + 1]?.index ?? unit.text.length)
        .replace(/[\s;,]*(?:\band\b|\bor\b)?[\s;,.]*$/, '')
        .trim(),
    );
    // (The last item ends with the sentence that holds it.)
    items[items.length - 1] = items.at(-1)!.split(/(?<=[.!?])\s/)[0]!.replace(/[.;]$/, '');
    const place = placeOf(m[1]!, items.length);
    if (place < 1 || place > items.length) return undefined;
    const intro = unit.text.slice(0, marks[0]!.index).trim();
    const text = `${intro.length <= MAX_INTRO_CHARS ? `${intro} ` : ''}(${place}) ${items[place - 1]}.`;
    const { text: answerText, sources } = formatDocs([{ ...unit, text }], '');
    return { question, answered: true, text: answerText, sources, score: 1, suggestions: [], topic: previous };
  }

  function answer(question: unknown, previous?: Topic): Answer {
    const asked = typeof question === 'string' ? question : '';
    const item = numberedItem(asked, previous);
    if (item) return item;
    const a = answerRead(placeInList(asked, previous), previous);
    // (Given back as the asker put it: "the second one", read as the item's own name, is still "the second one".)
    return a.question === asked ? a : { ...a, question: asked };
  }

  /**
   * The topic an answer leaves. An answer in the section of the last answer ("and who is exempt?") goes on with
   * what the conversation has shown there, so a "more" after it does not give those again.
   */
  function topicOf(question: string, docs: DocInfo[], previous?: Topic): Topic {
    const refs = docs.map((d) => d.doc.ref);
    const section = docs[0]?.doc.section;
    const before = previous?.refs.map((r) => pack.byRef.get(r)?.doc.section).find((s) => s !== undefined);
    // (shown written even when there is none: every Topic of one shape.)
    if (!previous || section === undefined || section !== before) return { question, refs, shown: undefined };
    // (And what the last answers in this section gave: "who launched it?", "when?", then "more" tells the rest.)
    return { question, refs, shown: [...new Set([...(previous.shown ?? []), ...previous.refs, ...refs])] };
  }

  /** The answer to a question as read ("the second one" already the item it stands for). */
  function answerRead(q: string, previous?: Topic): Answer {
    try {
      const follow = leansOn(q);
      // ("Tell me more" or "source?" with nothing said before: about what?)
      if (follow?.kind === 'more') return previous ? more(q, previous) : { ...decline(q), text: NOTHING_BEFORE };
      if (follow?.kind === 'source') return previous ? sourceOf(q, previous) : { ...decline(q), text: NO_ANSWER_YET };
      const all = readings(q, previous, follow);
      // A follow-up leans on the last topic: read that way when it can be answered so; else read alone.
      const chosen = all.length > 1 && all[0]!.confidence >= CALIBRATION.answer ? all[0]! : all[all.length - 1]!;
      if (chosen.best && chosen === all[all.length - 1] && vague(chosen)) {
        // "data", "government": a word half the deck uses; offer the topics it could mean.
        return { ...decline(q, chosen), text: `Sorry, "${q.trim()}" comes up in many parts of the workshop: which one do you mean?`, score: declinedScore(chosen) };
      }
      const weak = !chosen.best || chosen.confidence < CALIBRATION.answer;
      // "Which is more, A or B?": no one doc holds both, but one holds all of A and another all of B.
      // (Not for a bare "A or B?": with no comparison named, two half-matches are not an answer.)
      const sides = weak && chosen.analysis.intents.has('compare') && !chosen.analysis.either && !chosen.analysis.outside.length ? compared(chosen, true) : undefined;
      if (weak && !sides) {
        // Asked for a figure the pack does not give ("how many have X", X an indicator with no figure): say so.
        const top = chosen.ranked[0]?.d.doc;
        if (top?.kind === 'indicator' && top.unitKind !== 'statistic' && countsPopulation(chosen.analysis) && chosen.ranked[0]!.coverage >= CALIBRATION.answer) {
          return { ...decline(q, chosen), text: `The workshop material gives no figure for how many have "${top.title}", so I can't say.`, score: declinedScore(chosen) };
        }
        // The question is the conversation's topic now, when the pack has most of what it is about, though nothing
        // was given ("tell me more" has nothing to go on from): "who paid for it?" after "what was the total bill?".
        const about = (chosen.ranked[0]?.coverage ?? 0) >= CALIBRATION.declinedTopic;
        return { ...decline(q, chosen), score: declinedScore(chosen), ...(about ? { topic: { question: chosen.question, refs: [], shown: undefined } } : {}) };
      }
      let docs = sides ?? compose(chosen);
      // A second unit scores about as well: the ranking cannot tell which one is meant, so both, as "did you
      // mean" would, and not as sure: they may say different things.
      const sure = chosen.confidence >= CALIBRATION.sure;
      // (Not the unit already given: composing may have put a close second in the best one's place.)
      const close = !sides && docs.length === 1 ? runnerUp(chosen, docs[0]!, CALIBRATION.runnerUpGap) : undefined;
      // (A glossary entry and a unit that names its term say two things of the same thing: they agree, and a
      // sure answer gives both without doubt. Two units on different things are two readings of the question,
      // even when only one of them has room.)
      // A sure answer offers the second after it, as another reading ("Or perhaps: ..."); a less sure one says it
      // is not certain of either.
      const other = close && !glossed(docs[0]!, close.second);
      const unsure = sides || !sure;
      if (close) docs = close.shown;
      const hedge = !unsure && !(other && docs.length === 1) ? '' : docs.length > 1 ? HEDGE_TWO : HEDGE_ONE;
      // (An indicator with no figure, given for anything but "how many": its name and what it means.)
      const shown = (d: DocInfo) => (d.doc.kind !== 'indicator' || chosen.analysis.intents.has('howmany') ? d.doc : { ...d.doc, text: d.doc.text.replace(`: ${NO_FIGURE}`, ': ') });
      const { text, sources } = formatDocs(
        docs.map(shown),
        hedge,
        other && !hedge ? OR_PERHAPS : ' ',
      );
      return {
        question: q,
        answered: true,
        text,
        sources,
        score: sides ? CALIBRATION.answer : round(chosen.confidence),
        suggestions: [],
        topic: topicOf(chosen.question, docs, previous),
      };
    } catch {
      // Never let one odd question break a conversation: decline kindly instead.
      return decline(q);
    }
  }

  return {
    answer,
    needsTopic: (question: string) => leansOn(question) !== undefined,
    explain(question: string, previous?: Topic) {
      const all = readings(question, previous, leansOn(question));
      const r = all[0]!;
      return { analysis: r.analysis, ranked: r.ranked, confidence: r.confidence };
    },
  };
}

export type { Pack };
