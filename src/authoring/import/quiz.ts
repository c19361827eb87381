// Draft quiz items from the deck's figures, definitions and acronyms, for the trainer to review.
import type { GlossaryEntry, QuizItem } from '../../content/schema.js';
import { findFigures, type Figure, type FigureKind } from '../figures.js';
import { definitionOf, sentences } from './units.js';

export interface QuizSection {
  id: string;
  slide?: string;
  units: { id: string; text: string; kind: string }[];
}

/** Most drafts written: enough for several quizzes without burying the trainer in review. */
export const MAX_DRAFTS = 30;
const ASKED: FigureKind[] = ['percent', 'count', 'money', 'year'];

/** A stable spot for the right answer, so drafts do not always put it first (and output is reproducible). */
function spot(id: string, n: number): number {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % n;
}

function clipWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:.]+$/, '')}…`;
}

const source = (s: QuizSection) => ({ section: s.id, ...(s.slide ? { slide: s.slide } : {}) });

// ---- figures --------------------------------------------------------------------------------------

function format(kind: FigureKind, value: number, like: Figure): string {
  if (kind === 'percent') return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
  if (kind === 'year') return String(value);
  const scale = /\b(thousand|million|billion|trillion|bn)\b/i.exec(like.text)?.[1];
  const div = scale ? { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9 }[scale.toLowerCase()]! : 1;
  const n = value / div;
  const num = scale ? `${Number(n.toPrecision(3))} ${scale}` : Math.round(n).toLocaleString('en-US');
  const currency = kind === 'money' ? /^(US\$|USD\s?|\$|€|£|EUR\s?|GBP\s?)/i.exec(like.text)?.[1] ?? '' : '';
  return `${currency}${num}`;
}

/** Wrong values: the deck's other figures of the same kind nearest to the right one, else plausible neighbours. */
function wrongValues(right: Figure, pool: number[], avoid: number[]): number[] {
  const gap = right.kind === 'percent' ? 3 : right.kind === 'year' ? 1 : Math.max(1, Math.abs(right.value) * 0.1);
  const ok = (v: number, taken: number[]) => v >= 0 && (right.kind !== 'percent' || v <= 100) && taken.every((t) => Math.abs(t - v) >= gap);
  const taken = [right.value, ...avoid];
  const out: number[] = [];
  const near = [...new Set(pool)].sort((a, b) => Math.abs(a - right.value) - Math.abs(b - right.value));
  const made =
    right.kind === 'percent' ? [right.value + 10, right.value - 10, right.value + 20, right.value - 20, right.value + 5]
    : right.kind === 'year' ? [right.value - 2, right.value + 2, right.value - 5, right.value + 1]
    : [0.5, 1.5, 2, 0.75].map((k) => Number((right.value * k).toPrecision(2)));
  for (const v of [...near.filter((v) => right.kind !== 'count' || (v > right.value / 5 && v < right.value * 5)), ...made]) {
    if (out.length === 3) break;
    if (ok(v, taken)) {
      out.push(v);
      taken.push(v);
    }
  }
  return out;
}

function figureItem(section: QuizSection, unit: QuizSection['units'][number], pools: Map<FigureKind, number[]>): QuizItem | undefined {
  for (const sentence of sentences(unit.text)) {
    if (sentence.length < 30 || sentence.length > 240) continue;
    const figures = findFigures(sentence);
    const right = ASKED.map((k) => figures.find((f) => f.kind === k)).find((f) => f !== undefined);
    if (!right) continue;
    const wrong = wrongValues(right, pools.get(right.kind) ?? [], figures.map((f) => f.value));
    if (wrong.length < 2) continue;
    const values = [right.value, ...wrong].sort((a, b) => a - b);
    const id = `draft-figure-${unit.id}`;
    return {
      id,
      question: `Fill in the blank: “${sentence.slice(0, right.index)}___${sentence.slice(right.index + right.text.length)}”`,
      choices: values.map((v) => format(right.kind, v, right)),
      answer: values.indexOf(right.value),
      explanation: clipWords(`The deck says: “${sentence}”`, 300),
      source: source(section),
      draft: true,
    };
  }
  return undefined;
}

// ---- definitions and acronyms -------------------------------------------------------------------

function choiceItem(id: string, question: string, right: string, others: string[], explanation: string, section: QuizSection): QuizItem | undefined {
  const wrong = [...new Set(others.map((o) => clipWords(o, 110)))].filter((o) => o.toLowerCase() !== right.toLowerCase()).slice(0, 3);
  if (wrong.length < 2) return undefined;
  const at = spot(id, wrong.length + 1);
  const choices = [...wrong.slice(0, at), right, ...wrong.slice(at)];
  return { id, question, choices, answer: at, explanation: clipWords(explanation, 300), source: source(section), draft: true };
}

function definitionItems(sections: QuizSection[]): QuizItem[] {
  const defs = sections.flatMap((s) =>
    s.units.filter((u) => u.kind === 'definition').flatMap((u) => {
      const first = sentences(u.text)[0] ?? u.text;
      const d = definitionOf(first);
      if (!d) return [];
      const text = clipWords(d.definition.replace(/\.$/, ''), 110);
      return [{ section: s, unit: u, term: d.term, text: text.charAt(0).toUpperCase() + text.slice(1), sentence: first }];
    }),
  );
  return defs.flatMap((d, i) => {
    // The nearest other definitions make the wrong choices: same deck, same register.
    const others = [...defs.slice(i + 1), ...defs.slice(0, i)].filter((o) => o.term.toLowerCase() !== d.term.toLowerCase()).map((o) => o.text);
    const item = choiceItem(`draft-definition-${d.unit.id}`, `Which of these describes “${d.term}”?`, d.text, others, `The deck says: “${d.sentence}”`, d.section);
    return item ? [item] : [];
  });
}

function acronymItems(glossary: (GlossaryEntry & { section: QuizSection })[]): QuizItem[] {
  return glossary.flatMap((g, i) => {
    const others = [...glossary.slice(i + 1), ...glossary.slice(0, i)].map((o) => o.expansion);
    const slug = g.term.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'term';
    const item = choiceItem(`draft-acronym-${slug}`, `What does ${g.term} stand for?`, g.expansion, others, `${g.term} stands for ${g.expansion}.`, g.section);
    return item ? [item] : [];
  });
}

/** Figure, definition and acronym questions taken in turn, so a short quiz mixes them; at most MAX_DRAFTS. */
export function draftQuiz(sections: QuizSection[], glossary: (GlossaryEntry & { section: QuizSection })[]): QuizItem[] {
  const pools = new Map<FigureKind, number[]>();
  for (const s of sections) for (const u of s.units) for (const f of findFigures(u.text)) pools.set(f.kind, [...(pools.get(f.kind) ?? []), f.value]);
  const figures = sections.flatMap((s) => s.units.filter((u) => u.kind === 'statistic').map((u) => figureItem(s, u, pools)).filter((q): q is QuizItem => q !== undefined));
  const lists = [figures, definitionItems(sections), acronymItems(glossary)];
  const out: QuizItem[] = [];
  const ids = new Set<string>();
  for (let i = 0; out.length < MAX_DRAFTS && lists.some((l) => i < l.length); i++) {
    for (const l of lists) {
      const q = l[i];
      if (q && !ids.has(q.id) && out.length < MAX_DRAFTS) {
        ids.add(q.id);
        out.push(q);
      }
    }
  }
  return out;
}
