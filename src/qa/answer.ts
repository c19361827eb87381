// Answers questions from the workshop content: ranks documents by how much of the question they cover.
import lunr from 'lunr';
import { buildSearchDocs } from '../content/docs.js';
import { stem } from '../content/text.js';
import type { Content } from '../content/schema.js';
import { analyze, type Analysis, type Concept } from './analyze.js';
import { formatAnswer } from './format.js';
import { buildLexicon, type DocTerms, type Lexicon } from './lexicon.js';
import { createSuggester, type Suggester } from './suggest.js';
import type { Answer, Answerer } from './types.js';

/** Share of the question's (weighted) meaning a document must cover to be given as the answer. */
export const MIN_COVERAGE = 0.6;
/** A concept held by more than this share of documents is too common to answer on its own. */
const COMMON_SHARE = 0.2;
const CONTEXT_WEIGHT = 0.6;
const SHORT_UNKNOWN_WEIGHT = 1;
const GENERIC_WEIGHT = 0.3;
const LUNR_WEIGHT = 0.1;
/**
 * A stem held by more than this share of documents is left out of the lunr query even inside a concept that
 * narrows the search ("data" in "national data policy"): it barely tells documents apart, and lunr's cost
 * grows with the documents a term matches (these stems made the slowest questions twice as slow).
 */
const LUNR_STEM_SHARE = 0.3;
const SPECIFIC_FACTOR = 2;
/** Stems of words that describe what something does: what "what does X do?" asks for. */
const ROLE_STEMS = ['role', 'respons', 'function', 'task', 'duti', 'mandat'];

interface Weighted {
  concept: Concept;
  weight: number;
  /** Too common (or only about the session) to justify an answer by itself. */
  weak: boolean;
  /** Held by so many docs ("government", "countries") that it cannot tell them apart. */
  common: boolean;
  covered: Set<number>;
}

export interface Ranked {
  doc: DocTerms;
  coverage: number;
  score: number;
  strong: boolean;
  /** Covers what the question asks about, and is the kind of doc that may answer it. */
  fits: boolean;
}

function idf(n: number, df: number): number {
  return Math.log(1 + n / (df + 0.5));
}

/** Docs holding every stem of at least one of the concept's phrases (from the posting lists). */
function coveringDocs(lex: Lexicon, c: Concept): Set<number> {
  const covered = new Set<number>();
  for (const alt of c.alternatives) {
    const lists = alt.map((t) => lex.postings.get(t));
    if (lists.some((l) => l === undefined)) continue;
    const [first, ...rest] = (lists as number[][]).sort((x, y) => x.length - y.length);
    for (const i of first) if (rest.every((l) => l.includes(i))) covered.add(i);
  }
  return covered;
}

function weigh(lex: Lexicon, concepts: Concept[]): Weighted[] {
  const n = lex.docs.length;
  return concepts.map((concept) => {
    const covered = coveringDocs(lex, concept);
    const df = covered.size;
    let weight = idf(n, df);
    // Unknown words count fully (they are what the question is about, and we do not have it),
    // except very short ones, which are mostly typos of small words ("hav", "abt").
    if (df === 0) weight = concept.words.join('').length <= 3 ? SHORT_UNKNOWN_WEIGHT : idf(n, 1);
    if (concept.context) weight = CONTEXT_WEIGHT;
    if (concept.generic) weight = GENERIC_WEIGHT;
    // A named thing (a glossary acronym or phrase: "PNG", "open government data") is what the question
    // is about; a doc that misses it is most likely about something else.
    if (concept.specific) weight *= SPECIFIC_FACTOR;
    const common = !concept.specific && df > Math.max(3, COMMON_SHARE * n);
    const weak = concept.context || concept.generic || common;
    return { concept, weight, weak, common, covered };
  });
}

