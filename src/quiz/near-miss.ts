// Typed answers that are close to a choice ("red green and blue" for "Red, green and blue"; "govt portal"), and answers that give one away.
import { escapeRegExp } from '../content/text.js';

/** Short forms people type, as the words choices use. */
const SHORT_FORMS: Record<string, string> = {
  govt: 'government',
  gov: 'government',
  "gov't": 'government',
  gvt: 'government',
  dept: 'department',
  depts: 'departments',
  info: 'information',
  natl: 'national',
  intl: 'international',
  mgmt: 'management',
  admin: 'administration',
  org: 'organisation',
  orgs: 'organisations',
  egov: 'e-government',
  'e-gov': 'e-government',
  percent: '%',
  pct: '%',
};

/** Words that carry no answer of their own: "I think it's red, green and blue". */
const FILLER = new Set(
  "a an the and of on in to for or its it's it is i i'd i'm think guess maybe probably perhaps about around approx approximately roughly answer option choice my would be say that one".split(' '),
);

/** Lower case, American and British spellings alike, '&' as 'and', '40 percent' as '40%', punctuation gone. */
export function normalizeAnswer(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/\bper ?cent\b/g, '%')
    .replace(/(\d)\s+%/g, '$1%')
    .replace(/(\w)iz(e|es|ed|ing|ation|ations)\b/g, '$1is$2')
    .replace(/[^\p{L}\p{N}%'\s-]+/gu, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^[-']+|[-']+$/g, ''))
    .filter(Boolean)
    .map((w) => SHORT_FORMS[w] ?? w)
    .join(' ');
}

const tokens = (s: string): string[] => normalizeAnswer(s).split(' ').filter((w) => w && !FILLER.has(w));

/** Edits (insert, delete, change, swap two neighbours) between a and b, counted up to `cap`. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** A typed word stands for a choice's word: the same, its beginning ("struct"), or a typo away from it. */
function sameWord(typed: string, word: string): boolean {
  if (typed === word) return true;
  if (/\d/.test(typed) || /\d/.test(word)) return false;
  // A beginning that is most of the word ("struct"), not a fragment that many words share ("cyber").
  if (typed.length >= 4 && typed.length >= 0.6 * word.length && word.startsWith(typed)) return true;
  const allowed = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
  return allowed > 0 && editDistance(typed, word, allowed) <= allowed;
}

/** Text that asks rather than answers: it is answered as a question, never taken as a choice. */
export function looksLikeQuestion(text: string): boolean {
  const t = text.trim().toLowerCase();
  return /\?\s*$/.test(t) || /^(what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could|should|would|will|tell|explain|define|describe)\b/.test(t);
}

/**
 * The choices the typed text is close to: the one whose words it equals once punctuation, case and short forms
 * are set aside, else those that hold every word typed (a typo or a beginning allowed). Empty for a question or
 * for text that fits no choice; more than one when it fits several ("data").
 */
export function nearChoices(text: string, choices: readonly string[]): number[] {
  if (looksLikeQuestion(text)) return [];
  const typed = normalizeAnswer(text);
  if (!typed) return [];
  const exact = choices.map((c, i) => (normalizeAnswer(c) === typed ? i : -1)).filter((i) => i >= 0);
  if (exact.length) return exact;
  const words = tokens(text);
  if (!words.length) return [];
  const fits = choices
    .map((c, i) => ({ i, words: tokens(c) }))
    .filter((c) => words.every((w) => c.words.some((cw) => sameWord(w, cw))))
    .map((c) => c.i);
  return fits;
}

/** Does `answer` state this choice (its words in order, as a phrase)? Then it would give a quiz item away. */
export function statesChoice(answer: string, choice: string): boolean {
  const phrase = normalizeAnswer(choice);
  if (!phrase) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(phrase)}($|[^\\p{L}\\p{N}%])`, 'u').test(normalizeAnswer(answer));
}
