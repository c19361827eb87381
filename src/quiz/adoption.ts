// Global adoption of an indicator (a count and a share of its population), and the deck citations for it.
import { formatCount, populationOf } from '../content/figures.js';
import type { Content, Indicator, Population, SourceRef } from '../content/schema.js';

export interface GlobalAdoption {
  /** How many have it, when the pack gives a count. */
  count?: number;
  /** Out of what ("150 partner towns"), when the pack says. */
  of?: Population;
  /** Percent, 0-100: the pack's share, else count / population. Not rounded. */
  share: number;
  year?: number;
  /** Where the figure comes from, as the content gives it. */
  source: string;
}

export function globalAdoption(content: Content, indicator: Indicator): GlobalAdoption | undefined {
  const g = indicator.global;
  if (!g) return undefined;
  const of = populationOf(content, indicator);
  const share = g.share ?? (g.count !== undefined && of ? (g.count / of.count) * 100 : undefined);
  if (share === undefined) return undefined;
  return { count: g.count, of, share, year: g.year, source: g.source };
}

/** "the 150 partner towns", or "countries" when the pack does not say. */
export const populationText = (of: Population | undefined): string => (of ? `the ${formatCount(of.count)} ${of.label}` : 'countries');

/** Whole percent for people to read (used by follow-up reports too). */
export const pct = (share: number): number => Math.round(share);

export function sectionTitle(content: Content, id: string): string | undefined {
  return content.sections.find((s) => s.id === id)?.title;
}

/**
 * The titles of the deck sections an indicator points to, to read. Unknown ids are skipped, and so is
 * a section whose sub-section is also listed: the sub-section is the more precise pointer.
 */
export function sectionTitles(content: Content, ids: readonly string[]): string[] {
  const listed = content.sections.filter((s) => ids.includes(s.id));
  const parents = new Set(listed.map((s) => s.parent).filter((p) => p !== undefined));
  return ids
    .filter((id) => !parents.has(id))
    .map((id) => sectionTitle(content, id))
    .filter((t): t is string => t !== undefined);
}

/** "Legal basis, Figure 2.4": a content SourceRef as people read it. */
export function citeSource(content: Content, ref: SourceRef): string {
  const title = sectionTitle(content, ref.section) ?? ref.section;
  const where = ref.figure
    ? /^\d/.test(ref.figure) ? `Figure ${ref.figure}` : ref.figure
    : ref.slide
      ? /^\d/.test(ref.slide) ? `slide ${ref.slide}` : ref.slide
      : undefined;
  return where ? `${title}, ${where}` : title;
}

/** The citation for an indicator's global figure: its first section and the figure's source. */
export function citeIndicator(content: Content, indicator: Indicator): string {
  const title = indicator.sections.map((id) => sectionTitle(content, id)).find((t) => t !== undefined);
  const source = indicator.global?.source;
  if (title && source && !source.includes(title)) return `${title}, ${source}`;
  return source ?? title ?? content.indicatorSet.source ?? indicator.name;
}
