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
if (wanted('1')) {
  log('answering in-process ...');
  sections.push(await benchAnswering({ quick }));
}
if (wanted('2')) {
  log('cold `workshop-bot ask` ...');
  sections.push(await benchColdStart({ quick }));
}
if (wanted('3') || wanted('5')) {
  log('webhooks under load (and memory) ...');
  const { webhooks, memory } = await benchWebhooks({ quick });
  if (wanted('3')) sections.push(webhooks);
  if (wanted('5')) sections.splice(sections.length, 0, memory);
}
if (wanted('4')) {
  log(`a follow-up to ${quick ? '1,000' : '10,000'} members (about ${quick ? 'a minute' : 'six minutes'}) ...`);
  sections.push(await benchFollowups({ quick }));
}
if (wanted('6')) {
  log('one outbound message per platform SDK ...');
  sections.push(await benchMessages({ quick }));
}
if (wanted('7')) {
  log('heap flags: CPU against memory ...');
  sections.push(await benchHeap({ quick }));
}
if (wanted('8')) {
  log('the store on SQLite ...');
  sections.push(await benchStore({ quick }));
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
