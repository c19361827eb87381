// Picks two or three questions the bot can answer, to offer when it cannot answer the one asked.
import type { Content } from '../content/schema.js';
import { normalizeText } from '../content/text.js';
import type { SearchDoc } from './docs.js';

export interface Suggester {
  /**
   * Suggestions led by the sections of `related` docs (best first), filled up with general ones; never `asked`
   * itself, the question that could not be answered.
   */
  suggest(related: SearchDoc[], asked?: string): string[];
}

/** A question as the answerer reads it, for telling two spellings of one apart ("What is X?", "what is x"). */
const plain = (q: string) => normalizeText(q).trim();

/** `answers` says whether the bot answers a question: a pack's own example it cannot answer is no suggestion. */
export function createSuggester(content: Content, answers: (question: string) => boolean = () => true): Suggester {
  const bySection = new Map<string, string[]>();
  for (const s of content.sections) {
    // A section without its own questions still offers one built from its title.
    bySection.set(s.id, s.questions?.length ? s.questions : [`Tell me about ${s.title}`]);
  }
  const sectionOf = (doc: SearchDoc): string | undefined => {
    if (doc.kind === 'unit') return doc.section;
    if (doc.kind === 'indicator' || doc.kind === 'nextstep') return content.indicators.find((i) => i.id === doc.source.id)?.sections[0];
    return undefined;
  };
  // General suggestions: the pack's own examples, else spread over the deck (first, middle, last section).
  const withQuestions = content.sections.filter((s) => s.questions?.length);
  const pool = withQuestions.length ? withQuestions : content.sections;
  const spread = pool.length ? [pool[0]!, pool[Math.floor(pool.length / 2)]!, pool[pool.length - 1]!] : [];
  const general = [...new Set([...(content.meta.examples ?? []), ...spread.map((s) => bySection.get(s.id)![0]!)])];
  if (content.meta.presenter) general.push('Who gave the presentation?');

  return {
    suggest(related, asked) {
      const out: string[] = [];
      const add = (q: string | undefined) => {
        if (q && !out.includes(q) && out.length < 3 && (asked === undefined || plain(q) !== plain(asked)) && answers(q)) out.push(q);
      };
      for (const doc of related.slice(0, 6)) {
        const id = sectionOf(doc);
        if (id) add(bySection.get(id)?.[0]);
        if (out.length >= 2) break;
      }
      for (const q of general) add(q);
      return out.slice(0, 3);
    },
  };
}
