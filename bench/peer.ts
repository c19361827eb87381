// Benchmark 9: workshop-bot's Telegram question webhook beside the smallest grammY bot (peer-grammy-child.ts)
// and a bare node:http server, each its own process, under the same autocannon load in the same run, in turns.
import { join } from 'node:path';
import type { FakeTelegramApi } from '../fakes/telegram-api.js';
import { TEST_TOKEN } from '../fakes/telegram-api.js';
import * as P from './platforms.js';
import { startChild, type Child } from './processes.js';
import { fmt, median, ratio, table, type Section } from './stats.js';
import { load, rate, settle } from './webhooks.js';

const HERE = import.meta.dirname;
/** As issue 18 measured it (with wrk): 32 connections, a fresh update id each, the same question. */
const CONNECTIONS = 32;
export const PEER_QUESTION = 'What are the 3As of digital exclusion?';
/** People asking, in turn (ids apart from the other loads' people). */
const PEOPLE = 400;
const person = (i: number) => 5_000 + (Math.abs(i) % PEOPLE);

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  cpuPerRequest: number;
  ok: number;
  bad: number;
  /** Share of 2xx requests whose reply was seen (in the webhook response, or at the fake Bot API). */
  replied: number;
}

async function measure(target: Child, amount: number, replies?: () => number, onBody?: (body: string) => void): Promise<Measured> {
  const build = () => P.telegramText(person(P.next()), PEER_QUESTION);
  // Unmeasured warm-up: each process has its code compiled before it is timed.
  await load(target.url, '/telegram/webhook', Math.round(amount / 5), build, onBody, 'POST', CONNECTIONS);
  const before = replies?.() ?? 0;
  const cpuBefore = target.cpuMs();
  const r = await load(target.url, '/telegram/webhook', amount, build, onBody, 'POST', CONNECTIONS);
  const cpu = target.cpuMs() - cpuBefore;
  const seen = replies ? await settle(() => replies() - before, r['2xx']) : NaN;
  return {
    rps: rate(r),
    p50: r.latency.p50,
    p99: r.latency.p99,
    cpuPerRequest: cpu / Math.max(1, r.requests.total),
    ok: r['2xx'],
    bad: r.non2xx + r.errors + r.timeouts,
    replied: seen / Math.max(1, r['2xx']),
  };
}

const span = (xs: number[], unit = ''): string => {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return fmt(lo, unit) === fmt(hi, unit) ? fmt(lo, unit) : `${fmt(lo)}-${fmt(hi, unit)}`;
};

/**
 * `server` is the benchmark's workshop-bot process (all three adapters), `telegram` the fake Bot API it and the
 * peer talk to. Rounds alternate workshop-bot, peer and bare, so a machine that slows down mid-run slows all.
 */
