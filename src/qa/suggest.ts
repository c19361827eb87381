// Picks two or three questions the bot can answer, to offer when it cannot answer the one asked.
import type { SearchDoc } from '../content/docs.js';
import type { Content } from '../content/schema.js';
import type { Lexicon } from './lexicon.js';

export interface Suggester {
  /** Suggestions led by the sections of `related` docs (best first), filled up with general ones. */
  suggest(related: SearchDoc[]): string[];
}

export function createSuggester(content: Content, _lex: Lexicon): Suggester {
  const bySection = new Map<string, string[]>();
  for (const s of content.sections) {
    // A section without its own questions still offers one built from its title.
    bySection.set(s.id, s.questions?.length ? s.questions : [`Tell me about ${s.title}`]);
  }
  const sectionOf = (doc: SearchDoc): string | undefined => {
    if (doc.kind === 'unit') return doc.source.id;
    if (doc.kind === 'indicator' || doc.kind === 'nextstep') return content.indicators.find((i) => i.id === doc.source.id)?.sections[0];
    return undefined;
  };
  // General suggestions: spread over the deck (first, middle, last section that has questions).
  const all = content.sections.filter((s) => s.questions?.length);
  const spread = all.length ? [all[0], all[Math.floor(all.length / 2)], all[all.length - 1]] : content.sections.slice(0, 3);
  const general = [...new Set(spread.map((s) => bySection.get(s.id)![0]))];
  if (content.meta.presenter) general.push('Who gave the presentation?');

  return {
    suggest(related) {
      const out: string[] = [];
      const add = (q: string | undefined) => {
        if (q && !out.includes(q) && out.length < 3) out.push(q);
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
