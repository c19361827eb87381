// PNG bar charts of readiness answers (a person's or a cohort's) against global adoption, via Vega and resvg.
import type { Spec } from 'vega';
import type { Content } from '../content/schema.js';
import { globalAdoption } from './adoption.js';
import { readinessLabel, type ReadinessResult } from './readiness.js';

const FONT = 'DejaVu Sans';
const WIDTH = 900;
const LABEL_FONT_SIZE = 12;
/** DejaVu Sans is wide: about 0.62 em per character on average, so labels get room for that. */
const CHAR_PX = LABEL_FONT_SIZE * 0.62;
const MAX_LABEL_CHARS = 40;
const ROW_PX = 36;
const COLOURS = ['#d9730d', '#4a7bb7'];

export interface Bar {
  value: number | null;
  label: string;
  /** A zero bar that still says something: No (a red X mark) or Don't know (a grey ring), told apart at a glance. */
  marker?: 'no' | 'unknown';
}
export interface ChartRow {
  name: string;
  first: Bar;
  second: Bar;
  /** 1, 2, 3 for the most urgent gaps: the row's name gets "#1 " and the urgent colour. */
  urgent?: number;
}

const MARKERS = {
  no: { shape: 'cross', angle: 45, fill: '#c62828', stroke: '#c62828' },
  unknown: { shape: 'circle', angle: 0, fill: '#ffffff', stroke: '#757575' },
} as const;
const URGENT_COLOUR = '#b71c1c';
interface ChartInput {
  title: string;
  /** One line each; two fit above the legend. */
  subtitle: string[];
  series: [string, string];
  rows: ChartRow[];
}

/** A person's answers (Yes 100, Partly 50, No or Don't know 0) against the share of the population that has each indicator. */
export async function renderReadinessChart(content: Content, result: ReadinessResult): Promise<Buffer> {
  const score = Number.isInteger(result.score) ? String(result.score) : result.score.toFixed(1);
  return renderComparison({
    title: `Your readiness: ${score}/${result.max} (${result.level.name})`,
    subtitle: [
      "Your answer: Yes 100, Partly 50; No is a red X mark, Don't know a grey ring. #1 to #3: your most urgent gaps.",
      worldLine(content),
    ],
    series: ['Your answer', worldSeries(content)],
    rows: readinessChartRows(result),
  });
}

/** One row per indicator: the answer's bar (or its marker), the world's bar, and the gap's rank when it is urgent. */
export function readinessChartRows(result: ReadinessResult): ChartRow[] {
  return result.rows.map((r) => {
    const urgent = result.gaps.findIndex((g) => g.indicatorId === r.indicatorId) + 1;
    const marker = r.answer === 'no' || r.answer === 'unknown' ? { marker: r.answer } : {};
    return {
      name: r.name,
      first: { value: r.answer === 'yes' ? 100 : r.answer === 'partly' ? 50 : 0, label: readinessLabel(r.answer), ...marker },
      second: worldBar(r.global?.share),
      ...(urgent ? { urgent } : {}),
    };
  });
}

export interface CohortChartRow {
  indicatorId: string;
  /** Percent (0-100) of the cohort answering Yes; null when nobody answered. */
  yesShare: number | null;
}

/** What the world bars are out of: the set's population ("partner towns"), or plain "countries". */
const worldOf = (content: Content): string => content.indicatorSet.population?.label ?? 'countries';
const worldLine = (content: Content): string =>
  `Global adoption: % of ${worldOf(content)} that have it${content.indicatorSet.source ? ` (${content.indicatorSet.source})` : ''}.`;
const worldSeries = (content: Content): string => `Global adoption (% of ${worldOf(content)})`;

/** A cohort's share answering Yes per indicator against the share of the population that has it. */
export async function renderCohortChart(content: Content, rows: readonly CohortChartRow[], title: string): Promise<Buffer> {
  const byId = new Map(rows.map((r) => [r.indicatorId, r.yesShare]));
  return renderComparison({
    title,
    subtitle: [
      'Cohort: % of those who answered saying Yes.',
      worldLine(content),
    ],
    series: ['Cohort answering Yes (%)', worldSeries(content)],
    rows: content.indicators.map((ind) => {
      const share = byId.get(ind.id);
      const v = share === undefined || share === null || !Number.isFinite(share) ? null : clamp(share);
      return {
        name: ind.name,
        first: { value: v, label: v === null ? 'no answers' : `${Math.round(v)}%` },
        second: worldBar(globalAdoption(content, ind)?.share),
      };
    }),
  });
}

const clamp = (v: number): number => Math.min(100, Math.max(0, v));

const worldBar = (share: number | undefined): Bar =>
  share === undefined ? { value: null, label: 'no figure' } : { value: clamp(share), label: `${Math.round(share)}%` };

