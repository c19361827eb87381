// Turns a workshop's content into searchable documents: deck units, indicators, glossary entries, meta facts.
import { describeFigure, populationOf } from './figures.js';
import type { Content, Section } from './schema.js';

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
  /** Kinds of question this doc answers by its nature: "who", "when", "contact". */
  cues: string[];
}

function sectionCitation(section: Section, figure?: string): string {
  const parts = [section.title];
  if (figure) parts[0] += `, ${figure}`;
  if (section.source) parts.push(section.source);
  return parts.join(' - ');
}

function unitDocs(content: Content): SearchDoc[] {
  return content.sections.flatMap((section) =>
    section.units.map((u) => ({
      ref: `u:${u.id}`,
      kind: 'unit' as const,
      unitKind: u.kind,
      title: section.title,
      text: u.text,
      keywords: u.figure ? [...u.keywords, u.figure] : u.keywords,
      source: { id: section.id, title: sectionCitation(section, u.figure) },
      cues: [],
    })),
  );
}

function indicatorDocs(content: Content): SearchDoc[] {
  const byId = new Map(content.sections.map((s) => [s.id, s]));
  return content.indicators.map((ind) => {
    const figure = describeFigure(content, ind);
    const of = populationOf(content, ind);
    const text = figure
      ? `${ind.name}: ${figure} have it. What it means: ${ind.definition}`
      : `${ind.name}: the deck gives no figure for how many${of ? ` of the ${of.count} ${of.label}` : ''} have it. What it means: ${ind.definition}`;
    const section = ind.sections.map((id) => byId.get(id)).find((s) => s !== undefined);
    // "Figure 1.30, 2022 UN E-Government Survey" reads like the deck units' citations: "..., Figure 1.30 - survey".
    const where = (ind.global?.source ?? content.indicatorSet.source ?? '').replace(/^(Figure [\d.]+), /, '$1 - ');
    const title = section && !where.includes(section.title) ? (where ? `${section.title}, ${where}` : section.title) : where || ind.name;
    return {
      ref: `i:${ind.id}`,
      kind: 'indicator' as const,
      unitKind: ind.global ? 'statistic' : 'definition',
      title: ind.name,
      text,
      keywords: [ind.label ?? '', 'indicator'].filter(Boolean),
      source: { id: ind.id, title },
      cues: [],
    };
  });
}

/**
 * Each indicator's next step: the project's own advice, not the deck's, so the text and the citation
 * both say so. Only offered when a question asks what to do (see qa/answer.ts).
 */
function nextStepDocs(content: Content): SearchDoc[] {
  return content.indicators.map((ind) => ({
    ref: `n:${ind.id}`,
    kind: 'nextstep' as const,
    unitKind: 'advice',
    title: ind.name,
    text: `Recommended next step for ${ind.name} (this assistant's suggestion, not a statement from the deck): ${ind.nextStep}`,
    keywords: [ind.label ?? '', 'indicator'],
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

/**
 * Words people use for the session itself and its speaker; generic, so any workshop's meta works.
 * Every meta doc holds them, and a question's weight on them is light (see qa/lexicon.ts).
 */
export const SESSION_WORDS = [
  'workshop', 'session', 'presentation', 'talk', 'deck', 'slide', 'slides', 'training', 'course', 'lecture',
  'speaker', 'presenter', 'trainer', 'lecturer', 'facilitator',
];

function metaDocs(content: Content): SearchDoc[] {
  const m = content.meta;
  const source = { id: 'meta', title: 'Title slide' };
  const doc = (field: string, text: string, keywords: string[], cues: string[] = []): SearchDoc => ({
    ref: `m:${field}`,
    kind: 'meta',
    unitKind: 'fact',
    title: field,
    text,
    keywords: [...keywords, ...SESSION_WORDS],
    source,
    cues,
  });
  const docs: SearchDoc[] = [
    doc('title', `This presentation is "${m.title}", part of the ${m.workshop}${m.session ? ` (${m.session})` : ''}.`, [
      'title', 'name', 'called', 'topic', 'subject', 'theme', 'about', 'event', 'training', 'course',
    ]),
  ];
  if (m.session) docs.push(doc('session', `The session is ${m.session}.`, ['session title', 'title', 'called', 'which session', 'number']));
  if (m.presenter) {
    const org = m.organisation ? `, ${m.organisation}` : '';
    docs.push(doc('presenter', `The presentation was given by ${m.presenter}${org}.`, [
      'presenter', 'speaker', 'trainer', 'lecturer', 'presented', 'gave', 'given', 'delivered', 'facilitator', 'author', 'who', 'name', 'instructor',
    ], ['who']));
  }
  if (m.date) docs.push(doc('date', `The session took place on ${m.date}.`, ['date', 'day', 'when', 'held', 'took place', 'time', 'year'], ['when']));
  if (m.organisation) {
    docs.push(doc('organisation', `The session was presented by ${m.organisation}.`, [
      'organization', 'organiser', 'organizer', 'organized', 'institution', 'agency', 'office', 'host', 'hosted', 'behind', 'from', 'united nations', 'un',
    ], ['who']));
  }
  if (m.contact) docs.push(doc('contact', `For questions, contact ${m.presenter ? `${m.presenter} at ` : ''}${m.contact}.`, [
    'contact', 'email', 'e-mail', 'mail', 'address', 'reach', 'get in touch', 'questions', 'follow up',
  ], ['contact']));
  return docs;
}

/** Every searchable document of a workshop, in a fixed order (the index and the answerer must agree). */
export function buildSearchDocs(content: Content): SearchDoc[] {
  return [...unitDocs(content), ...indicatorDocs(content), ...nextStepDocs(content), ...glossaryDocs(content), ...metaDocs(content)];
}
