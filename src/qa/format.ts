// Puts an answer into words: the document's text and its citation, within the 600-character limit.
import type { SearchDoc } from '../content/docs.js';
import type { AnswerSource } from './types.js';

export const MAX_ANSWER_CHARS = 600;

/** Cuts text to `max` characters at a sentence or word boundary, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const sentence = cut.lastIndexOf('. ');
  if (sentence > max * 0.6) return cut.slice(0, sentence + 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max - 1).trimEnd()}…`;
}

export function formatAnswer(doc: SearchDoc): { text: string; sources: AnswerSource[] } {
  const citation = ` (Source: ${clip(doc.source.title, 200)})`;
  const text = `${clip(doc.text, MAX_ANSWER_CHARS - citation.length)}${citation}`;
  return { text, sources: [{ id: doc.source.id, title: doc.source.title }] };
}
