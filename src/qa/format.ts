// Puts answers into words, in one place: the documents' text and their citation (within the 600-character limit),
// and a whole answer with the questions offered on a decline, for the chat and for `workshop-bot ask`.
import type { SearchDoc } from './docs.js';
import type { Answer, AnswerSource } from './types.js';
import { wordSet } from './word-lists.js';

export const MAX_ANSWER_CHARS = 600;

/**
 * Does a sentence end at the full stop at `dot`? Not after a short title that a name follows ("presented by
 * Dr. Mira Tolvanen"). (A lone capital may be an initial, "J. Smith", or end one: "in Zones A and B. About...".)
 */
function endsSentence(text: string, dot: number): boolean {
  const word = /(?:^|[^A-Za-z])([A-Za-z]+)$/.exec(text.slice(Math.max(0, dot - 6), dot))?.[1] ?? '';
  return !wordSet('title-abbrev').has(word.toLowerCase());
}

/** The text's sentences, each with its closing mark: a break after ".", "!" or "?" before a capital, a digit or a quote. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of text.matchAll(/(?<=[.!?])\s+(?=[A-Z0-9"'])/g)) {
    if (text[m.index - 1] === '.' && !endsSentence(text, m.index - 1)) continue;
    out.push(text.slice(from, m.index));
    from = m.index + m[0].length;
  }
  out.push(text.slice(from));
  return out;
}

/** Cuts text to `max` characters at a sentence or word boundary, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = [...text].slice(0, max - 1).join('');
  let sentence = cut.lastIndexOf('. ');
  while (sentence > max * 0.6 && !endsSentence(cut, sentence)) sentence = cut.lastIndexOf('. ', sentence - 1);
  if (sentence > max * 0.6) return cut.slice(0, sentence + 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max - 1).trimEnd()}…`;
}

/** The longest citation, and the part of it always kept: the section's title comes first in it. */
const MAX_CITATION = 200;
const MIN_CITATION = 80;
/**
 * The citation of these docs in `room` characters (within MIN_CITATION and MAX_CITATION). When their titles with
 * their lists of sources do not fit, the sections' own names come first, so that an answer from two sections
 * names both; then as much of the rest as fits.
 */
function citation(docs: SearchDoc[], room = MAX_CITATION): string {
  const max = Math.max(MIN_CITATION, Math.min(MAX_CITATION, room));
  const titles = [...new Set(docs.map((d) => d.source.title))];
  let text = titles.join('; ');
  if (text.length > max && titles.length > 1) {
    // (A unit's citation is its section's title, perhaps its figure, then " - " and the section's sources; a
    // section cited twice, once with a figure, is one section.)
    const name = (d: SearchDoc) => {
      const cut = d.source.title.startsWith(d.title) ? d.source.title.indexOf(' - ', d.title.length) : -1;
      return cut < 0 ? d.source.title : d.source.title.slice(0, cut);
    };
    const sections = new Map<string, string>();
    for (const d of docs) if (!sections.has(d.source.id)) sections.set(d.source.id, name(d));
    text = [...sections.values()].join('; ');
  }
  // (Never a cut that leaves a separator hanging: "Section name -…".)
  return ` (Source: ${clip(text, max).replace(/\s*[-;,:]\s*…$/, '…')})`;
}
/** What a citation adds around its titles. */
const CITATION_FRAME = ' (Source: )'.length;

/**
 * The text of one or more docs (in the order given, `between` each two) and one citation, within MAX_ANSWER_CHARS.
 * What the docs say comes first: a long list of sources is cut to leave it room, never the other way round.
 */
export function formatDocs(docs: SearchDoc[], lead = '', between = ' '): { text: string; sources: AnswerSource[] } {
  const body = docs.map((d) => d.text).join(between);
  const cite = citation(docs, MAX_ANSWER_CHARS - lead.length - body.length - CITATION_FRAME);
  const text = `${lead}${clip(body, MAX_ANSWER_CHARS - cite.length - lead.length)}${cite}`;
  return { text, sources: sourcesOf(docs) };
}

/** The sources of these docs, each once. */
export function sourcesOf(docs: SearchDoc[]): AnswerSource[] {
  const sources: AnswerSource[] = [];
  for (const d of docs) if (!sources.some((s) => s.id === d.source.id)) sources.push({ id: d.source.id, title: d.source.title });
  return sources;
}

/** Would these docs fit in one answer without cutting? */
export function fitsTogether(docs: SearchDoc[], lead = ''): boolean {
  return lead.length + docs.reduce((n, d) => n + d.text.length + 1, 0) + citation(docs, MIN_CITATION).length <= MAX_ANSWER_CHARS;
}

/** An answer as parts: what it says, and the questions it offers instead when it declines. */
export interface AnswerParts {
  body: string;
  offered: string[];
}

export function answerParts(a: Answer): AnswerParts {
  return { body: a.text, offered: a.answered ? [] : a.suggestions };
}

/** An answer as one text: the body, then "You could ask:" and the offered questions, each after `bullet`. */
export function renderAnswer(a: Answer, bullet = '• '): string {
  const { body, offered } = answerParts(a);
  return offered.length ? `${body}\n\nYou could ask:\n${offered.map((s) => `${bullet}${s}`).join('\n')}` : body;
}
