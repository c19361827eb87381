// Finds, by word position, what a question asks about (its focus) and the phrases that qualify it.
import { isStopWord } from '../content/text.js';
import { wordMap, wordSet } from './word-lists.js';

/** Word positions, into the question's cleaned words. */
export interface FocusSpans {
  /**
   * The thing asked about, with what it is "of": "the *population* of Panama", "who is the *prime
   * minister of Mongolia*", "when is the *next workshop*", "what should we do about *cybersecurity*".
   */
  focus: number[];
  /** Phrases after "of", "in", "for"... anywhere ("people in *Hungary*"): they qualify the question. */
  objects: number[];
  /** First words of those phrases: a gerund there names a thing ("used in *farming*"). */
  objectHeads: number[];
  /** "How many X", "what share of X": X is what is counted. */
  counted: boolean;
  /** "Which *countries*...", "what *services*...": the focus names the kind of answer, which need not repeat it. */
  typed: boolean;
}

// Lists of lexicon/grammar.txt: the word classes of English questions.
const WH = wordSet('wh');
const AUX = wordSet('aux');
const PRONOUN = wordSet('pronoun');
const DET = wordSet('det');
/** "what *percentage of* countries", "what *kind of* officer": the measure, not the thing measured. */
const MEASURE = wordSet('measure');
const COUNTING = wordSet('counting');
const MONEY = wordSet('money');
const PREP = wordSet('prep');
/** Auxiliaries followed by a bare verb: "why do top harbours *experiment* with night berths?" */
const DO_AUX = wordSet('do-aux');
/** Verbs that end a question's subject from afar: "what does X *do*", "what does X *mean*". */
const LATER_VERBS = wordSet('later-verbs');
/** Irregular participles: verbs however they end ("how are recipients *chosen*"). */
const PARTICIPLES = wordSet('participles');
/** Prepositions whose object qualifies what is asked: "population *of* Panama", "people *in* Hungary". */
const OBJECT_PREP = wordSet('object-prep');
/** "how *common* are...", "how *fast* is...": the degree asked for; the focus follows. */
const HOW_DEGREE = wordSet('how-degree');
/** "how *old* is...", "how *expensive* is...": a property of the thing, which an answer must state. */
export const ATTRIBUTES = wordSet('attributes');
/** Words people open a question with before getting to it. */
const PRELUDE = wordSet('prelude');
/** Verbs of asking for advice: what follows is the topic ("how to *improve* X", "where to *start* with X"). */
const ADVICE_VERBS = wordSet('advice-verbs');
const ADVICE_PREP = wordSet('advice-prep');
const TOPIC_PREP = wordSet('topic-prep');
const MEANT_BY = wordSet('meant-by');
const DEFINING_VERB = wordSet('defining-verb');
const ADVERB = wordSet('adverb');
const FILLER = wordSet('asking');
const GENERIC = wordSet('generic');
/** Irregular verb forms ("ran", "grew"): a verb after a noun ends its phrase. */
const IRREGULAR = wordMap('irregular');
/** A number, in digits or in words ("which *twelve* countries"). */
const NUMBER_WORDS = wordMap('number-word');
const isNumber = (w: string | undefined): boolean => w !== undefined && (/^\d+$/.test(w) || NUMBER_WORDS.has(w));

/** A word that may be part of a noun phrase. */
const isContent = (w: string): boolean =>
  !isStopWord(w) && !FILLER.has(w) && !AUX.has(w) && !PREP.has(w) && !DET.has(w) && !PRONOUN.has(w);
/** "-ed"/"-ing" words are more often verbs than names of things ("helping", "expected", "chosen"). */
export const looksVerbal = (w: string): boolean => (w.length > 4 && /(ed|ing)$/.test(w)) || PARTICIPLES.has(w);

type Phrase = { span: number[]; end: number; keep?: number[] };

