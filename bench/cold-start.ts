// Benchmark 2: `workshop-bot ask` as a cold process, against `node -e 0`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fmt, median, msSince, ratio, table, type Section } from './stats.js';

const ROOT = join(import.meta.dirname, '..', '..');

function wallTimes(args: string[], runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });
    times.push(msSince(start));
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return times;
}

export async function benchColdStart(opts: { quick: boolean }): Promise<Section> {
  const runs = opts.quick ? 5 : 10;
  const question = 'What are the 3As of digital exclusion?';
  // One untimed run of each fills the OS file cache, as on any machine that has run the bot before.
  wallTimes(['-e', '0'], 1);
  wallTimes(['bin/workshop-bot.js', 'ask', question], 1);
  const ask = wallTimes(['bin/workshop-bot.js', 'ask', question], runs);
  const bare = wallTimes(['-e', '0'], runs);
  const a = median(ask);
  const b = median(bare);
  return {
    title: '2. `workshop-bot ask` as a cold process',
    body: [
      `Wall time of \`node bin/workshop-bot.js ask "${question}"\` (compiled, index cache built), median of ${runs} runs.`,
      '',
      table(['', 'workshop-bot ask', 'node -e 0', 'ratio'], [
        ['median wall time', fmt(a, 'ms'), fmt(b, 'ms'), ratio(a, b)],
        ['slowest run', fmt(Math.max(...ask), 'ms'), fmt(Math.max(...bare), 'ms'), ratio(Math.max(...ask), Math.max(...bare))],
      ]),
    ].join('\n'),
    targets: [],
  };
}
