// Benchmark 2: `workshop-bot ask` as a cold process, against `node -e 0`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { defaultContentDir, loadContent } from '../src/content/load.js';
import { generateQuestions } from './questions.js';
import { fmt, median, msSince, ratio, table, type Section } from './stats.js';

const ROOT = join(import.meta.dirname, '..', '..');

function wallTimes(args: string[], runs: number, input?: string): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, LOG_LEVEL: 'silent' } });
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
  // Per question in a long stream: (wall time for 3n questions - for n) / 2n, so start-up and the JIT's
  // warm-up (the first few thousand questions run slower in both) cancel out.
  const n = opts.quick ? 2000 : 4000;
  const questions = generateQuestions(loadContent(defaultContentDir()), n);
  const stream = (times: number) => `${Array.from({ length: times }, () => questions.join('\n')).join('\n')}\n`;
  // The two commands take turns, run by run, so that both meet the same load on a shared machine.
  const commands = { ours: ['bin/workshop-bot.js', 'ask', '--jsonl'], lunr: ['dist/bench/lunr-jsonl.js'] };
  const long = { ours: [] as number[], lunr: [] as number[] };
  const short = { ours: [] as number[], lunr: [] as number[] };
  for (let run = 0; run < (opts.quick ? 3 : 5); run++) {
    for (const who of ['ours', 'lunr'] as const) {
      long[who].push(...wallTimes(commands[who], 1, stream(3)));
      short[who].push(...wallTimes(commands[who], 1, stream(1)));
    }
  }
  const perQuestion = (who: 'ours' | 'lunr') => (median(long[who]) - median(short[who])) / (2 * n);
  const ours = perQuestion('ours');
  const lunrOnly = perQuestion('lunr');
  return {
    title: '2. `workshop-bot ask` as a cold process',
    body: [
      `Wall time of \`node bin/workshop-bot.js ask "${question}"\` (compiled, index cache built), median of ${runs} runs.`,
      '',
      table(['', 'workshop-bot ask', 'node -e 0', 'ratio'], [
        ['median wall time', fmt(a, 'ms'), fmt(b, 'ms'), ratio(a, b)],
        ['slowest run', fmt(Math.max(...ask), 'ms'), fmt(Math.max(...bare), 'ms'), ratio(Math.max(...ask), Math.max(...bare))],
      ]),
      '',
      `\`ask --jsonl\` per question in a long stream: ${n} paraphrased questions three times over, minus the time for them once, over ${2 * n} (median of ${opts.quick ? 3 : 5} runs each, the two commands taking turns; start-up cancels out, and most of the JIT's warm-up), against a plain lunr index over the same documents answering the same streams (\`bench/lunr-jsonl.ts\`).`,
      '',
      table(['', 'ask --jsonl', 'plain lunr, same I/O', 'ratio'], [['per question', fmt(ours, 'ms'), fmt(lunrOnly, 'ms'), ratio(ours, lunrOnly)]]),
    ].join('\n'),
    targets: [{ what: '`ask --jsonl` within 1.5x of plain lunr per question', met: ours <= 1.5 * lunrOnly, detail: `${fmt(ours, 'ms')} against ${fmt(lunrOnly, 'ms')}, ${ratio(ours, lunrOnly)}` }],
  };
}