function lunrScores(lex: Lexicon, index: lunr.Index, weighted: Weighted[]): Map<string, number> {
  const scores = new Map<string, number>();
  const terms = new Map<string, number>();
  const commonDf = Math.max(3, LUNR_STEM_SHARE * lex.docs.length);
  for (const w of weighted) {
    // lunr's cost grows with the docs each term matches: common words and every synonym would
    // make it the slowest step by far, for a tie-breaker. So: the question's own words and the
    // glossary's main phrase, for concepts that narrow the search, and only stems the content has.
    if (!w.covered.size || w.weak) continue;
    const own = w.concept.words.map(stem);
    for (const t of [...own, ...w.concept.alternatives[0]]) {
      const df = lex.postings.get(t)?.length ?? 0;
      if (df > 0 && df <= commonDf) terms.set(t, Math.max(terms.get(t) ?? 0, w.weight));
    }
  }
  if (!terms.size) return scores;
  try {
    // Terms are already normalised and stemmed: never through lunr's query parser (see platforms.md).
    const results = index.query((q) => {
      for (const [t, boost] of terms) q.term(t, { usePipeline: false, boost, presence: lunr.Query.presence.OPTIONAL });
    });
    for (const r of results) scores.set(r.ref, r.score);
  } catch {
    // A lunr failure only loses the tie-breaker; coverage still ranks.
  }
  return scores;
}

function bonus(a: Analysis, d: DocTerms): number {
  const { doc } = d;
  let b = 0;
  const hasNumber = /\d/.test(doc.text);
  if (a.intents.has('numeric')) b += hasNumber && doc.unitKind === 'statistic' ? 0.08 : hasNumber ? 0.03 : -0.1;
  if (a.intents.has('define') && doc.unitKind === 'definition') b += 0.05;
  if (a.intents.has('list') && doc.unitKind === 'list') b += 0.05;
  if (a.intents.has('role') && ROLE_STEMS.some((t) => d.terms.has(t))) b += 0.05;
  if (doc.kind === 'glossary') b += a.intents.has('abbrev') ? 0.1 : -0.08;
  for (const cue of doc.cues) if (a.intents.has(cue as never)) b += 0.3;
  // The form of the answer the question wants: a person or role for "who", a date, a figure.
  for (const kind of d.answers) if (a.intents.has(kind as never)) b += 0.15;
  if (doc.kind === 'nextstep' && a.intents.has('advice')) b += 0.25;
  if (doc.kind === 'meta' && a.intents.has('about') && doc.ref === 'm:title') b += 0.3;
  return b;
}

/**
 * May this doc answer the question? It must cover what is asked about (not just a phrase beside it:
 * "the *population* of PNG" is not answered by what PNG stands for). A glossary entry answers only
 * "what is X / what does X stand for" about its own term; a next step only a request for advice.
 */
function fits(a: Analysis, d: DocTerms, focusCovered: boolean[]): boolean {
  if (!focusCovered.every(Boolean)) return false;
  // "How many people use the portal?" is not answered by a count of countries.
  if (a.counted && !a.counted.alternatives.some((alt) => alt.every((t) => d.counts.has(t)))) return false;
  if (a.intents.has('date') && !d.answers.has('when') && !d.doc.cues.includes('when')) return false;
  // "What is PNG?" is a definition; "what is PNG *known* for?" is not.
  const onlyTerm = a.concepts.every((c) => a.focus.includes(c) || c.generic || c.context);
  if (d.doc.kind === 'glossary') return (a.intents.has('define') || a.intents.has('abbrev')) && focusCovered.length > 0 && onlyTerm;
  if (d.doc.kind === 'nextstep') return a.intents.has('advice');
  return true;
}

