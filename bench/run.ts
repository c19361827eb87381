// `npm run bench`: runs every benchmark and prints one markdown report (with --write, also into BENCHMARKS.md).
// --quick (or BENCH_QUICK=1): smaller runs, and a follow-up to 1,000 members instead of 10,000.
// --only=1,3: run some sections only.
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { benchAnswering } from './answering.js';
import { benchColdStart } from './cold-start.js';
import { benchFollowups } from './followups.js';
import { benchHeap } from './heap.js';
import { benchStore } from './store.js';
import { benchMessages } from './messages.js';
import type { Section } from './stats.js';
import { benchWebhooks } from './webhooks.js';

const ROOT = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick') || /^(1|true|yes)$/i.test(process.env.BENCH_QUICK ?? '');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (n: string) => !only || only.includes(n);
process.chdir(ROOT);

function machine(): string {
  const nproc = execSync('nproc', { encoding: 'utf8' }).trim();
  return `${nproc} cores (nproc), ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${process.platform} ${process.arch}`;
}

const sections: Section[] = [];
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
/** Each benchmark in the order they run: the sections it gives, what the log says meanwhile, and the run. */
const benches: [string[], string, () => Promise<Section[]>][] = [
  [['1'], 'answering in-process', async () => [await benchAnswering({ quick })]],
  [['2'], 'cold `workshop-bot ask`', async () => [await benchColdStart({ quick })]],
  // One load gives two sections: the webhooks, then the memory that load left.
  // One server gives three sections: the webhooks, the Telegram question beside the grammY peer, then memory.
  [['3', '5', '9'], 'webhooks under load (beside the grammY peer, and memory)', async () => {
    const { webhooks, memory, peer } = await benchWebhooks({ quick, peer: wanted('9'), people: wanted('5') });
    return [...(wanted('3') ? [webhooks] : []), ...(wanted('5') ? [memory] : []), ...(peer ? [peer] : [])];
  }],
  [['4'], `a follow-up to ${quick ? '1,000' : '10,000'} members (about ${quick ? 'a minute' : 'six minutes'})`, async () => [await benchFollowups({ quick })]],
  [['6'], 'one outbound message per platform SDK', async () => [await benchMessages({ quick })]],
  [['7'], 'heap flags: CPU against memory', async () => [await benchHeap({ quick })]],
  [['8'], 'the store on SQLite', async () => [await benchStore({ quick })]],
];
for (const [numbers, what, run] of benches) {
  if (!numbers.some(wanted)) continue;
  log(`${what} ...`);
  sections.push(...(await run()));
}
sections.sort((a, b) => a.title.localeCompare(b.title));

const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}${process.env.BENCH_QUICK ? ` (BENCH_QUICK=${process.env.BENCH_QUICK})` : ''}`;
const targets = sections.flatMap((s) => s.targets);
const report = [
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}, with \`${command}\`${quick ? ' (quick run)' : ''}.`,
  '',
  '### Targets',
  '',
  ...targets.map((t) => `- ${t.met ? 'met' : '**missed**'}: ${t.what} (measured ${t.detail})`),
  '',
  ...sections.flatMap((s) => [`### ${s.title}`, '', s.body, '']),
].join('\n');
process.stdout.write(`${report}\n`);

if (args.includes('--write')) {
  const file = join(ROOT, 'BENCHMARKS.md');
  const start = '<!-- bench:results:start -->';
  const end = '<!-- bench:results:end -->';
  const old = readFileSync(file, 'utf8');
  const i = old.indexOf(start);
  const j = old.indexOf(end);
  if (i < 0 || j < i) throw new Error(`BENCHMARKS.md has no ${start} ... ${end} block`);
  writeFileSync(file, `${old.slice(0, i + start.length)}\n${report}\n${old.slice(j)}`);
  log('results written to BENCHMARKS.md');
}
