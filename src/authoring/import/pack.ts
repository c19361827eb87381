// Turns the read slides into a draft content pack: meta, sections of units, glossary, quiz drafts, examples.
import type { GlossaryEntry, Meta, QuizItem, Section } from '../../content/schema.js';
import { findFigures } from '../figures.js';
import { findAcronyms } from './acronyms.js';
import { draftMeta } from './meta.js';
import { squash, type Page, type SourceDeck } from './model.js';
import { draftQuiz, type QuizSection } from './quiz.js';
import { definitionOf, pageUnits, type UnitDraft } from './units.js';

export interface DraftPack {
  meta: Meta;
  sections: Section[];
  indicators: { set: { name: string }; indicators: [] };
  glossary: GlossaryEntry[];
  quiz: QuizItem[];
}

export interface ImportSummary {
  files: { file: string; format: SourceDeck['format']; pages: number }[];
  metaFound: (keyof Meta)[];
  sections: number;
  units: number;
  statistics: number;
  definitions: number;
  figures: number;
  glossary: number;
  quiz: number;
  /** Texts left out because an earlier unit says the same. */
  repeats: number;
  /** What the import could not place, one line each ("slide 9 "Thank you": no text besides the title"). */
  unplaced: string[];
}

const MAX_TITLE = 120;

/** "Widgets: Why?" -> "widgets-why"; accents folded, at most 40 characters. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s || 'section';
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

const clipTitle = (t: string) => (t.length <= MAX_TITLE ? t : `${t.slice(0, MAX_TITLE - 1).replace(/\s+\S*$/, '')}…`);
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Same words, whatever the case, spacing and punctuation: a repeat. */
const sameKey = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The first page is a title slide when laid out as one, or when it holds a few short lines and nothing else. */
function isTitlePage(page: Page | undefined, deck: SourceDeck, pages: number): page is Page {
  if (!page || pages < 2) return false;
  if (page.titleLayout) return true;
  if (deck.format === 'markdown') return false;
  const chars = page.blocks.reduce((n, b) => n + (b.kind === 'paragraph' ? b.text.length : b.kind === 'bullets' ? b.items.reduce((m, i) => m + i.text.length, 0) : 999), 0);
  return chars <= 300 && !page.blocks.some((b) => b.kind === 'table');
}

interface Placed {
  deck: SourceDeck;
  page: Page;
  section: Section;
}