/** Every document that covers part of the question, best first. */
export function rank(lex: Lexicon, index: lunr.Index, a: Analysis): Ranked[] {
  const weighted = weigh(lex, a.concepts);
  // A focus word most docs share ("how do *governments* decide...") cannot pick the answer; the rest can.
  const asked = weighted.filter((w) => a.focus.includes(w.concept));
  const focus = asked.some((w) => !w.common) ? asked.filter((w) => !w.common) : asked;
  const total = weighted.reduce((s, w) => s + w.weight, 0);
  if (!total) return [];
  const candidates = new Set<number>();
  for (const w of weighted) for (const i of w.covered) candidates.add(i);
  const ranked: Ranked[] = [];
  const definition = a.intents.has('define') || a.intents.has('abbrev');
  for (const i of candidates) {
    const d = lex.docs[i];
    // Next steps answer only requests for advice: skipped early, they would only cost time.
    if (d.doc.kind === 'nextstep' && !a.intents.has('advice')) continue;
    // A glossary entry is the answer to "what is X?", not to every question that names X.
    const leadCounts = d.doc.kind !== 'glossary' || definition;
    let got = 0;
    let lead = 0;
    let strong = false;
    for (const w of weighted) {
      if (!w.covered.has(i)) continue;
      got += w.weight;
      if (!w.weak) strong = true;
      // The doc is about this concept, not just mentioning it ("Data divide: ..." for the data divide).
      if (leadCounts && w.concept.alternatives.some((alt) => alt.every((t) => d.lead.has(t)))) lead += w.weight;
    }
    if (d.doc.cues.some((c) => a.intents.has(c as never)) || (a.intents.has('about') && (d.doc.ref === 'm:title' || d.doc.ref === 'm:session'))) strong = true;
    const coverage = got / total;
    const score = coverage + 0.25 * (lead / total) + bonus(a, d);
    ranked.push({ doc: d, coverage, score, strong, fits: fits(a, d, focus.map((w) => w.covered.has(i))) });
  }
  const order = (x: Ranked, y: Ranked) => y.score - x.score || x.doc.doc.ref.localeCompare(y.doc.doc.ref);
  ranked.sort(order);
  // lunr's BM25 score (term frequency, field boosts, length) breaks near-ties. It adds at most
  // LUNR_WEIGHT, so when no other strong doc is that close to the best one it cannot change the
  // answer, and the query (the slowest step by far) is skipped.
  // Only docs that could be the answer (strong, fitting, covering enough) are worth separating.
  const contender = (r: Ranked) => r.strong && r.fits && r.coverage >= MIN_COVERAGE;
  const top = ranked.find((r) => r.strong && r.fits);
  if (top && contender(top) && ranked.some((r) => r !== top && contender(r) && top.score - r.score <= LUNR_WEIGHT)) {
    const scores = lunrScores(lex, index, weighted);
    const maxLunr = Math.max(1e-9, ...scores.values());
    for (const r of ranked) r.score += LUNR_WEIGHT * ((scores.get(r.doc.doc.ref) ?? 0) / maxLunr);
    ranked.sort(order);
  }
  return ranked;
}

export interface WorkshopAnswerer extends Answerer {
  /** For tests and tuning: the ranking behind an answer. */
  explain(question: string): { analysis: Analysis; ranked: Ranked[] };
}

export function createAnswerer(content: Content, index: lunr.Index): WorkshopAnswerer {
  const lex = buildLexicon(content, buildSearchDocs(content));
  const suggester: Suggester = createSuggester(content, lex);

  const decline = (question: string, a?: Analysis, ranked: Ranked[] = []): Answer => ({
    question,
    answered: false,
    text:
      a && a.concepts.length
        ? `Sorry, I can't find that in the workshop material ("${content.meta.title}"), so I'd rather not guess.`
        : `Sorry, I didn't catch a question there. I can answer questions about the workshop "${content.meta.title}".`,
    sources: [],
    score: ranked[0] ? Math.round(ranked[0].coverage * 100) / 100 : 0,
    suggestions: suggester.suggest(ranked.map((r) => r.doc.doc)),
  });

  function answer(question: unknown): Answer {
    const q = typeof question === 'string' ? question : '';
    try {
      const analysis = analyze(lex, q);
      const ranked = rank(lex, index, analysis);
      // The best doc that rests on something specific; a weaker-ranked doc is never promoted past it.
      // A question about something outside the workshop ("the prime minister of Australia") is
      // declined however many of its other words the deck shares.
      if (analysis.outside.length) return decline(q, analysis, ranked);
      const best = ranked.find((r) => r.strong && r.fits);
      if (!best || best.coverage < MIN_COVERAGE) return decline(q, analysis, ranked);
      const { text, sources } = formatAnswer(best.doc.doc);
      return { question: q, answered: true, text, sources, score: Math.round(best.coverage * 100) / 100, suggestions: [] };
    } catch {
      // Never let one odd question break a conversation: decline kindly instead.
      return decline(q);
    }
  }

  return {
    answer,
    explain(question: string) {
      const analysis = analyze(lex, question);
      return { analysis, ranked: rank(lex, index, analysis) };
    },
  };
}
