// Benchmark 7: what the heap flags `npm start` uses cost and save. The same Slack question load against server
// processes started with different node flags, taken in turns; CPU per request (the lowest of three rounds,
// as the machine's noise only ever adds) and peak RSS for each.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { FakeSlackApi } from '../fakes/slack-api.js';
import * as P from './platforms.js';
import { serverBaseEnv, startChild, startScriptNodeFlags } from './processes.js';
import { generateQuestions } from './questions.js';
import { defaultContentDir, loadContent } from '../src/content/load.js';
import { fmt, ratio, table, type Section } from './stats.js';

const HERE = import.meta.dirname;

interface Trial {
  cpuMs: number[];
  peakMb: number[];
}

export async function benchHeap(opts: { quick: boolean }): Promise<Section> {
  const slack = await new FakeSlackApi().start();
  const questions = generateQuestions(loadContent(defaultContentDir()), 500, 11);
  const amount = opts.quick ? 2000 : 4000;
  const rounds = opts.quick ? 2 : 3;
  const start = startScriptNodeFlags();
  const configs: { label: string; flags: string[] }[] = [
    { label: 'no flags (V8 defaults)', flags: [] },
    { label: '--max-old-space-size=128', flags: ['--max-old-space-size=128'] },
    { label: '--max-old-space-size=128 --max-semi-space-size=8', flags: ['--max-old-space-size=128', '--max-semi-space-size=8'] },
    { label: `${start.join(' ')} (npm start)`, flags: start },
  ];
  // npm start's flags without the heap growing factor (V8's own for a small cap): what the factor costs in RSS.
  const ownGrowth = start.filter((f) => !f.startsWith('--heap-growing-percent'));
  if (ownGrowth.length !== start.length) configs.splice(configs.length - 1, 0, { label: `${ownGrowth.join(' ')} (V8's own growing factor)`, flags: ownGrowth });
  const trials = new Map(configs.map((c) => [c.label, { cpuMs: [], peakMb: [] } as Trial]));
  let n = 0;
  try {
    // In turns, so a slow spell of the machine falls on every configuration alike.
    for (let round = 0; round < rounds; round++) {
      for (const c of configs) {
        const dir = mkdtempSync(join(tmpdir(), 'wb-heap-'));
        const env = {
          ...serverBaseEnv(dir),
          SLACK_BOT_TOKEN: P.SLACK_TOKEN,
          SLACK_SIGNING_SECRET: P.SLACK_SECRET,
          SLACK_API_URL: slack.url,
        };
        const server = await startChild([...c.flags, join(HERE, 'server-child.js')], env, join(dir, 'server.log'));
        try {
          const run = (count: number) =>
            new Promise<autocannon.Result>((resolve, reject) => {
              autocannon(
                {
                  url: server.url,
                  connections: 16,
                  amount: count,
                  requests: [{ method: 'POST', path: '/slack/events', setupRequest: (req) => ({ ...req, ...P.slackText(1000 + (n % 400), questions[n++ % questions.length]!) }) }],
                },
                (err, r) => (err ? reject(err) : resolve(r)),
              );
            });
          await run(Math.round(amount / 2));
          const before = server.cpuMs();
          const r = await run(amount);
          const t = trials.get(c.label)!;
          t.cpuMs.push((server.cpuMs() - before) / Math.max(1, r.requests.total));
          t.peakMb.push(server.peakRssMb());
        } finally {
          await server.stop();
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    await slack.close();
  }
  const base = Math.min(...trials.get(configs[0]!.label)!.cpuMs);
  return {
    title: '7. Heap flags: CPU per request against peak RSS',
    body: [
      `Slack questions (signed; one chat.postMessage each), ${amount} per run after ${Math.round(amount / 2)} unmeasured, 16 connections, ` +
        `against a server with the Slack adapter only, started with each set of node flags in turn, ${rounds} rounds. ` +
        'CPU per request is the lowest of the rounds; peak RSS the highest. Baseline: V8 defaults.',
      '',
      table(
        ['node flags', 'server CPU / request', 'ratio', 'peak RSS'],
        configs.map((c) => {
          const t = trials.get(c.label)!;
          const cpu = Math.min(...t.cpuMs);
          return [c.label, fmt(cpu, 'ms'), ratio(cpu, base), fmt(Math.max(...t.peakMb), 'MB')];
        }),
      ),
    ].join('\n'),
    targets: [],
  };
}