/** Content-word positions of the noun phrase starting at `i`: at most `max` words. */
function nounPhrase(words: string[], i: number, max: number): Phrase {
  // Leading determiners and measures: "the number of", "a kind of", "the full form of".
  while (i < words.length && (DET.has((words[i] ?? '')) || MEASURE.has((words[i] ?? '')) || (words[i] ?? '') === 'of' || FILLER.has((words[i] ?? '')))) i++;
  const span: number[] = [];
  while (i < words.length && span.length < max) {
    const w = (words[i] ?? '');
    if (AUX.has(w) || PREP.has(w) || WH.has(w) || DET.has(w) || PRONOUN.has(w) || isStopWord(w)) break;
    // A participle or an everyday verb after a noun is the verb: "how are services *delivered*",
    // "how can robots *help* older people".
    if (span.length && ((w.length > 4 && w.endsWith('ed')) || PARTICIPLES.has(w) || IRREGULAR.has(w) || GENERIC.has(w))) break;
    // "-ing" before a determiner takes an object, so it is the verb: "countries *listing* the heads".
    if (span.length && w.endsWith('ing') && DET.has((words[i + 1] ?? ''))) break;
    if (isContent(w)) span.push(i);
    i++;
  }
  return { span, end: i };
}

function skip(words: string[], i: number, set: ReadonlySet<string>): number {
  while (i < words.length && set.has((words[i] ?? ''))) i++;
  return i;
}

/** The focus of a question whose question word stands at `h` (empty span if none is found). */
function questionFocus(words: string[], h: number): Phrase & { counted: boolean; doVerb?: boolean; typed?: boolean } {
  const wh = (words[h] ?? '');
  let i = h + 1;
  // "what / which / how many" + a noun: the noun ("which figure", "how many hospitals").
  let nounFirst = wh === 'what' || wh === 'which' || wh === 'whose';
  let degree: number | undefined;
  if (wh === 'how' && HOW_DEGREE.has((words[i] ?? ''))) {
    i++;
    nounFirst = true;
  } else if (wh === 'how' && ATTRIBUTES.has((words[i] ?? ''))) {
    // "how *old* is X", "how *long* does X take": the attribute is what is asked about.
    degree = i++;
  }
  const counted = (wh === 'how' && ((words[h + 1] ?? '') === 'many' || (words[h + 1] ?? '') === 'much')) || (nounFirst && COUNTING.has((words[i] ?? '')));
  if (wh === 'how' && (words[i] ?? '') === 'to') return { ...nounPhrase(words, i + 2, 3), counted: false }; // "how to X the Y": Y
  if (wh === 'whats' || AUX.has((words[i] ?? ''))) {
    const doVerb = DO_AUX.has((words[i] ?? ''));
    i = skip(words, i, AUX);
    // "which are the twelve *countries* that...": a number before a noun names how many of a kind are asked for.
    const n = skip(words, i, DET);
    if (wh === 'which' && !doVerb && isNumber(words[n]) && isContent(words[n + 1] ?? '')) return { ...nounPhrase(words, n + 1, 1), counted: false, typed: true };
    // "how can we improve X", "how do I reset my password": a pronoun, a verb, then X.
    if (PRONOUN.has((words[i] ?? ''))) {
      // ("how do they register *on the ferry site*", "how can I apply *for a licence*": through the verb's preposition.)
      // (Not "is it useful *to* publish X": no verb of theirs before it.)
      const through = doVerb && (words[i + 2] ?? 'to') !== 'to' && PREP.has(words[i + 2] ?? '');
      return { ...nounPhrase(words, through ? i + 3 : i + 2, 3), counted: false };
    }
    const subject = nounPhrase(words, i, 3);
    if (degree !== undefined && subject.span.length) return { ...subject, keep: [degree], counted: false };
    return { ...subject, counted: false, doVerb };
  }
  if (counted && nounFirst && !DET.has(words[i] ?? '')) {
    // "how many *brazilian cities* had...", "how many *countries* offer...": what is counted is the first plural
    // of the phrase (a verb may follow it), else its first word.
    let np = nounPhrase(words, i, 3);
    const plural = (k: number) => /[^s]s$/.test(words[k] ?? '');
    // "how many *north and east ruritanian towns*": modifiers joined by "and" before the plural.
    if (!np.span.some(plural) && /^(and|or)$/.test(words[np.end] ?? '')) {
      const more = nounPhrase(words, np.end + 1, 3);
      if (more.span.some(plural)) np = { span: [...np.span, ...more.span], end: more.end };
    }
    const head = np.span.find(plural) ?? np.span[0];
    const upTo = head === undefined ? np.span : np.span.slice(0, np.span.indexOf(head) + 1);
    // "how *much* staff time": an amount of something uncounted, which any measure of it answers
    // ("1,200 person-years"), not a number of staff.
    // (Money keeps its own reading: an amount of money answers it.)
    if ((words[h + 1] ?? '') === 'much' && !np.span.some(plural) && !np.span.some((k) => MONEY.has(words[k] ?? ''))) return { span: np.span, end: np.end, counted: false };
    // "how many *cross* into another country", "how many *live* in towns": one word that is no plural, then a
    // preposition or a determiner, is what they do; what is counted goes unsaid (people, most often).
    const lone = np.span.length === 1 && head !== undefined && !plural(head) && !IRREGULAR.has(words[head] ?? '');
    if ((words[h + 1] ?? '') === 'many' && lone && (PREP.has(words[np.end] ?? '') || DET.has(words[np.end] ?? ''))) return { span: np.span, end: np.end, counted: false };
    return { span: upTo, end: upTo.length ? (upTo[upTo.length - 1] ?? i) + 1 : np.end, counted };
  }
  // "what *goes* into X", "what *makes* up X": a verb after "what", so X is what is asked about.
  if (nounFirst && (GENERIC.has(words[i] ?? '') || looksVerbal(words[i] ?? '')) && PREP.has(words[i + 1] ?? '')) {
    return { ...nounPhrase(words, i + 2, 3), counted: false };
  }
  // "which twelve *countries* got full marks?": the noun after the number names the kind of answer.
  if (nounFirst && isNumber(words[i]) && isContent(words[i + 1] ?? '')) i++;
  // "which *countries* joined": one noun names the kind of answer.
  if (nounFirst || DET.has((words[i] ?? ''))) {
    const np = nounPhrase(words, i, nounFirst && !DET.has((words[i] ?? '')) ? 1 : 3);
    // ("Tell me what ABC *means*", "what XYZ *stands for*": what the noun means is asked, not a kind of answer.)
    const means = /^(means?|meant|stands?)$/.test(words[np.end] ?? '');
    return { ...np, counted, typed: nounFirst && !counted && !DET.has((words[i] ?? '')) && !means };
  }
  // "who leads the central body", "who won the world cup": a verb, then what it is about.
  return { ...nounPhrase(words, i + 1, 3), counted: false };
}

