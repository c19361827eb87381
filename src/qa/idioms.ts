// The lexicon's idioms (lexicon/chat.txt): everyday phrases a question says in other words than a pack would.
import { wordMap } from './word-lists.js';

let idioms: [RegExp, string, string | undefined][] | undefined;
/** Each idiom as a pattern, what it reads as, and its plain phrase (when it is one) to look for first. */
function buildIdioms(): [RegExp, string, string | undefined][] {
  // (One that ends in "under" or "towards" means what it says before a figure: "did bookings *fall under* 800?",
  // "fall under twenty per cent", "fall under half".)
  const amount = ['half', 'quarter', 'third', 'fifth', 'hundred', 'thousand', ...wordMap('number-word').keys()].join('|');
  return [...wordMap('idiom')].map(([from, to]) => {
    const phrase = from.replace(/_/g, ' ');
    const figure = /\b(under|over|below|above|towards?)$/.test(phrase) ? `(?! ?(?:\\d|(?:a )?(?:${amount})\\b))` : '';
    return [new RegExp(`\\b${phrase}\\b${figure}`, 'g'), to.replace(/_/g, ' '), /^[a-z ]+$/.test(phrase) ? phrase : undefined];
  });
}
/**
 * Everyday phrases said in plainer words ("in the first place" says nothing; "came out on top" is "ranked first").
 * A phrase the pack itself writes ("*the case for* keeping the mobile library") means what it says there.
 */
export function readIdioms(text: string, own: ReadonlySet<string>): string {
  idioms ??= buildIdioms();
  // A phrase of plain words matches only where the text holds its first word: the idioms starting with the
  // text's words are the only ones tried, in the lexicon's order (far faster than looking for all 220).
  if (!byFirstWord) {
    byFirstWord = new Map();
    idioms.forEach(([, , phrase], i) => {
      const first = phrase?.split(' ')[0] ?? '';
      byFirstWord!.set(first, [...(byFirstWord!.get(first) ?? []), i]);
    });
  }
  const tried = new Set(byFirstWord.get('') ?? []);
  for (const w of text.match(/[a-z]+/g) ?? []) for (const i of byFirstWord.get(w) ?? []) tried.add(i);
  if (tried.size === 0) return text;
  for (const i of [...tried].sort((x, y) => x - y)) {
    const [re, to, phrase] = idioms[i]!;
    if (phrase === undefined || (text.includes(phrase) && !own.has(phrase))) {
      const before = text;
      text = text.replace(re, to);
      // (A reading may write words another idiom starts with: from there on, every idiom is tried, as before.)
      if (text !== before) return readAllFrom(text, own, i + 1);
    }
  }
  return text;
}
/** Every idiom from the `from`th on, in order. */
function readAllFrom(text: string, own: ReadonlySet<string>, from: number): string {
  for (let i = from; i < idioms!.length; i++) {
    const [re, to, phrase] = idioms![i]!;
    if (phrase === undefined || (text.includes(phrase) && !own.has(phrase))) text = text.replace(re, to);
  }
  return text;
}
let byFirstWord: Map<string, number[]> | undefined;

/**
 * The question without the phrases that say nothing ("in the first place", "if we want to copy this"): what is
 * left tells whether it leans on the last answer ("what should we do first if we want to copy *this*?" does not).
 */
export function dropFillers(text: string, own: ReadonlySet<string>): string {
  // (The fillers only, picked out of the idioms once: this runs for every question.)
  fillers ??= (idioms ??= buildIdioms()).filter(([, to, phrase]) => !to && phrase !== undefined);
  // (Most questions hold no filler: the first two words of one, or the one word, are looked for first.)
  fillerStarts ??= new Set(fillers.map(([, , phrase]) => phrase!.split(' ').slice(0, 2).join(' ')));
  const lower = text.toLowerCase();
  const ws = lower.match(/[a-z]+/g) ?? [];
  let any = false;
  for (let i = 0; i < ws.length && !any; i++) any = fillerStarts.has(ws[i]!) || (i + 1 < ws.length && fillerStarts.has(`${ws[i]} ${ws[i + 1]}`));
  if (!any) return text;
  let out = lower;
  for (const [re, , phrase] of fillers) if (out.includes(phrase!) && !own.has(phrase!)) out = out.replace(re, '').replace(/\s{2,}/g, ' ').trim();
  return out === lower ? text : out;
}
let fillers: [RegExp, string, string | undefined][] | undefined;
let fillerStarts: Set<string> | undefined;

/** A phrase's question words ("whats", "who") and auxiliaries: a pack writes the rest of the phrase, not them. */
const ASKING = /^(?:(?:whats|what|who|why|how|is|are|was|were|does|do|did) )+/;

/**
 * The idioms' phrases a pack's own text writes (`text`: its words joined by spaces, padded with spaces), or writes
 * without their question words: a pack that says "the case for keeping X" means what "what's the case for X" says.
 */
export function idiomsWritten(text: string): Set<string> {
  idioms ??= buildIdioms();
  const writes = (phrase: string) => {
    const rest = phrase.replace(ASKING, '');
    return text.includes(` ${phrase} `) || (rest !== phrase && rest.includes(' ') && text.includes(` ${rest} `));
  };
  return new Set(idioms.flatMap(([, , phrase]) => (phrase !== undefined && writes(phrase) ? [phrase] : [])));
}
