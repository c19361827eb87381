// `node dist/eval/kinds.js [--holdout] [KIND]`: answers right by the kind of question (its intents as the
// answerer reads them, and follow-ups), per role, and how the misses split between declined and wrong. With a
// KIND, lists the tuning sets' misses of that kind; hold-out sets only ever give counts.
import { forEachSet, isRight } from './score.js';

const holdout = process.argv.includes('--holdout');
const kind = process.argv.slice(2).find((a) => !a.startsWith('--'));
const totals = new Map<string, [right: number, asked: number, declined: number]>();
forEachSet(holdout, (pack, set, turns) => {
  for (const { item, answer: a, read } of turns) {
    if (item.decline) continue;
    const right = isRight(item, a);
    const kinds = read.analysis.intents.size ? [...read.analysis.intents] : ['(none)'];
    if (item.followup) kinds.push('followup');
    for (const k of kinds) {
      const t = totals.get(k) ?? [0, 0, 0];
      t[0] += right ? 1 : 0;
      t[1]++;
      t[2] += a.answered ? 0 : 1;
      totals.set(k, t);
    }
    if (!holdout && kind && kinds.includes(kind) && !right) console.log(`${pack.slug}/${set.name} ${item.id}: ${item.q}\n    -> ${a.answered ? a.text.slice(0, 160) : '(declined)'}`);
  }
});
console.log(`\n${holdout ? 'hold-out' : 'tuning'} sets, answerable questions by kind:`);
for (const [k, [right, asked, declined]] of [...totals].sort((x, y) => y[1][1] - x[1][1])) {
  const missed = asked - right;
  console.log(`  ${k.padEnd(10)} ${String(right).padStart(4)}/${asked} ${((100 * right) / asked).toFixed(0).padStart(3)}%  missed ${String(missed).padStart(3)}: ${declined} declined, ${missed - declined} wrong`);
}
