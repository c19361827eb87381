// Figures in a text: percentages, sums of money, counts and years, as written and as numbers.

export type FigureKind = 'percent' | 'money' | 'count' | 'ratio' | 'year';

export interface Figure {
  kind: FigureKind;
  /** As written: "64%", "1,200", "USD 3 million", "1 in 3", "2019". */
  text: string;
  value: number;
  index: number;
}

const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

const PATTERNS: [FigureKind, RegExp][] = [
  ['percent', /(?<![\w.,])(\d{1,3}(?:[.,]\d{1,2})?)\s?(?:%|per ?cent\b|percent\b)/giu],
  ['money', /(?:US\$|USD\s?|\$|€|£|EUR\s?|GBP\s?)(\d[\d,]*(?:\.\d+)?)(?:\s?(thousand|million|billion|trillion|bn|m|k)\b)?/giu],
  // "1 in 3", "4 out of 5"; not "43 in 2020".
  ['ratio', /(?<![\w.,])(\d{1,3})\s(?:in|out of)\s(?!(?:1[89]|20)\d{2}\b)(\d{1,4})\b(?!\s?%)/giu],
  ['year', /(?<![\w.,$€£:/])((?:1[89]|20)\d{2})(?![\w%:/]|[.,]\d)/gu],
  ['count', /(?<![\w.,$€£#:/-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(thousand|million|billion|trillion|bn)\b)?(?![\w%:/]|[.,]\d|\s?(?:%|per ?cent|percent))/giu],
];

/** Words that make the number after them a name or a place in a series: "Session 2", "Goal 16", "Figure 3". */
const LABEL =
  /\b(?:session|figure|fig\.?|slide|table|page|pages|p\.|goal|sdg|article|section|chapter|step|phase|tier|level|pillar|no\.?|number|annex|box|part|module|principle|target|version|v|web|industry|unit|item|question|q|day|week|round|wave|grade|act|resolution|paragraph|para|clause|rule|iso|group|stage|option|scenario|type|priority|lesson|chart|plan|area)\s*$/i;

export function findFigures(text: string): Figure[] {
  const found: Figure[] = [];
  const taken = (start: number, end: number) => found.some((f) => start < f.index + f.text.length && end > f.index);
  for (const [kind, re] of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      const figure = read(kind, m, text);
      if (figure) found.push({ ...figure, kind, text: m[0].trim(), index: start });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

function read(kind: FigureKind, m: RegExpMatchArray, text: string): { value: number } | undefined {
  const before = text.slice(Math.max(0, m.index! - 16), m.index);
  const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 12);
  const num = Number(m[1]!.replace(/,(?=\d{3}\b)/g, '').replace(',', '.'));
  const scale = SCALE[(m[2] ?? '').toLowerCase()] ?? 1;
  if (!Number.isFinite(num)) return undefined;
  switch (kind) {
    case 'percent':
    case 'money':
      return { value: num * scale };
    case 'ratio':
      return Number(m[2]) > num ? { value: num / Number(m[2]) } : undefined;
    case 'year':
      return LABEL.test(before) ? undefined : { value: num };
    case 'count': {
      if (LABEL.test(before) || new RegExp(`^\\s*${MONTH}\\b`, 'i').test(after) || new RegExp(`\\b${MONTH}\\.?\\s*$`, 'i').test(before)) return undefined;
      // "Windows 11", "Web 2.0": a number right after a capitalised word names something.
      if (scale === 1 && /\b[A-Z][\w-]*\s$/.test(before) && !/^\s*\p{Ll}/u.test(after)) return undefined;
      // A list number ("3. Data") or a small number without a scale is not worth a quiz question.
      if (scale === 1 && num < 10) return undefined;
      return { value: num * scale };
    }
  }
}

/** Figures that stand for the same fact: 64% and 64 per cent, 1,200 and 1200. */
export const figureKey = (f: Figure): string => `${f.kind === 'year' ? 'count' : f.kind}:${Math.round(f.value * 1000) / 1000}`;
