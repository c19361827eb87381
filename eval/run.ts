// `npm run eval`: scores every evaluation pack and set, beside plain lunr over the same units.
import { parseArgs } from 'node:util';
import { listPacks, rate, scorePack, type SetScore } from './score.js';

const { values } = parseArgs({
  options: {
    pack: { type: 'string', multiple: true },
    verbose: { type: 'boolean', short: 'v', default: false },
    json: { type: 'boolean', default: false },
    'no-lunr': { type: 'boolean', default: false },
  },
});

const pct = (ok: number, n: number) => `${(100 * rate(ok, n)).toFixed(1)}%`;

function row(b: SetScore, l?: SetScore): string[] {
  return [
    b.pack,
    b.set,
    b.role,
    `${b.answeredRight}/${b.answerable} ${pct(b.answeredRight, b.answerable)}`,
    `${b.declinedRight}/${b.declines} ${pct(b.declinedRight, b.declines)}`,
    String(b.wrong),
    String(b.medianLength),
    l ? `${pct(l.answeredRight, l.answerable)} / ${pct(l.declinedRight, l.declines)}` : '-',
  ];
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const packs = listPacks().filter((p) => !values.pack?.length || values.pack.includes(p.slug));
const results = packs.flatMap((p) => {
  try {
    return [scorePack(p, { lunr: !values['no-lunr'] })];
  } catch (err) {
    console.error(`${p.slug}: skipped, its content does not load: ${(err as Error).message.split('\n').slice(0, 3).join(' ')}`);
    return [];
  }
});
if (values.json) {
  console.log(JSON.stringify(results.flatMap((r) => r.bot.map(({ misses: _m, ...s }, i) => ({ ...s, lunr: r.lunr[i] && { answeredRight: r.lunr[i].answeredRight, declinedRight: r.lunr[i].declinedRight } })))));
} else {
  const rows = results.flatMap((r) => r.bot.map((b, i) => row(b, r.lunr[i])));
  console.log(table(['pack', 'set', 'role', 'answered right', 'declined right', 'wrong answers', 'median length', 'plain lunr (right / declined)'], rows));
  if (values.verbose) {
    for (const r of results) {
      for (const b of r.bot) {
        // Hold-out sets stay unseen: only their scores are printed, never their questions.
        if (b.role === 'holdout' || !b.misses.length) continue;
        console.log(`\n${b.pack} / ${b.set}:`);
        for (const m of b.misses) console.log(`  ${m}`);
      }
    }
  }
}