export function buildPack(decks: SourceDeck[]): { pack: DraftPack; summary: ImportSummary } {
  const first = decks[0]!;
  const allPages = decks.reduce((n, d) => n + d.pages.length, 0);
  const titlePage = isTitlePage(first.pages[0], first, allPages) ? first.pages[0] : undefined;
  const metaDraft = draftMeta(titlePage, first);
  const unplaced: string[] = decks.flatMap((d) => d.skipped.map((s) => (s.startsWith(d.file) ? s : `${d.file}: ${s}`)));
  const several = decks.length > 1;
  const at = (deck: SourceDeck, page: Page) => (several ? `${deck.file} ${page.where}` : page.where);
  for (const line of metaDraft.unplaced) unplaced.push(`${at(first, titlePage!)} (title slide): "${line}" is not a title, presenter, date, organisation or place`);

  const ids = new Set<string>();
  const seen = new Set<string>();
  let repeats = 0;
  const placed: Placed[] = [];
  const parents: { level: number; id: string }[] = [];
  const place = (deck: SourceDeck, page: Page, title: string, drafts: UnitDraft[], sources: string[]) => {
    const units = drafts.filter((u) => {
      const key = sameKey(u.text);
      if (seen.has(key)) {
        repeats++;
        return false;
      }
      seen.add(key);
      return true;
    });
    const pictures = page.images ? `${page.images} picture${page.images === 1 ? '' : 's'} or chart${page.images === 1 ? '' : 's'} (not read)` : '';
    if (!units.length) {
      unplaced.push(`${at(deck, page)} "${title}": ${pictures ? `only ${pictures}` : drafts.length ? 'repeats text placed earlier' : 'no text besides the title'}`);
      return;
    }
    if (pictures) unplaced.push(`${at(deck, page)} "${title}": ${pictures}`);
    while (parents.length && parents.at(-1)!.level >= page.level) parents.pop();
    const id = uniqueId(slug(title), ids);
    const where = deck.format === 'markdown' ? undefined : page.where;
    const origin = [several ? deck.file : '', where ?? ''].filter(Boolean).join(', ');
    const source = [origin, ...sources].filter(Boolean).join('; ');
    const section: Section = {
      id,
      title,
      ...(where ? { slide: capitalised(where) } : {}),
      ...(parents.length ? { parent: parents.at(-1)!.id } : {}),
      ...(source ? { source } : {}),
      units: units.map((u, i) => ({ id: `${id}-${i + 1}`, kind: u.kind, text: u.text, keywords: [] })),
    };
    const asked = units.map((u) => definitionOf(u.text)?.term).filter((t): t is string => !!t).slice(0, 2);
    if (asked.length) section.questions = asked.map((t) => `What is ${t}?`.slice(0, 200));
    placed.push({ deck, page, section });
    parents.push({ level: page.level, id });
  };

  if (titlePage) {
    // The title slide's longer lines and its speaker notes still say something: kept under the deck's title.
    const { units, sources } = pageUnits({ ...titlePage, blocks: metaDraft.prose.map((text) => ({ kind: 'paragraph', text })) }, metaDraft.meta.title);
    if (units.length) place(first, titlePage, clipTitle(metaDraft.meta.title), units, sources);
    // It stands beside the deck's sections, not above them.
    parents.length = 0;
  }
  for (const deck of decks) {
    for (const page of deck.pages) {
      if (page === titlePage) continue;
      if (page.hidden) {
        unplaced.push(`${at(deck, page)}${page.title ? ` "${squash(page.title)}"` : ''}: hidden slide, left out`);
        continue;
      }
      const title = clipTitle(squash(page.title ?? '') || capitalised(page.where));
      const { units, sources } = pageUnits(page, title);
      place(deck, page, title, units, sources);
    }
  }

  const sections = placed.map((p) => p.section);
  const glossary = draftGlossary(sections);
  const quiz = draftQuiz(sections as QuizSection[], glossary);
  const units = sections.flatMap((s) => s.units);
  const meta: Meta = { ...metaDraft.meta, examples: draftExamples(sections) };
  return {
    pack: { meta, sections, indicators: { set: { name: 'indicators' }, indicators: [] }, glossary: glossary.map(({ term, expansion, synonyms }) => ({ term, expansion, synonyms })), quiz },
    summary: {
      files: decks.map((d) => ({ file: d.file, format: d.format, pages: d.pages.length })),
      metaFound: metaDraft.found,
      sections: sections.length,
      units: units.length,
      statistics: units.filter((u) => u.kind === 'statistic').length,
      definitions: units.filter((u) => u.kind === 'definition').length,
      figures: units.reduce((n, u) => n + findFigures(u.text).length, 0),
      glossary: glossary.length,
      quiz: quiz.length,
      repeats,
      unplaced,
    },
  };
}

/** Acronyms the deck defines, each with its expansion as a synonym, and the section that defines it. */
function draftGlossary(sections: Section[]): (GlossaryEntry & { section: QuizSection })[] {
  const out: (GlossaryEntry & { section: QuizSection })[] = [];
  for (const s of sections) {
    for (const text of [s.title, ...s.units.map((u) => u.text)]) {
      for (const a of findAcronyms(text)) {
        if (out.some((g) => g.term.toLowerCase() === a.term.toLowerCase())) continue;
        out.push({ term: a.term, expansion: a.expansion, synonyms: [a.expansion.toLowerCase()], section: s as QuizSection });
      }
    }
  }
  return out;
}

/** Example questions for /help: a definition or two, then the sections with the most to say. */
export function draftExamples(sections: Section[]): string[] {
  const defined = sections.flatMap((s) => s.questions ?? []).slice(0, 2);
  const titled = [...sections]
    .filter((s) => !s.parent || sections.length < 4)
    .sort((a, b) => b.units.length - a.units.length)
    .map((s) => (/\?$/.test(s.title) ? s.title : `Explain ${/^[A-Z][a-z]/.test(s.title) ? s.title.charAt(0).toLowerCase() + s.title.slice(1) : s.title}`));
  return [...new Set([...defined, ...titled])].filter((q) => q.length <= 200).slice(0, 6);
}

