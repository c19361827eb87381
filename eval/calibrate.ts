// `node dist/eval/calibrate.js`: where the answer and "not sure" thresholds should sit, from the tuning sets only.
import { readFileSync } from 'node:fs';
import { loadContent } from '../src/content/load.js';
import { CALIBRATION } from '../src/qa/calibration.js';
import { fitsTogether } from '../src/qa/format.js';
import { botAsker, forEachSet, isRight, listPacks, parseJsonl } from './score.js';

interface Point {
  pack: string;
  score: number;
  decline: boolean;
  /** The answer given at any threshold holds the expected facts. */
  right: boolean;
}

const chosen = { ...CALIBRATION };
// Answer everything, so each question's score and what it would have said are both known.
CALIBRATION.answer = -Infinity;
CALIBRATION.sure = -Infinity;
const points: Point[] = [];
for (const pack of listPacks()) {
  const sets = pack.sets.filter((s) => s.role === 'tune');
  if (!sets.length) continue;
  const asker = botAsker(loadContent(pack.contentDir));
  for (const set of sets) {
    const ask = asker();
    for (const item of parseJsonl(readFileSync(set.file, 'utf8'))) {
      const a = ask(item.q) as { answered: boolean; text: string; score: number };
      points.push({ pack: pack.slug, score: a.answered ? a.score : -1, decline: !!item.decline, right: !item.decline && isRight(item, a) });
    }
  }
}
Object.assign(CALIBRATION, chosen);

const packs = [...new Set(points.map((p) => p.pack))];
/** The mean over packs of (share of answerable answered right + share of declines declined), at threshold t. */
function objective(t: number): { value: number; perPack: string[] } {
  let value = 0;
  const perPack: string[] = [];
  for (const pack of packs) {
    const ps = points.filter((p) => p.pack === pack);
    const answerable = ps.filter((p) => !p.decline);
    const declines = ps.filter((p) => p.decline);
    const a = answerable.filter((p) => p.right && p.score >= t).length / Math.max(1, answerable.length);
    const d = declines.filter((p) => p.score < t).length / Math.max(1, declines.length);
    value += (a + d) / 2 / packs.length;
    perPack.push(`${pack} ${(100 * a).toFixed(0)}%/${(100 * d).toFixed(0)}%`);
  }
  return { value, perPack };
}
const grid = Array.from({ length: 81 }, (_, i) => 0.3 + i * 0.01);
const best = grid.reduce((b, t) => (objective(t).value > objective(b).value ? t : b), grid[0]!);
console.log(`tuning questions: ${points.length} in ${packs.length} packs`);
for (const t of grid.filter((x) => Math.abs(x - best) <= 0.15 && Math.round(x * 100) % 3 === 0).concat(best).sort()) {
  const o = objective(t);
  console.log(`${t === best ? '*' : ' '} answer >= ${t.toFixed(2)}: ${(100 * o.value).toFixed(1)}  ${o.perPack.join('  ')}`);
}
// "Not sure" band: the threshold above which answers are right at least 90% of the time.
const answered = points.filter((p) => p.score >= best).sort((x, y) => x.score - y.score);
let sure = best;
for (const p of answered) {
  const above = answered.filter((q) => q.score >= p.score);
  if (above.filter((q) => q.right).length / above.length >= 0.9) {
    sure = p.score;
    break;
  }
}
console.log(`\nsuggested: answer ${best.toFixed(2)}, sure ${sure.toFixed(2)} (now ${chosen.answer}, ${chosen.sure})`);

// The runner-up margin: by how far the best unit leads the next one that fits the question (and fits beside it
// in one answer), how often that second unit holds the answer the best one lacks. Offered up to the widest
// margin where it still does so at least 1 time in 10.
const margins = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1];
const byMargin = margins.map(() => ({ best: 0, second: 0, neither: 0 }));
forEachSet(false, (_pack, _set, turns) => {
  for (const { item, answer, read } of turns) {
    const top = read.ranked[0];
    const second = read.ranked.find((x) => x !== top && x.fits && x.strong);
    if (item.decline || !answer.answered || !top || !second || !fitsTogether([top.d.doc, second.d.doc])) continue;
    const row = byMargin[margins.findIndex((m) => top.score - second.score <= m)];
    if (!row) continue;
    const holds = (x: typeof top) => isRight(item, { answered: true, text: x.d.doc.text });
    if (holds(top)) row.best++;
    else if (holds(second)) row.second++;
    else row.neither++;
  }
});
console.log('\nlead over the second   best holds it   only the second   neither   second\'s share');
let gap = 0;
let widening = true;
byMargin.forEach((r, i) => {
  const share = r.second / Math.max(1, r.best + r.second + r.neither);
  widening &&= share >= 0.1;
  if (widening) gap = margins[i]!;
  console.log(`<= ${margins[i]!.toFixed(2).padEnd(19)} ${String(r.best).padStart(13)} ${String(r.second).padStart(17)} ${String(r.neither).padStart(9)}   ${(100 * share).toFixed(1)}%`);
});
console.log(`suggested: runner-up within ${gap} (now ${chosen.runnerUpGap})`);

if (process.argv.includes('--histogram')) {
  const bins = Array.from({ length: 16 }, (_, i) => 0.2 + i * 0.1);
  console.log('\nscore      right  wrong  decline');
  for (const lo of bins) {
    const inBin = points.filter((p) => p.score >= lo && p.score < lo + 0.1);
    console.log(`${lo.toFixed(1)}-${(lo + 0.1).toFixed(1)}   ${String(inBin.filter((p) => p.right).length).padStart(5)}  ${String(inBin.filter((p) => !p.right && !p.decline).length).padStart(5)}  ${String(inBin.filter((p) => p.decline).length).padStart(7)}`);
  }
}
