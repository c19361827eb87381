// Turns a workshop's content into searchable documents: deck units, indicators, glossary entries, meta facts.
import { describeFigure } from '../content/figures.js';
import type { Content, Section } from '../content/schema.js';
import { wordSet } from './word-lists.js';

export type DocKind = 'unit' | 'indicator' | 'nextstep' | 'glossary' | 'meta';

/** One answerable thing: what search matches and what the bot says when it is the best match. */
export interface SearchDoc {
  /** Stable reference used by the lunr index: `u:<unit>`, `i:<indicator>`, `n:<indicator>`, `g:<n>`, `m:<field>`. */
  ref: string;
  kind: DocKind;
  /** The unit kind for deck units ("definition", "statistic"...), else the doc kind. */
  unitKind: string;
  /** Searched with a boost: the section title, indicator name, glossary term. */
  title: string;
  /** Shown to people as the answer (before the citation). */
  text: string;
  /** Searched, never shown. */
  keywords: string[];
  /** Where the answer comes from: the id and the citation people read. */
  source: { id: string; title: string };
  /** Kinds of question this doc answers by its nature: "who", "when", "where", "contact", "about", "outline". */
  cues: string[];
  /** Units: their section, and their place in it (0-based), for "tell me more" and neighbouring units. */
  section?: string;
  position?: number;
}

function sectionCitation(section: Section, figure?: string): string {
  const parts = [section.title];
  if (figure) parts[0] += `, ${figure}`;
  if (section.source) parts.push(section.source);
  return parts.join(' - ');
}

function unitDocs(content: Content): SearchDoc[] {
  return content.sections.flatMap((section) =>
    section.units.map((u, position) => ({
      ref: `u:${u.id}`,
      kind: 'unit' as const,
      unitKind: u.kind,
      title: section.title,
      text: u.text,
      keywords: u.figure ? [...u.keywords, u.figure] : u.keywords,
      source: { id: section.id, title: sectionCitation(section, u.figure) },
      cues: [],
      section: section.id,
      position,
    })),
  );
}

function indicatorDocs(content: Content): SearchDoc[] {
  const byId = new Map(content.sections.map((s) => [s.id, s]));
  return content.indicators.map((ind) => {
    const figure = describeFigure(content, ind);
    const text = figure
      ? `${ind.name}: ${figure} have it. What it means: ${ind.definition}`
      : `${ind.name}: ${NO_FIGURE}${ind.definition}`;
    const section = ind.sections.map((id) => byId.get(id)).find((s) => s !== undefined);
    // "Figure 2.4, the 2021 survey" reads like the deck units' citations: "..., Figure 2.4 - survey".
    const where = (ind.global?.source ?? content.indicatorSet.source ?? '').replace(/^(Figure [\d.]+), /, '$1 - ');
    const title = section && !where.includes(section.title) ? (where ? `${section.title}, ${where}` : section.title) : where || ind.name;
    return {
      ref: `i:${ind.id}`,
      kind: 'indicator' as const,
      unitKind: ind.global ? 'statistic' : 'definition',
      title: ind.name,
      text,
      keywords: [ind.label ?? ''].filter(Boolean),
      source: { id: ind.id, title },
      cues: [],
    };
  });
}

/** What an indicator the pack gives no figure for says between its name and its definition. */
export const NO_FIGURE = 'the deck gives no figure for how many have it. What it means: ';

/**
 * Each indicator's next step: the pack's advice, not the deck's, so the text and the citation both say
 * so. Only offered when a question asks what to do.
 */
function nextStepDocs(content: Content): SearchDoc[] {
  return content.indicators.map((ind) => ({
    ref: `n:${ind.id}`,
    kind: 'nextstep' as const,
    unitKind: 'advice',
    title: ind.name,
    text: `Recommended next step for ${ind.name} (this assistant's suggestion, not a statement from the deck): ${ind.nextStep}`,
    keywords: [ind.label ?? ''].filter(Boolean),
    source: { id: ind.id, title: `Indicator "${ind.name}", recommended next step (not from the deck)` },
    cues: [],
  }));
}

