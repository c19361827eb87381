// Reads a question: what kind of answer it wants (intents) and what it is about (concepts).
import { MAX_CHARS, MAX_TOKENS, isStopWord, normalizeText, stem, words } from '../content/text.js';
import { ATTRIBUTES, findFocus, looksVerbal } from './focus.js';
import { ADVICE_WORDS, CONTEXT, FILLER, GENERIC, SHORTHAND, correctWord, editDistance, type Lexicon } from './lexicon.js';

export type Intent = 'numeric' | 'define' | 'abbrev' | 'list' | 'role' | 'who' | 'when' | 'contact' | 'about' | 'figure' | 'advice' | 'date';

/** One thing the question is about: a word, or a glossary phrase with its equivalents. */
export interface Concept {
  /** The question's words for it, as typed (after spelling correction). */
  words: string[];
  /** Phrases (stem lists) that mean the same; a document covers the concept if it holds one whole. */
  alternatives: string[][];
  /** A word about the session itself ("workshop", "presentation"). */
  context: boolean;
  /** Not a word the content uses at all. */
  unknown: boolean;
  /** A glossary phrase of several words or an acronym: specific even when the deck uses it often. */
  specific: boolean;
  /** An everyday word ("happens", "under") or a lone digit: says little about the topic. */
  generic: boolean;
  /** Positions of its words in the question (after cleaning). */
  positions: number[];
}

export interface Analysis {
  intents: Set<Intent>;
  concepts: Concept[];
  /** What the question asks about: an answer must cover every one of these. */
  focus: Concept[];
  /** "How many *countries*...": what the answer's figure must count. */
  counted?: Concept;
  /**
   * Words the content never uses that name what is asked about or qualify it ("the prime minister of
   * *Australia*", "the *capital* of PNG"): the question is about something the workshop does not cover.
   */
  outside: string[];
}

const INTENTS: [Intent, RegExp][] = [
  ['numeric', /\b(how many|how much|number of|numbers?|percent|percentage|proportion|share of|count|statistics?|stats|fraction|figures? (for|on))\b/],
  ['define', /\b(what is|what are|whats|define|definition|meaning|mean|means|explain|describe)\b/],
  ['abbrev', /\b(stands? for|acronym|abbreviation|short for|full form|expand)\b/],
  ['list', /\b(what are|list|which are|name the|enumerate|components|elements|types|kinds)\b/],
  ['role', /\bwhat (does|do|did|can|should|will) (.+ )?do\b|\b(role|roles|responsibilit\w*|functions?|tasks?|duties|mandate)\b/],
  ['who', /\bwho\b/],
  ['when', /\bwhen\b|\bwhat (date|day|year)\b/],
  // Asks for a date, so only an answer with one will do ("when will the next survey come out?").
  ['date', /^\W*((and|so|but|ok|okay|hey|hi) )?when\b|\b(what|which) (date|day|year|month|time)\b/],
  ['contact', /\b(contact|email|e ?mail|reach)\b/],
  ['figure', /\b(which|what) (fig|figure|chart|diagram|graph|graphic)\b/],
  // "What should a government do first about X?", "how to improve X": asks for a next step.
  ['advice', /\bwhat should (\w+ ){0,4}do\b|\b(first|next) steps?\b|\bwhere (to|should \w+) (start|begin)\b|\bhow (to|can|could|should|do|does|would|might) (\w+ ){0,3}(improve|start|begin|introduce|set up|establish|create|build|adopt|develop|strengthen|implement|achieve|get started|get better)\b|\b(recommend|recommendation|recommendations|advice|advise)\b/],
];

function fixShortWord(lex: Lexicon, w: string): string {
  // "hav", "wat", "whta": short typos of question words; never turned into content words.
  for (const f of lex.functionWords) {
    if (f[0] === w[0] && Math.abs(f.length - w.length) <= 1 && editDistance(w, f, 1) <= 1) return f;
  }
  return w;
}

function splitWord(lex: Lexicon, w: string): string[] | undefined {
  // "datadivide" -> "data divide": both halves must be words the content uses.
  for (let i = 3; i <= w.length - 3; i++) {
    const a = w.slice(0, i);
    const b = w.slice(i);
    if (lex.vocab.has(a) && lex.vocab.has(b) && !isStopWord(a) && !isStopWord(b)) return [a, b];
  }
  return undefined;
}

