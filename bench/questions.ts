// Paraphrased workshop questions for the answering benchmark: templates x content terms, with typos.
import type { Content } from '../src/content/schema.js';

/** A small seeded PRNG (mulberry32), so every run asks the same questions. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEMPLATES = [
  'What is {t}?',
  'what does {t} mean',
  'Can you explain {t}?',
  'define {t}',
  'tell me about {t}',
  'How many countries have {t}?',
  'Why does {t} matter for digital government?',
  'what is the role of {t}',
  'Explain {t} in simple words please',
  '{t}?',
  'how do we improve {t} in our country',
  'What did the workshop say about {t}?',
];

/** One typo of the kinds people make: a dropped, doubled or swapped letter, or a wrong case. */
function typo(word: string, rnd: () => number): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(rnd() * (word.length - 2));
  switch (Math.floor(rnd() * 4)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word[i] + word.slice(i);
    case 2:
      return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
    default:
      return word.toUpperCase();
  }
}

function withTypos(q: string, rnd: () => number): string {
  return q
    .split(' ')
    .map((w) => (rnd() < 0.15 ? typo(w, rnd) : w))
    .join(' ');
}

/** Terms people ask about: glossary terms and synonyms, indicator names, section titles. */
export function contentTerms(content: Content): string[] {
  const terms = new Set<string>();
  for (const g of content.glossary) {
    terms.add(g.term);
    for (const s of g.synonyms) terms.add(s);
  }
  for (const i of content.indicators) terms.add(i.name.toLowerCase());
  for (const s of content.sections) terms.add(s.title.replace(/^what is (a |an |the )?/i, '').toLowerCase());
  return [...terms];
}

/** `count` questions: the sections' own questions, and templates filled with terms, about a third with typos. */
export function generateQuestions(content: Content, count: number, seed = 42): string[] {
  const rnd = prng(seed);
  const terms = contentTerms(content);
  const own = content.sections.flatMap((s) => s.questions ?? []);
  const out: string[] = [];
  while (out.length < count) {
    const base =
      own.length && rnd() < 0.2
        ? own[Math.floor(rnd() * own.length)]!
        : TEMPLATES[Math.floor(rnd() * TEMPLATES.length)]!.replace('{t}', terms[Math.floor(rnd() * terms.length)]!);
    out.push(rnd() < 0.35 ? withTypos(base, rnd) : base);
  }
  return out;
}
