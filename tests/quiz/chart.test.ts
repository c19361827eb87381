// Chart images: both kinds come out as PNGs of a readable size, with every indicator on a row.
import * as vega from 'vega';
import { describe, expect, it } from 'vitest';
import { chartSpec, readinessChartRows, renderCohortChart, renderReadinessChart } from '../../src/quiz/chart.js';
import { cohortReadinessRows, scoreReadiness } from '../../src/quiz/readiness.js';
import { fixtureContent, indicators } from './fixture.js';

const content = fixtureContent();
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which always comes first. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('renderReadinessChart', () => {
  it('draws a 900px wide PNG tall enough for its 6 rows', async () => {
    const answers = Object.fromEntries(indicators.map((i, k) => [i.id, ['yes', 'partly', 'no', 'unknown'][k % 4]]));
    const png = await renderReadinessChart(content, scoreReadiness(content, answers));
    const { width, height } = pngSize(png);
    expect(width).toBe(900);
    expect(indicators).toHaveLength(6);
    expect(height).toBeGreaterThanOrEqual(6 * 30);
    expect(height).toBeLessThan(1400);
    expect(png.length).toBeGreaterThan(10_000);
  });
});

describe('renderCohortChart', () => {
  it('draws the cohort against global adoption, with empty rows for unanswered indicators', async () => {
    const rows = cohortReadinessRows(content, [{ 'cyber-plan': 'yes', 'smart-meters': 'no' }, { 'cyber-plan': 'no' }]);
    const png = await renderCohortChart(content, rows, 'Cohort RIV-2025 (2 people)');
    expect(pngSize(png).width).toBe(900);
  });

  it('copes with a row for an unknown indicator and out-of-range shares', async () => {
    const png = await renderCohortChart(content, [{ indicatorId: 'gone', yesShare: 50 }, { indicatorId: 'smart-meters', yesShare: 140 }], 'Odd');
    expect(pngSize(png).width).toBe(900);
  });
});

describe('chartSpec', () => {
  it('has one row per indicator and shortens names too long for the label column', () => {
    const long = 'A very long indicator name that would push the bars off the right edge of the image';
    const spec = chartSpec({
      title: 't',
      subtitle: ['s'],
      series: ['a', 'b'],
      rows: [long, 'Short'].map((name) => ({ name, first: { value: 10, label: '10%' }, second: { value: null, label: 'no figure' } })),
    });
    const names = Object.values((spec.signals?.find((x) => x.name === 'rowNames') as { value: Record<string, string> }).value);
    expect(names).toHaveLength(2);
    expect(names[0]!.length).toBeLessThanOrEqual(40);
    expect(names[0]!.endsWith('…')).toBe(true);
    expect(names[1]).toBe('Short');
  });
});

describe('a person’s chart', () => {
  const spec = chartSpec({
    title: 't',
    subtitle: ['s'],
    series: ['a', 'b'],
    rows: [
      { name: 'Cyber incident plan', first: { value: 0, label: 'No', marker: 'no' }, second: { value: 80, label: '80%' }, urgent: 1 },
      { name: 'Smart meters', first: { value: 0, label: "Don't know", marker: 'unknown' }, second: { value: 45, label: '45%' }, urgent: 2 },
      { name: 'Online bill payment', first: { value: 100, label: 'Yes' }, second: { value: 70, label: '70%' } },
    ],
  });

  it("draws a red X mark for No and a grey ring for Don't know, each on its own row, and none for Yes", async () => {
    const view = new vega.View(vega.parse(spec), { renderer: 'none' });
    const svg = await view.toSVG();
    view.finalize();
    const marks = [...svg.matchAll(/<path transform="translate\(([\d.]+),([\d.]+)\)[^"]*"[^>]*fill="(#c62828|#ffffff)" stroke="(#c62828|#757575)"/g)].map((m) => [Math.round(Number(m[2])), m[4]]);
    expect(marks).toHaveLength(2);
    const [cross, ring] = marks;
    expect(cross![1]).toBe('#c62828');
    expect(ring![1]).toBe('#757575');
    expect(ring![0]).toBeGreaterThan(Number(cross![0]));
  });

  it('marks the urgent gaps #1 to #3 in the row names, in the urgent colour', () => {
    const names = Object.values((spec.signals?.find((x) => x.name === 'rowNames') as { value: Record<string, string> }).value);
    expect(names).toEqual(['#1 Cyber incident plan', '#2 Smart meters', 'Online bill payment']);
    expect((spec.signals?.find((x) => x.name === 'urgentRows') as { value: string[] }).value).toEqual(['0', '1']);
  });

  it("takes the markers from a person's answers and the ranks from their gaps", () => {
    const answers = Object.fromEntries(indicators.map((i, k) => [i.id, ['yes', 'partly', 'no', 'unknown'][k % 4]]));
    const result = scoreReadiness(content, answers);
    const rows = readinessChartRows(result);
    expect(rows.map((r) => r.first.marker)).toEqual(result.rows.map((r) => (r.answer === 'no' || r.answer === 'unknown' ? r.answer : undefined)));
    const ranked = rows.filter((r) => r.urgent).sort((a, b) => a.urgent! - b.urgent!);
    expect(ranked.map((r) => r.name)).toEqual(result.gaps.map((g) => g.name));
  });
});
