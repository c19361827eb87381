// `node dist/eval/calibrate.js`: where the answer and "not sure" thresholds should sit, from the tuning sets only.
import { readFileSync } from 'node:fs';
import { loadContent } from '../src/content/load.js';
import { CALIBRATION } from '../src/qa/calibration.js';
import { botAsker, isRight, listPacks, parseJsonl } from './score.js';

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

if (process.argv.includes('--histogram')) {
  const bins = Array.from({ length: 16 }, (_, i) => 0.2 + i * 0.1);
  console.log('\nscore      right  wrong  decline');
  for (const lo of bins) {
    const inBin = points.filter((p) => p.score >= lo && p.score < lo + 0.1);
    console.log(`${lo.toFixed(1)}-${(lo + 0.1).toFixed(1)}   ${String(inBin.filter((p) => p.right).length).padStart(5)}  ${String(inBin.filter((p) => !p.right && !p.decline).length).padStart(5)}  ${String(inBin.filter((p) => p.decline).length).padStart(7)}`);
  }
}