export async function benchPeer(opts: { server: Child; telegram: FakeTelegramApi; logFile: string; quick: boolean }): Promise<Section> {
  const { server, telegram, logFile } = opts;
  const amount = opts.quick ? 4000 : 10_000;
  const rounds = 3;
  // The peer replies with a text as long as workshop-bot's answer to the same question.
  const probe = P.telegramText(person(-1), PEER_QUESTION);
  const res = await fetch(`${server.url}/telegram/webhook`, { method: 'POST', headers: probe.headers, body: probe.body });
  const answer = ((await res.json()) as { text?: string }).text ?? '';
  if (!answer) throw new Error('workshop-bot gave no webhook reply to the benchmark question');
  const env = { TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: telegram.url, TELEGRAM_WEBHOOK_SECRET: P.TELEGRAM_SECRET, PEER_ANSWER: answer };
  const peer = await startChild([join(HERE, 'peer-grammy-child.js')], env, logFile);
  const bare = await startChild([join(HERE, 'bare-server-child.js')], { BARE_BODY_BYTES: String(Buffer.byteLength(JSON.stringify({ method: 'sendMessage', chat_id: 1, text: answer }))) }, logFile);
  let inResponse = 0;
  const countReply = (body: string) => {
    if (body.includes('"method":"sendMessage"')) inResponse++;
  };
  const ours: Measured[] = [];
  const theirs: Measured[] = [];
  const bares: Measured[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      ours.push(await measure(server, amount, () => inResponse, countReply));
      theirs.push(await measure(peer, amount, () => telegram.callsTo('sendMessage').length));
      bares.push(await measure(bare, amount));
    }
  } finally {
    await peer.stop();
    await bare.stop();
  }
  const rpsRatios = ours.map((o, k) => o.rps / theirs[k]!.rps);
  const p99Ratios = ours.map((o, k) => o.p99 / theirs[k]!.p99);
  const cpuRatios = ours.map((o, k) => o.cpuPerRequest / theirs[k]!.cpuPerRequest);
  const row = (name: string, ms: Measured[], replies: boolean) => [
    name,
    `${ms.reduce((n, m) => n + m.ok, 0)}${ms.some((m) => m.bad) ? ` (+${ms.reduce((n, m) => n + m.bad, 0)} failed)` : ''}`,
    `${fmt(median(ms.map((m) => m.rps)))} (${span(ms.map((m) => m.rps))})`,
    `${fmt(median(ms.map((m) => m.p50)), 'ms')}`,
    `${fmt(median(ms.map((m) => m.p99)), 'ms')} (${span(ms.map((m) => m.p99), 'ms')})`,
    `${fmt(median(ms.map((m) => m.cpuPerRequest)), 'ms')} (${span(ms.map((m) => m.cpuPerRequest), 'ms')})`,
    replies ? `${Math.round(Math.min(...ms.map((m) => m.replied)) * 100)}%` : '',
  ];
  const rpsRatio = median(rpsRatios);
  const p99Ratio = median(p99Ratios);
  return {
    title: '9. Telegram question beside the smallest grammY bot',
    body: [
      `autocannon, ${CONNECTIONS} connections on 127.0.0.1, ${amount} requests per round after ${Math.round(amount / 5)} unmeasured, ` +
        `${rounds} rounds taking turns (workshop-bot, peer, bare); every request a new update id, the same question ("${PEER_QUESTION}") from ${PEOPLE} people in turn. ` +
        'workshop-bot is the server of section 3 (all three adapters, SQLite, as `npm start` runs it) and answers in the webhook response; ' +
        'the peer (`bench/peer-grammy-child.ts`) is express with grammY\'s `webhookCallback` and one `ctx.reply` of a text as long as workshop-bot\'s answer, ' +
        'so one outbound sendMessage to the fake Bot API per update, node without flags; bare is node:http answering a body of the same size. ' +
        'Each cell: median of the rounds (lowest-highest). CPU is each server process\'s own.',
      '',
      table(['server', 'requests (2xx)', 'req/s', 'p50', 'p99', 'CPU / request', 'replies'], [
        row('workshop-bot `/telegram/webhook`', ours, true),
        row('smallest grammY bot (peer)', theirs, true),
        row('bare node:http', bares, false),
      ]),
      '',
      table(['workshop-bot against the peer, same round', 'median', 'rounds'], [
        ['req/s ratio (target >= 0.8x)', `${fmt(rpsRatio)}x`, rpsRatios.map((x) => `${fmt(x)}x`).join(', ')],
        ['p99 ratio (target <= 1x)', `${fmt(p99Ratio)}x`, p99Ratios.map((x) => `${fmt(x)}x`).join(', ')],
        ['CPU per request ratio', `${fmt(median(cpuRatios))}x`, cpuRatios.map((x) => `${fmt(x)}x`).join(', ')],
      ]),
      '',
      `Against bare node:http: workshop-bot ${ratio(median(ours.map((m) => m.rps)), median(bares.map((m) => m.rps)))} of its req/s, the peer ${ratio(median(theirs.map((m) => m.rps)), median(bares.map((m) => m.rps)))}.`,
    ].join('\n'),
    targets: [
      { what: "Telegram question >= 0.8x the smallest grammY bot's req/s (median of same-round ratios)", met: rpsRatio >= 0.8, detail: `${fmt(rpsRatio)}x, rounds ${rpsRatios.map((x) => fmt(x)).join(', ')}` },
      { what: "Telegram question p99 no worse than the peer's (median of same-round ratios)", met: p99Ratio <= 1, detail: `${fmt(p99Ratio)}x, rounds ${p99Ratios.map((x) => fmt(x)).join(', ')}` },
    ],
  };
}