function glossaryDocs(content: Content): SearchDoc[] {
  return content.glossary.map((g, i) => ({
    ref: `g:${i}`,
    kind: 'glossary' as const,
    unitKind: 'definition',
    title: g.term,
    text: `${g.term}: ${g.expansion}`,
    keywords: g.synonyms,
    source: { id: 'glossary', title: 'Glossary' },
    cues: [],
  }));
}

/** The sections people would name as the deck's parts: top-level ones, or all when none nest. */
function outline(content: Content): string {
  const top = content.sections.filter((s) => !s.parent);
  const titles = (top.length >= 3 ? top : content.sections).map((s) => s.title);
  const head = `"${content.meta.title}" covers: `;
  const said = (parts: string[]) => `${head}${parts.join('; ')}.`;
  // Every part, by its title; when that is too long, by the titles' heads ("Why go online: licensing before
  // 2019" -> "Why go online"); and when even those are, as many as fit and how many more there are.
  // (Within OUTLINE_CHARS: room for the citation within an answer's 600 characters.)
  if (said(titles).length <= OUTLINE_CHARS) return said(titles);
  const heads = titles.map((t) => t.split(/:\s|\s[-–—]\s/)[0]!.trim() || t);
  if (said(heads).length <= OUTLINE_CHARS) return said(heads);
  const shown: string[] = [];
  for (const [i, h] of heads.entries()) {
    const more = `and ${heads.length - i - 1} more`;
    if (said([...shown, h, more]).length > OUTLINE_CHARS) break;
    shown.push(h);
  }
  return said([...shown, `and ${heads.length - shown.length} more parts`]);
}
/** The most an outline may say, leaving room for its citation within an answer. */
const OUTLINE_CHARS = 480;

/**
 * The title slide as documents, one a fact. Each is searched with the words people use for that fact
 * (lexicon/people.txt) and for the session itself, so any workshop's meta answers alike.
 */
function metaDocs(content: Content): SearchDoc[] {
  const m = content.meta;
  const source = { id: 'meta', title: 'Title slide' };
  // Every fact of the title slide belongs to the session: "the presenter of session 2" is its presenter.
  const session = [...wordSet('session'), ...wordSet('person'), ...(m.session ? [m.session.split(':')[0]!] : [])];
  const doc = (field: string, text: string, cues: string[] = []): SearchDoc => ({
    ref: `m:${field}`,
    kind: 'meta',
    unitKind: 'fact',
    title: field,
    text,
    keywords: [...wordSet(`meta-${field}`), ...session],
    source,
    cues,
  });
  const docs: SearchDoc[] = [
    doc('title', `This presentation is "${m.title}", part of the ${m.workshop}${m.session ? ` (${m.session})` : ''}.`),
  ];
  if (m.session) docs.push(doc('session', `The session is ${m.session}.`));
  if (m.presenter) {
    const org = m.organisation ? `, ${m.organisation}` : '';
    docs.push(doc('presenter', `The presentation was given by ${m.presenter}${org}.`, ['who']));
  }
  if (m.date) docs.push(doc('date', `The session took place on ${m.date}.`, ['when']));
  if (m.location) docs.push(doc('location', `The workshop was held in ${m.location}.`, ['where']));
  if (m.organisation) docs.push(doc('organisation', `The session was presented by ${m.organisation}.`));
  if (m.contact) docs.push(doc('contact', `For questions, contact ${m.presenter ? `${m.presenter} at ` : ''}${m.contact}.`, ['contact']));
  docs.push({ ...doc('outline', outline(content), ['about', 'outline']), source: { id: 'meta', title: 'Outline of the deck' } });
  return docs;
}

/**
 * A doc with every field, written in one order: units, indicators and the title slide's facts then have one
 * shape (hidden class), so the answering code that reads `d.doc.kind` for every candidate stays optimised.
 */
function oneShape(d: SearchDoc): SearchDoc {
  return { ref: d.ref, kind: d.kind, unitKind: d.unitKind, title: d.title, text: d.text, keywords: d.keywords, source: d.source, cues: d.cues, section: d.section, position: d.position };
}

/** Every searchable document of a workshop, in a fixed order (the index and the answerer must agree). */
export function buildSearchDocs(content: Content): SearchDoc[] {
  return [...unitDocs(content), ...indicatorDocs(content), ...nextStepDocs(content), ...glossaryDocs(content), ...metaDocs(content)].map(oneShape);
}