/** Question words after joining split compounds and fixing misspellings. */
function cleanWords(lex: Lexicon, raw: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const w = SHORTHAND[raw[i]] ?? raw[i];
    const next = raw[i + 1];
    // "cyber security" -> "cybersecurity", "sub national" -> "subnational".
    if (next !== undefined && w.length + next.length >= 6 && lex.vocab.has(w + next) && !isStopWord(w)) {
      out.push(w + next);
      i++;
      continue;
    }
    // Everyday words the content happens not to use are kept as typed ("start" is not "smart").
    if (lex.vocab.has(w) || isStopWord(w) || FILLER.has(w) || GENERIC.has(w) || ADVICE_WORDS.has(w) || /\d/.test(w)) out.push(w);
    else if (w.length >= 5 && w.length <= 20) {
      const fixed = correctWord(lex, w);
      if (fixed) out.push(fixed);
      else out.push(...(w.length >= 7 ? (splitWord(lex, w) ?? [w]) : [w]));
    } else out.push(w.length >= 3 ? fixShortWord(lex, w) : w);
  }
  return out;
}

export function analyze(lex: Lexicon, question: string): Analysis {
  let norm = normalizeText(question.slice(0, MAX_CHARS));
  const intents = new Set<Intent>();
  for (const [intent, re] of INTENTS) if (re.test(norm)) intents.add(intent);
  // "what share of countries" asks for a proportion; "share" is not the topic there.
  norm = norm.replace(/\b(what|which) share of\b/g, '$1 proportion of');

  const cleaned = cleanWords(lex, words(norm, MAX_TOKENS));
  const where: number[] = [];
  cleaned.forEach((w, k) => {
    if (!isStopWord(w) && !FILLER.has(w)) where.push(k);
  });
  const content = where.map((k) => cleaned[k]);
  const stems = content.map(stem);
  const canon = stems.map((s) => lex.canonical.get(s) ?? s);

  const concepts: Concept[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < stems.length; ) {
    let matched = false;
    const starts = [...(lex.phraseStarts.get(stems[i]) ?? []), ...(canon[i] !== stems[i] ? (lex.phraseStarts.get(canon[i]) ?? []) : [])];
    starts.sort((x, y) => y.stems.length - x.stems.length);
    for (const p of starts) {
      if (p.stems.every((s, k) => stems[i + k] === s || canon[i + k] === s)) {
        const key = `g${p.group}`;
        if (!seen.has(key)) {
          seen.add(key);
          const specific = p.stems.length > 1 || lex.acronym[p.group];
          concepts.push({ words: content.slice(i, i + p.stems.length), alternatives: lex.groups[p.group], context: false, unknown: false, specific, generic: false, positions: where.slice(i, i + p.stems.length) });
        }
        i += p.stems.length;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const w = content[i];
    const key = `s${stems[i]}`;
    if (!seen.has(key)) {
      seen.add(key);
      concepts.push({ words: [w], alternatives: [[stems[i]]], context: CONTEXT.has(w), unknown: !lex.vocab.has(w) && !lex.postings.has(stems[i]), specific: false, generic: GENERIC.has(w) || /^\d$/.test(w), positions: [where[i]] });
    } else concepts.find((c) => c.alternatives[0].length === 1 && c.alternatives[0][0] === stems[i])?.positions.push(where[i]);
    i++;
  }
  // A question made only of session words ("what is this workshop about?") asks for the title.
  const asksForField = intents.has('who') || intents.has('when') || intents.has('contact');
  if (concepts.some((c) => c.context) && concepts.every((c) => c.context || c.generic) && !asksForField) {
    // "speaker?" asks who; "the workshop?" asks what it is.
    intents.add(concepts.some((c) => PERSON_WORDS.has(c.words[0])) ? 'who' : 'about');
  }
  return { intents, concepts, ...focusOf(concepts, cleaned, capitalized(question), intents.has('advice')) };
}

/**
 * Words written with a capital inside a sentence: names ("Australia", "GDP"), whatever their case
 * later; and words written all in capitals anywhere ("GDP of PNG?").
 */
function capitalized(question: string): Set<string>[] {
  const caps = new Set<string>();
  const upper = new Set<string>();
  const tokens = question.slice(0, MAX_CHARS).split(/\s+/);
  for (let t = 0; t < tokens.length; t++) {
    if (t > 0 && /^[A-Z]/.test(tokens[t]) && !/[.!?:;]$/.test(tokens[t - 1])) for (const w of words(tokens[t])) caps.add(w);
    if (/^[A-Z]{2,}\b/.test(tokens[t])) for (const w of words(tokens[t])) upper.add(w);
  }
  return [caps, upper];
}

const PERSON_WORDS = new Set(['speaker', 'presenter', 'trainer', 'lecturer', 'facilitator', 'instructor']);

/** Head nouns that say little on their own: "the 3As *framework*", "the WoG *concept*". */
const LIGHT_HEADS = new Set([
  'framework', 'approach', 'concept', 'idea', 'model', 'notion', 'principle', 'term', 'process', 'issue', 'topic',
  'thing', 'part', 'aspect', 'point', 'area', 'areas', 'indicator', 'indicators', 'figure', 'figures',
  // "the *benefit* of X", "the *purpose* of X": asks about X; a doc about X answers it.
  'benefit', 'benefits', 'advantage', 'advantages', 'purpose', 'importance', 'reason', 'reasons', 'goal', 'goals',
  'aim', 'aims', 'impact', 'effect', 'effects', 'result', 'results', 'outcome', 'outcomes', 'role', 'roles',
]);
/** Asking for a ranking: the workshop ranks no one, so unless the content uses the word, decline. */
const SUPERLATIVES = new Set([
  'best', 'worst', 'biggest', 'largest', 'smallest', 'highest', 'lowest', 'fastest', 'slowest', 'cheapest',
  'richest', 'poorest', 'greatest', 'strongest', 'weakest', 'oldest', 'newest', 'latest', 'top-ranked', 'safest',
]);

/** The concepts the question asks about, and the words naming something outside the content. */
function focusOf(concepts: Concept[], cleaned: string[], [caps, upper]: Set<string>[], advice: boolean): Pick<Analysis, 'focus' | 'counted' | 'outside'> {
  if (advice) for (const c of concepts) if (c.words.length === 1 && ADVICE_WORDS.has(c.words[0])) c.generic = true;
  const spans = findFocus(cleaned, advice);
  // Who is to act ("what should *PNG* do about X", "how can *a country* start X") is not the topic.
  const topicStart = Math.min(...spans.focus);
  if (advice) for (const c of concepts) if (c.positions.every((p) => p < topicStart)) c.generic = true;
  const inFocus = (c: Concept) => c.positions.some((p) => spans.focus.includes(p));
  const qualifies = (c: Concept) => inFocus(c) || c.positions.some((p) => spans.objects.includes(p));
  // An unknown word is "outside" when it is what is asked about or qualifies it, or is a name, or
  // asks for a ranking ("the *best* digital ID"). Short words and verb forms are more often typos or
  // ways of asking ("helping", "put"), except right after a preposition ("used in *farming*").
  const name = (c: Concept) => c.words.join(' ');
  const nounLike = (c: Concept) => !looksVerbal(name(c)) || c.positions.some((p) => spans.objectHeads.includes(p));
  // Lower-case words without vowels are chat shorthand ("shld", "thx"); names in capitals are not.
  const shorthand = (c: Concept) => !/[aeiouy]/.test(name(c)) && !upper.has(name(c));
  const outside = concepts
    .filter((c) => c.unknown && !c.generic)
    .filter((c) => caps.has(name(c)) || (!advice && SUPERLATIVES.has(name(c))) || (inFocus(c) && ATTRIBUTES.has(name(c))) || (qualifies(c) && name(c).length >= 4 && nounLike(c) && !shorthand(c)))
    .map(name);
  // "The *point* of X", "what *role* does X play": light heads neither pick the answer nor count
  // much against one that leaves them out.
  const light = (c: Concept) => c.words.length === 1 && LIGHT_HEADS.has(c.words[0]);
  for (const c of concepts) if (light(c) && concepts.some((o) => !light(o) && !o.generic && !o.context)) c.generic = true;
  let focus = concepts.filter((c) => inFocus(c) && !c.generic && !c.unknown);
  // "What does the deck say about X?": the deck is not the topic, X is.
  const about = concepts.filter((c) => !c.context && !c.generic && !c.unknown && c.positions.some((p) => spans.objects.includes(p)));
  if (focus.length && focus.every((c) => c.context) && about.length) focus = about;
  // "Which country has the *best* digital ID?": the answer must rank too.
  if (!advice) focus.push(...concepts.filter((c) => !c.unknown && !focus.includes(c) && SUPERLATIVES.has(name(c))));
  return { focus, counted: spans.counted ? focus[0] : undefined, outside };
}
