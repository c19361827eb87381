// `node dist/eval/ranks.js [--holdout]`: where the unit holding the expected facts ranks, for each miss:
// counts only (no question text), so it may also be run on hold-out sets.
import { forEachSet, isRight } from './score.js';

const holdout = process.argv.includes('--holdout');
const bucket = (r: number) => (r < 0 ? 'none' : r === 0 ? '1' : r < 3 ? '2-3' : r < 10 ? '4-10' : '>10');
forEachSet(holdout, (pack, set, turns) => {
  const counts = new Map<string, number>();
  for (const { item, answer: a, read } of turns) {
    if (item.decline || isRight(item, a)) continue;
    const { ranked } = read;
    const r = ranked.findIndex((x) => isRight(item, { answered: true, text: x.d.doc.text }));
    const rf = ranked.filter((x) => x.fits && x.strong).findIndex((x) => isRight(item, { answered: true, text: x.d.doc.text }));
    const key = `${a.answered ? 'wrong' : 'declined'}${item.followup ? '/fu' : ''} rank ${bucket(r)} fitrank ${bucket(rf)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  console.log(`\n${pack.slug}/${set.name}`);
  for (const [k, n] of [...counts].sort()) console.log(`  ${String(n).padStart(3)}  ${k}`);
});
