// An indicator's global figure as the pack states it: the count or share, what it is out of, and where it comes from.
import type { Content, Indicator, Population } from './schema.js';

/** What an indicator's figure counts out of: its own population, else the set's (undefined when neither says). */
export function populationOf(content: Content, ind: Indicator): Population | undefined {
  return ind.global?.of ?? content.indicatorSet.population;
}

/** A count as people read it: "8,100,000,000", not "8100000000". */
export const formatCount = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 20 });

/** "153", "132 (68%)", "93%": the pack's figure as given, never a derived one. */
export function globalFigure(ind: Indicator): string | undefined {
  const g = ind.global;
  if (!g) return undefined;
  if (g.count !== undefined && g.share !== undefined) return `${formatCount(g.count)} (${g.share}%)`;
  if (g.count !== undefined) return formatCount(g.count);
  return `${g.share}%`;
}

/** "120 of the 150 partner towns in 2021": the figure with its population and year. */
export function describeFigure(content: Content, ind: Indicator): string | undefined {
  const figure = globalFigure(ind);
  if (!figure) return undefined;
  const of = populationOf(content, ind);
  const y = ind.global?.year;
  // "of the 194 countries assessed in the 2024 index": the label may already say the year.
  const year = y && !(of && new RegExp(`\\b${y}\\b`).test(of.label)) ? ` in ${y}` : '';
  return of ? `${figure} of the ${formatCount(of.count)} ${of.label}${year}` : `${figure}${year}`;
}

/** Where the indicators' figures come from by default: the set's source. */
export const setSource = (content: Content): string | undefined => content.indicatorSet.source;