const truncate = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`);

// Loaded on first use: processes that never draw a chart do not carry Vega and resvg.
let libs: Promise<[typeof import('vega'), typeof import('@resvg/resvg-js')]> | undefined;
const loadLibs = () => (libs ??= Promise.all([import('vega'), import('@resvg/resvg-js')]));

async function renderComparison(input: ChartInput): Promise<Buffer> {
  const [vega, resvg] = await loadLibs();
  const view = new vega.View(vega.parse(chartSpec(input)), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const png = await resvg.renderAsync(svg, {
      font: { loadSystemFonts: true, defaultFontFamily: FONT, sansSerifFamily: FONT },
      fitTo: { mode: 'original' },
      background: 'white',
    });
    return png.asPng();
  } finally {
    view.finalize();
  }
}

/** Horizontal grouped bars: per row the first series on top, the second below, each with its value. */
export function chartSpec(input: ChartInput): Spec {
  const names = input.rows.map((r) => `${r.urgent ? `#${r.urgent} ` : ''}${truncate(r.name, MAX_LABEL_CHARS)}`);
  const labelPx = Math.ceil(Math.max(...names.map((n) => n.length), 4) * CHAR_PX);
  const padding = { left: labelPx + 24, right: 90, top: 106, bottom: 56 };
  // Rows are keyed by position, so two indicators with the same (shortened) name keep two rows.
  const keys = names.map((_, i) => String(i));
  const data = input.rows.map((r, i) => ({
    key: keys[i],
    first: r.first.value,
    firstLabel: r.first.label,
    second: r.second.value,
    secondLabel: r.second.label,
    firstMarker: r.first.marker ?? null,
  }));
  const urgentKeys = input.rows.flatMap((r, i) => (r.urgent ? [keys[i]!] : []));
  // No and Don't know are both worth nothing, so both have no bar: a mark at zero tells them apart.
  const marker = (kind: 'no' | 'unknown') => ({
    type: 'symbol' as const,
    from: { data: `marked-${kind}` },
    encode: {
      enter: {
        x: { scale: 'x', value: 0, offset: 7 },
        y: { scale: 'y', field: 'key', band: 0.25 },
        shape: { value: MARKERS[kind].shape },
        angle: { value: MARKERS[kind].angle },
        size: { value: 110 },
        strokeWidth: { value: 2.5 },
        fill: { value: MARKERS[kind].fill },
        stroke: { value: MARKERS[kind].stroke },
      },
    },
  });
  const bar = (field: 'first' | 'second', band: number, colour: string) => ({
    type: 'rect' as const,
    from: { data: 'rows' },
    encode: {
      enter: {
        y: { scale: 'y', field: 'key', band },
        height: { scale: 'y', band: 0.5 },
        x: { scale: 'x', value: 0 },
        x2: { scale: 'x', signal: `datum.${field} === null ? 0 : datum.${field}` },
        fill: { value: colour },
      },
    },
  });
  const valueText = (field: 'first' | 'second', band: number) => ({
    type: 'text' as const,
    from: { data: 'rows' },
    encode: {
      enter: {
        y: { scale: 'y', field: 'key', band },
        x: { scale: 'x', signal: `datum.${field} === null ? 0 : datum.${field}`, offset: field === 'first' ? { signal: 'datum.firstMarker ? 17 : 5' } : 5 },
        text: { field: `${field}Label` },
        baseline: { value: 'middle' as const },
        fontSize: { value: 11 },
        fill: { value: '#333333' },
        font: { value: FONT },
      },
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    autosize: 'none',
    width: WIDTH - padding.left - padding.right,
    height: input.rows.length * ROW_PX,
    padding,
    background: 'white',
    title: {
      text: input.title,
      subtitle: input.subtitle,
      anchor: 'start',
      frame: 'group',
      offset: 22,
      fontSize: 18,
      subtitleFontSize: 12,
      subtitleColor: '#444444',
      font: FONT,
      subtitleFont: FONT,
      // Start the title at the image's left edge, not the plot's.
      dx: -padding.left + 16,
    },
    signals: [
      { name: 'rowNames', value: Object.fromEntries(keys.map((k, i) => [k, names[i]])) },
      { name: 'urgentRows', value: urgentKeys },
    ],
    data: [
      { name: 'rows', values: data },
      ...(['no', 'unknown'] as const).map((kind) => ({ name: `marked-${kind}`, source: 'rows', transform: [{ type: 'filter' as const, expr: `datum.firstMarker === '${kind}'` }] })),
    ],
    scales: [
      { name: 'y', type: 'band', domain: keys, range: 'height', paddingInner: 0.28, paddingOuter: 0.14 },
      { name: 'x', type: 'linear', domain: [0, 100], range: 'width', nice: false, zero: true },
      { name: 'colour', type: 'ordinal', domain: input.series, range: COLOURS },
    ],
    axes: [
      { orient: 'bottom', scale: 'x', values: [0, 25, 50, 75, 100], grid: true, gridColor: '#e6e6e6', title: '%', labelFont: FONT, titleFont: FONT, labelFontSize: 11 },
      { orient: 'left', scale: 'y', labelLimit: 2000, labelFont: FONT, labelFontSize: LABEL_FONT_SIZE, ticks: false, domain: false, labelPadding: 8,
        encode: {
          labels: {
            update: {
              text: { signal: 'rowNames[datum.value]' },
              fill: { signal: `indexof(urgentRows, datum.value) >= 0 ? '${URGENT_COLOUR}' : '#333333'` },
              fontWeight: { signal: "indexof(urgentRows, datum.value) >= 0 ? 'bold' : 'normal'" },
            },
          },
        } },
    ],
    legends: [
      { fill: 'colour', orient: 'top', direction: 'horizontal', offset: 14, labelFont: FONT, labelFontSize: 12, symbolType: 'square', columnPadding: 24, labelLimit: 400 },
    ],
    marks: [bar('first', 0, COLOURS[0]!), bar('second', 0.5, COLOURS[1]!), marker('no'), marker('unknown'), valueText('first', 0.25), valueText('second', 0.75)],
  };
}
