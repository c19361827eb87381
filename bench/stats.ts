// Small helpers for the benchmarks: percentiles, formatting, and markdown tables.

/** The q-quantile (0..1) of the values, nearest-rank on a sorted copy. */
export function percentile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: number[]): number => percentile(values, 0.5);

/** A number with about three significant digits, for tables. */
export function fmt(n: number, unit = ''): string {
  if (!Number.isFinite(n)) return 'n/a';
  const abs = Math.abs(n);
  const s = abs >= 100 ? n.toFixed(0) : abs >= 10 ? n.toFixed(1) : abs >= 1 ? n.toFixed(2) : n.toFixed(3);
  return unit ? `${s} ${unit}` : s;
}

/** "x / baseline" as a ratio, e.g. "3.2x". */
export const ratio = (value: number, baseline: number): string => (baseline > 0 && Number.isFinite(value) ? `${fmt(value / baseline)}x` : 'n/a');

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Milliseconds since `start` (from process.hrtime.bigint()). */
export const msSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/** One section of the report: a title, a table, notes, and whether its targets were met. */
export interface Section {
  title: string;
  body: string;
  /** Target checks: what, and whether met. */
  targets: { what: string; met: boolean; detail: string }[];
}