/** What advice is asked about: "what should we do first *about X*", "how to *improve X*". */
function adviceTopic(words: string[]): number[] {
  for (let j = 0; j < words.length; j++) {
    if (!ADVICE_VERBS.has((words[j] ?? '')) && !ADVICE_PREP.has((words[j] ?? ''))) continue;
    const np = nounPhrase(words, j + 1, 3);
    if (np.span.length) return np.span;
  }
  return [];
}

export function findFocus(words: string[], advice: boolean): FocusSpans {
  const h = words.findIndex((w) => WH.has(w));
  let phrase: Phrase = { span: [], end: 0 };
  let counted = false;
  let doVerb = false;
  let typed = false;
  if (h >= 0) ({ counted, doVerb = false, typed = false, ...phrase } = questionFocus(words, h));
  if (!phrase.span.length) {
    // A fragment or a yes/no question: "benefits of coordination", "is the water supply...".
    // (Or a question word left at the end, "ABC means what?": what comes before it is the topic, no kind of answer.)
    typed = false;
    let i = skip(words, 0, PRELUDE);
    doVerb = DO_AUX.has((words[i] ?? ''));
    i = skip(words, i, AUX);
    counted = COUNTING.has((words[i] ?? ''));
    phrase = nounPhrase(words, i, 3);
  }
  // The head (last word) of the phrase is what is asked about; words before it only narrow it down
  // ("*top* governments", "the *prime* minister") and count through coverage alone.
  let focus = [...(phrase.keep ?? []), ...phrase.span.slice(-1)];
  let last = phrase;
  // "the president *of the United States*": what the focus is of belongs to the focus.
  if (focus.length && (words[phrase.end] ?? '') === 'of') {
    last = nounPhrase(words, phrase.end + 1, 3);
    focus.push(...last.span);
  }
  // "why do top harbours *experiment* with night berths?": after "do", the subject's last word is
  // the verb, unless the verb comes later ("what does X *do*") or already ended the phrase. So is a
  // last "-ing" or "-ed" word: "how is the wealth of the top 1% *changing*".
  const verbs: number[] = [];
  // The phrase ran until a preposition, a determiner or a pronoun: "did the agency *start* its programme".
  const lastWord = words[last.span[last.span.length - 1] ?? -1] ?? '';
  // (Or it was cut at its longest with a word still to come, and after "do" its last word is a bare verb,
  // never a plural: "how do water councils *move* records".)
  const cut = doVerb && last === phrase && phrase.span.length === 3 && isContent(words[last.end] ?? '') && !/[^s]s$/.test(lastWord);
  const endedFreely = cut || last.end >= words.length || PREP.has((words[last.end] ?? '')) || DET.has((words[last.end] ?? '')) || PRONOUN.has((words[last.end] ?? ''));
  if ((doVerb || looksVerbal(lastWord)) && endedFreely && phrase.span.length + (last === phrase ? 0 : last.span.length) >= 2 && !words.slice(last.end).some((w) => LATER_VERBS.has(w))) {
    const verb = last.span[last.span.length - 1]!;
    verbs.push(verb);
    focus = focus.filter((k) => k !== verb);
    if (!focus.length && phrase.span.length >= 2) {
      // The subject's last word before the verb, past any adverb: "did the *commission* first propose".
      const subject = phrase.span.slice(0, -1).filter((k) => !ADVERB.has(words[k] ?? ''));
      if (subject.length) focus = [subject[subject.length - 1]!];
    }
  }
  // "What is meant by X?", "what do we mean by X?": X.
  const by = words.findIndex((w, k) => w === 'by' && MEANT_BY.has(words[k - 1] ?? ''));
  if (by > 0 && !advice) {
    const topic = nounPhrase(words, by + 1, 3).span;
    if (topic.length) return { focus: topic.slice(-1), objects: [], objectHeads: [], counted: false, typed: false };
  }
  // "How does X define Y?", "how do they describe Y?": Y is asked about; X only says whose wording.
  const defining = words.findIndex((w, k) => DEFINING_VERB.has(w) && k >= 2 && WH.has(words[0] ?? '') && AUX.has(words[1] ?? ''));
  if (defining > 0 && !advice) {
    const topic = nounPhrase(words, defining + 1, 3).span;
    if (topic.length) return { focus: topic, objects: [], objectHeads: [], counted: false, typed: false };
  }
  if (advice) {
    const topic = adviceTopic(words);
    if (topic.length) focus = topic;
  } else {
    // "what did the 2020 edition find *about core systems*": after the verb, the topic is named.
    const at = words.findIndex((w, k) => k >= last.end && k > 0 && TOPIC_PREP.has(w));
    const topic = at >= 0 ? nounPhrase(words, at + 1, 3).span : [];
    if (topic.length) {
      // "what share of the cases were *about* X": X is the topic, and the cases are still what is counted.
      focus = counted && focus.length ? [focus[0]!, ...topic.filter((k) => k !== focus[0])] : topic;
      typed = false;
    }
  }
  const objects: number[] = [];
  const objectHeads: number[] = [];
  for (let j = 0; j < words.length; j++) {
    if (!OBJECT_PREP.has((words[j] ?? ''))) continue;
    const { span } = nounPhrase(words, j + 1, 3);
    if (span[0] !== undefined) objectHeads.push(span[0]);
    for (const k of span) if (!focus.includes(k) && !objects.includes(k) && !verbs.includes(k)) objects.push(k);
  }
  return { focus, objects, objectHeads, counted, typed: typed && focus.length > 0 };
}
