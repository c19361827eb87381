// Reads a question: what kind of answer it wants (intents) and what it is about (concepts).
import { MAX_CHARS, MAX_TOKENS, isStopWord, normalizeText, stem, words } from '../content/text.js';
import { CONTEXT, FILLER, GENERIC, SHORTHAND, correctWord, editDistance, type Lexicon } from './lexicon.js';

export type Intent = 'numeric' | 'define' | 'abbrev' | 'list' | 'role' | 'who' | 'when' | 'contact' | 'about';

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
}

export interface Analysis {
  intents: Set<Intent>;
  concepts: Concept[];
}

const INTENTS: [Intent, RegExp][] = [
  ['numeric', /\b(how many|how much|number of|numbers?|percent|percentage|proportion|share of|count|statistics?|stats|fraction|figures? (for|on))\b/],
  ['define', /\b(what is|what are|whats|define|definition|meaning|mean|means|explain|describe)\b/],
  ['abbrev', /\b(stands? for|acronym|abbreviation|short for|full form|expand)\b/],
  ['list', /\b(what are|list|which are|name the|enumerate|components|elements|types|kinds)\b/],
  ['role', /\bwhat (does|do|did|can|should|will) (.+ )?do\b|\b(role|roles|responsibilit\w*|functions?|tasks?|duties|mandate)\b/],
  ['who', /\bwho\b/],
  ['when', /\bwhen\b|\bwhat (date|day|year)\b/],
  ['contact', /\b(contact|email|e ?mail|reach)\b/],
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
    if (lex.vocab.has(w) || isStopWord(w) || FILLER.has(w) || /\d/.test(w)) out.push(w);
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
  const content = cleaned.filter((w) => !isStopWord(w) && !FILLER.has(w));
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
          concepts.push({ words: content.slice(i, i + p.stems.length), alternatives: lex.groups[p.group], context: false, unknown: false, specific, generic: false });
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
      concepts.push({ words: [w], alternatives: [[stems[i]]], context: CONTEXT.has(w), unknown: !lex.vocab.has(w), specific: false, generic: GENERIC.has(w) || /^\d$/.test(w) });
    }
    i++;
  }
  // A question made only of session words ("what is this workshop about?") asks for the title.
  const asksForField = intents.has('who') || intents.has('when') || intents.has('contact');
  if (concepts.length && concepts.every((c) => c.context) && !asksForField) intents.add('about');
  return { intents, concepts };
}
