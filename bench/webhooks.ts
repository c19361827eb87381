// Benchmarks 3 and 5: each webhook endpoint under concurrent load (autocannon) against a server process with
// all three adapters on local fake platform APIs, beside a bare node:http server; then that process's peak RSS.
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { defaultContentDir, loadContent } from '../src/content/load.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { FakeTeamsConnector } from '../fakes/teams-connector.js';
import { FakeBotFrameworkIdentity } from '../fakes/teams-identity.js';
import { FakeTelegramApi, TEST_TOKEN, type Json } from '../fakes/telegram-api.js';
import * as P from './platforms.js';
import { serverBaseEnv, startChild, startScriptNodeFlags, type Child } from './processes.js';
import { benchPeer, PEER_QUESTION } from './peer.js';
import { generateQuestions } from './questions.js';
import { fmt, ratio, table, type Section } from './stats.js';

const HERE = import.meta.dirname;

const CONNECTIONS = 16;
const QUIZ_LENGTH = 20;

interface Fakes {
  telegram: FakeTelegramApi;
  slack: FakeSlackApi;
  connector: FakeTeamsConnector;
  identity: FakeBotFrameworkIdentity;
  teamsToken: string;
}

interface Scenario {
  name: string;
  path: string;
  /** Requests measured, after `warmup` more that are not (a server that has been up a while has its code compiled). */
  amount: number;
  warmup: number;
  build(i: number): P.Built;
  /** Replies of the kind this scenario causes (one per handled request): seen by the fake API, or handed back in responses. */
  replies(): number;
  /** Sees each response body (Telegram's webhook replies travel in them). */
  onBody?(body: string): void;
}

interface Run {
  name: string;
  rps: number;
  p99: number;
  p50: number;
  ok: number;
  bad: number;
  bodyBytes: number;
  delivered: number;
  /** Server CPU time per request (user + system), ms: what the load cost, whatever else ran on the machine. */
  cpuPerRequest: number;
}

export async function load(
  url: string,
  path: string,
  amount: number,
  build: (i: number) => P.Built,
  onBody?: (body: string) => void,
  method: 'POST' | 'GET' = 'POST',
  connections = CONNECTIONS,
): Promise<autocannon.Result> {
  let i = 0;
  // autocannon reports a run that stops at `amount` only at its next one-second sample, so its `duration` is
  // whole seconds (4,000 requests in 1.2 s and in 1.9 s both read as 2 s): time the run to its last response here.
  const started = performance.now();
  let lastResponse = started;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        amount,
        timeout: 20,
        requests: [
          {
            method,
            path,
            setupRequest: (req) => {
              const { headers, body } = build(i++);
              return { ...req, headers, body };
            },
            ...(onBody ? { onResponse: (_status: number, body: string) => onBody(body) } : {}),
          },
        ],
      },
      (err, result) => {
        clearTimeout(guard);
        if (err) reject(err);
        else resolve({ ...result, duration: (lastResponse - started) / 1000 });
      },
    );
    instance.on('response', () => {
      lastResponse = performance.now();
    });
    // Bounded in time as well as in count.
    const guard = setTimeout(() => instance.stop(), 120_000);
  });
}

/** Waits until `count()` reaches `target` or stops moving for two seconds. */
export async function settle(count: () => number, target: number): Promise<number> {
  let last = -1;
  let still = 0;
  for (;;) {
    const now = count();
    if (now >= target) return now;
    still = now === last ? still + 1 : 0;
    if (still >= 10) return now;
    last = now;
    await sleep(200);
  }
}

/** Requests per second over the whole run, first request to last response (see `load`). */
export const rate = (r: autocannon.Result): number => r.requests.total / Math.max(0.001, r.duration);

async function runScenario(server: Child, s: Scenario): Promise<Run> {
  const probe = s.build(-1);
  const res = await fetch(`${server.url}${s.path}`, { method: 'POST', headers: probe.headers, body: probe.body });
  const bodyBytes = (await res.arrayBuffer()).byteLength;
  const start = s.replies();
  const warm = await load(server.url, s.path, s.warmup, s.build, s.onBody);
  await settle(() => s.replies() - start, warm['2xx']);
  const before = s.replies();
  const cpuBefore = server.cpuMs();
  const r = await load(server.url, s.path, s.amount, (i) => s.build(s.warmup + i), s.onBody);
  const delivered = (await settle(() => s.replies() - before, r['2xx'])) / Math.max(1, r['2xx']);
  const cpuPerRequest = (server.cpuMs() - cpuBefore) / Math.max(1, r.requests.total);
  return { name: s.name, rps: rate(r), p50: r.latency.p50, p99: r.latency.p99, ok: r['2xx'], bad: r.non2xx + r.errors + r.timeouts, bodyBytes, delivered, cpuPerRequest };
}

/** The inbound floor: the same server answering GET /healthz (node:http, express, request id; no bot work). */
async function healthRun(server: Child, amount: number): Promise<Run> {
  const probe = await fetch(`${server.url}/healthz`);
  const bodyBytes = (await probe.arrayBuffer()).byteLength;
  const get = () => ({ headers: {}, body: '' });
  await load(server.url, '/healthz', Math.round(amount / 5), get, undefined, 'GET');
  const cpuBefore = server.cpuMs();
  const r = await load(server.url, '/healthz', amount, get, undefined, 'GET');
  const cpuPerRequest = (server.cpuMs() - cpuBefore) / Math.max(1, r.requests.total);
  return { name: 'GET /healthz (no bot work)', rps: rate(r), p50: r.latency.p50, p99: r.latency.p99, ok: r['2xx'], bad: r.non2xx + r.errors + r.timeouts, bodyBytes, delivered: NaN, cpuPerRequest };
}

async function bareRun(bytes: number, amount: number, logFile: string): Promise<Run> {
  const bare = await startChild([join(HERE, 'bare-server-child.js')], { BARE_BODY_BYTES: String(bytes) }, logFile);
  try {
    const body = JSON.stringify({ update_id: 1, message: { text: 'x'.repeat(300) } });
    const cpuBefore = bare.cpuMs();
    const r = await load(bare.url, '/', amount, () => ({ headers: { 'content-type': 'application/json' }, body }));
    const cpuPerRequest = (bare.cpuMs() - cpuBefore) / Math.max(1, r.requests.total);
    return { name: 'bare', rps: rate(r), p50: r.latency.p50, p99: r.latency.p99, ok: r['2xx'], bad: r.non2xx + r.errors, bodyBytes: bytes, delivered: 1, cpuPerRequest };
  } finally {
    await bare.stop();
  }
}

async function startFakes(): Promise<Fakes> {
  const telegram = await FakeTelegramApi.start();
  const slack = await new FakeSlackApi().start();
  const connector = await FakeTeamsConnector.start();
  const identity = await FakeBotFrameworkIdentity.start({ endorsements: ['msteams'] });
  identity.registerClient(P.TEAMS_APP_ID, P.TEAMS_PASSWORD);
  const teamsToken = await identity.channelToken({ appId: P.TEAMS_APP_ID, serviceUrl: connector.url, expiresIn: 3 * 3600 });
  return { telegram, slack, connector, identity, teamsToken };
}

function serverEnv(f: Fakes, dir: string): Record<string, string> {
  return {
    ...serverBaseEnv(dir),
    TELEGRAM_BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: f.telegram.url,
    TELEGRAM_WEBHOOK_SECRET: P.TELEGRAM_SECRET,
    TELEGRAM_BOT_USERNAME: 'WorkshopTestBot',
    SLACK_BOT_TOKEN: P.SLACK_TOKEN,
    SLACK_SIGNING_SECRET: P.SLACK_SECRET,
    SLACK_API_URL: f.slack.url,
    MicrosoftAppId: P.TEAMS_APP_ID,
    MicrosoftAppPassword: P.TEAMS_PASSWORD,
    ToBotFromChannelOpenIdMetadataUrl: f.identity.metadataUrl,
    BENCH_TEAMS_TOKEN_URL: f.identity.tokenUrl,
  };
}

/** Runs `fn` over 0..n-1, `limit` at a time. */
async function each(n: number, limit: number, fn: (k: number) => Promise<void>): Promise<void> {
  let k = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (k < n) await fn(k++);
  }));
}

async function post(url: string, b: P.Built): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: b.headers, body: b.body });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`setup request to ${url} answered ${res.status}`);
}

const SID = /"q:([A-Za-z0-9_-]{1,24}):0:\d+"/;

/** Starts a 20-question quiz for `users` people on each platform; returns what their button presses need. */
async function startQuizzes(server: Child, f: Fakes, users: number) {
  await each(users, 8, async (k) => {
    // The quiz's question comes back in the webhook response; deliverUpdate has the fake perform it, as Telegram would.
    const started = await f.telegram.deliverUpdate(server.url, JSON.parse(P.telegramText(k, `/quiz ${QUIZ_LENGTH}`).body) as Json, P.TELEGRAM_SECRET);
    if (started !== 200) throw new Error(`setup request to /telegram/webhook answered ${started}`);
    await post(`${server.url}/slack/events`, P.slackText(k, `/quiz ${QUIZ_LENGTH}`));
    await post(`${server.url}/api/messages`, P.teamsActivity(k, f.connector.url, f.teamsToken, { text: `/quiz ${QUIZ_LENGTH}` }));
  });
  await settle(() => f.slack.callsTo('chat.postMessage').filter((c) => SID.test(JSON.stringify(c.body))).length, users);
  const telegram = Array.from({ length: users }, (_, k) => {
    const m = f.telegram.lastMessageWithButtons(P.telegramUser(k).id);
    const sid = m && SID.exec(JSON.stringify(m.reply_markup))?.[1];
    if (!m || !sid) throw new Error(`no Telegram quiz for person ${k}`);
    return { sid, message: { message_id: m.message_id, date: m.date } };
  });
  const slackPosts = new Map(f.slack.callsTo('chat.postMessage').filter((c) => SID.test(JSON.stringify(c.body))).map((c) => [c.body.channel as string, c]));
  const slack = Array.from({ length: users }, (_, k) => {
    const c = slackPosts.get(P.slackDm(k));
    if (!c) throw new Error(`no Slack quiz for person ${k}`);
    return { sid: SID.exec(JSON.stringify(c.body))![1], ts: String(c.response?.ts) };
  });
  const cards = new Map(f.connector.callsTo('replyToActivity').filter((c) => SID.test(JSON.stringify(c.body))).map((c) => [c.conversationId, c]));
  const teams = Array.from({ length: users }, (_, k) => {
    const c = cards.get(P.teamsConversation(k));
    if (!c) throw new Error(`no Teams quiz for person ${k}`);
    return { sid: SID.exec(JSON.stringify(c.body))![1], cardId: String(c.id) };
  });
  return { telegram, slack, teams };
}

/** 10,000 people who each write once (a question), spread over the three platforms: what per-person state costs. */
async function distinctPeople(server: Child, f: Fakes, people: number, question: string): Promise<number> {
  const base = 200_000;
  const each = Math.ceil(people / 3);
  let ok = 0;
  const runs: [string, (i: number) => P.Built][] = [
    ['/telegram/webhook', (i) => P.telegramText(base + i, question)],
    ['/slack/events', (i) => P.slackText(base + i, question)],
    ['/api/messages', (i) => P.teamsActivity(base + i, f.connector.url, f.teamsToken, { text: question })],
  ];
  for (const [path, build] of runs) ok += (await load(server.url, path, each, (i) => build(Math.max(0, i)))).requests.total;
  return ok;
}

export async function benchWebhooks(opts: { quick: boolean; peer?: boolean; people?: boolean }): Promise<{ webhooks: Section; memory: Section; peer?: Section }> {
  const dir = mkdtempSync(join(tmpdir(), 'wb-bench-'));
  const logFile = join(dir, 'server.log');
  // The search index as a deployment has it: `npm run build` writes it to data/cache, and `serve` loads it. A
  // first start without it builds it (WordNet read whole), which is measured on its own below.
  const builtCache = join(process.cwd(), 'data', 'cache');
  const cached = existsSync(builtCache);
  if (cached) cpSync(builtCache, join(dir, 'cache'), { recursive: true });
  const f = await startFakes();
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=prof", profiles the server process.
  // BENCH_SERVE_FLAGS replaces npm start's node flags (e.g. "" for V8's defaults), for experiments.
  const serveFlags = process.env.BENCH_SERVE_FLAGS !== undefined ? process.env.BENCH_SERVE_FLAGS.split(/\s+/).filter(Boolean) : startScriptNodeFlags();
  const nodeArgs = [...serveFlags, ...(process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean)];
  const server = await startChild([...nodeArgs, join(HERE, 'server-child.js')], serverEnv(f, dir), logFile, 60_000);
  try {
    const content = loadContent(defaultContentDir());
    const questions = generateQuestions(content, 500, 7);
    const users = opts.quick ? 150 : 400;
    const asks = opts.quick ? 3000 : 8000;
    // The first two rounds of presses warm the server up; the other rounds are measured.
    const warmPresses = users * 2;
    const presses = users * QUIZ_LENGTH - warmPresses;
    const warmAsks = Math.round(asks / 5);
    // Set up below, only when a button scenario runs (BENCH_SCENARIOS may leave them out).
    let quiz!: Awaited<ReturnType<typeof startQuizzes>>;
    const q = (i: number) => questions[Math.abs(i) % questions.length]!;
    // Askers are other people than the quiz takers: a question in the middle of a quiz gets the question
    // re-asked too, which is a different (bigger) reply.
    const asker = (i: number) => users + (Math.abs(i) % users);
    // Press i belongs to person i % users and answers their question i / users: each person's presses
    // come in order, far enough apart (users >> connections) that the previous one has been handled.
    const press = (i: number) => {
      const j = Math.max(0, i);
      return { k: j % users, index: Math.floor(j / users) % QUIZ_LENGTH, answer: String(j % 3) };
    };
    const tg = f.telegram;
    // A one-message reply goes back in the webhook response, which Telegram would then perform.
    let webhookReplies = 0;
    const scenarios: Scenario[] = [
      {
        name: 'Telegram question',
        path: '/telegram/webhook',
        amount: asks,
        warmup: warmAsks,
        build: (i) => P.telegramText(asker(i), q(i)),
        replies: () => tg.callsTo('sendMessage').length + webhookReplies,
        onBody: (body) => {
          if (body.includes('"method":"sendMessage"')) webhookReplies++;
        },
      },
      {
        name: 'Telegram quiz button',
        path: '/telegram/webhook',
        amount: presses,
        warmup: warmPresses,
        build: (i) => {
          const p = press(i);
          const started = quiz.telegram[p.k]!;
          return P.telegramPress(p.k, started.message, `q:${started.sid}:${p.index}:${p.answer}`);
        },
        replies: () => tg.callsTo('answerCallbackQuery').length,
      },
      { name: 'Slack question (signed)', path: '/slack/events', amount: asks, warmup: warmAsks, build: (i) => P.slackText(asker(i), q(i)), replies: () => f.slack.callsTo('chat.postMessage').length },
      {
        name: 'Slack quiz button (signed)',
        path: '/slack/events',
        amount: presses,
        warmup: warmPresses,
        build: (i) => {
          const p = press(i);
          const started = quiz.slack[p.k]!;
          return P.slackPress(p.k, started.ts, `q:${started.sid}:${p.index}:${p.answer}`);
        },
        replies: () => f.slack.callsTo('chat.update').length,
      },
      {
        name: 'Teams question (JWT)',
        path: '/api/messages',
        amount: asks,
        warmup: warmAsks,
        build: (i) => P.teamsActivity(asker(i), f.connector.url, f.teamsToken, { text: q(i) }),
        replies: () => f.connector.callsTo('replyToActivity').length,
      },
      {
        name: 'Teams quiz button (JWT)',
        path: '/api/messages',
        amount: presses,
        warmup: warmPresses,
        build: (i) => {
          const p = press(i);
          return P.teamsActivity(p.k, f.connector.url, f.teamsToken, { value: { choice: `q:${quiz.teams[p.k]!.sid}:${p.index}:${p.answer}` }, replyToId: quiz.teams[p.k]!.cardId });
        },
        replies: () => f.connector.callsTo('updateActivity').length,
      },
    ];
    // Each scenario's probe (i = -1, to learn the response size) is person 0's first question or press; the
    // run's own first press for person 0 then finds it answered, and gets the "already answered" reply.
    const runs: Run[] = [];
    // BENCH_SCENARIOS=telegram,slack runs only the scenarios whose name contains one of the words.
    const only = process.env.BENCH_SCENARIOS?.toLowerCase().split(',');
    const selected = scenarios.filter((s) => !only || only.some((w) => s.name.toLowerCase().includes(w)));
    if (selected.some((s) => s.name.includes('button'))) quiz = await startQuizzes(server, f, users);
    for (const s of selected) runs.push(await runScenario(server, s));
    const peak = server.peakRssMb();
    const afterRss = server.rssMb();
    if (!only) runs.push(await healthRun(server, asks));
    const peer = opts.peer ? await benchPeer({ server, telegram: f.telegram, logFile, quick: opts.quick }) : undefined;
    const peakAfterPeer = server.peakRssMb();
    const PEOPLE = 10_000;
    const wrote = opts.people === false ? 0 : await distinctPeople(server, f, PEOPLE, PEER_QUESTION);
    const peakAfterPeople = server.peakRssMb();
    const rssAfterPeople = server.rssMb();

    const baselines = new Map<number, Run>();
    for (const bytes of new Set(runs.map((r) => r.bodyBytes))) baselines.set(bytes, await bareRun(bytes, asks * 3, logFile));
    const rows = runs.map((r) => {
      const b = baselines.get(r.bodyBytes)!;
      return [
        r.name,
        `${r.ok}${r.bad ? ` (+${r.bad} failed)` : ''}`,
        fmt(r.rps),
        fmt(r.p50, 'ms'),
        fmt(r.p99, 'ms'),
        fmt(r.cpuPerRequest, 'ms'),
        Number.isNaN(r.delivered) ? '' : `${Math.round(r.delivered * 100)}%`,
        `${fmt(b.rps)} / ${fmt(b.p99, 'ms')} / ${fmt(b.cpuPerRequest, 'ms')}`,
        ratio(r.rps, b.rps),
      ];
    });
    const minRps = Math.min(...runs.filter((r) => !Number.isNaN(r.delivered)).map((r) => r.rps));
    // A first start with no index cache (another empty data folder), to listening: its own peak.
    const coldDir = mkdtempSync(join(tmpdir(), 'wb-bench-cold-'));
    const cold = await startChild([...nodeArgs.filter((a) => !a.startsWith('--cpu-prof')), join(HERE, 'server-child.js')], serverEnv(f, coldDir), logFile, 60_000);
    const coldPeak = cold.peakRssMb();
    await cold.stop();
    const idle = await startChild([join(HERE, 'bare-server-child.js')], {}, logFile);
    await sleep(1000);
    const idlePeak = idle.peakRssMb();
    await idle.stop();
    const code = await server.stop();
    return {
      webhooks: {
        title: '3. Webhook endpoints under load',
        body: [
          `autocannon, ${CONNECTIONS} connections on 127.0.0.1, a fixed number of requests each; the server is one process ` +
            `(\`startServer\`, all three adapters, SQLite, LOG_LEVEL=info, scheduler on, node ${serveFlags.join(' ') || 'without flags'} as \`npm start\` runs it); ` +
            'the fake platform APIs and autocannon share the other core. ' +
            `Questions rotate over 500 generated ones from ${users} people; each press answers the current question of one of ${users} ` +
            `${QUIZ_LENGTH}-question quizzes. "Replies" is the share of 2xx requests whose reply (sendMessage / answerCallbackQuery, ` +
            'chat.postMessage / chat.update, reply / card update) reached the fake API, or for a Telegram question came back in the webhook ' +
            'response for Telegram to send. Each run is preceded by an unmeasured warm-up (a fifth as many questions; two rounds of presses). ' +
            'The last row is the same server answering GET /healthz: what node:http, express and the request id cost with no bot work. ' +
            'Baseline: bare node:http answering the same body size (its CPU per request too).',
          '',
          table(['endpoint', 'requests (2xx)', 'req/s', 'p50', 'p99', 'server CPU / request', 'replies', 'bare req/s / p99 / CPU', 'req/s ratio'], rows),
        ].join('\n'),
        targets: [{ what: '>= 2,000 webhook requests/s per process (slowest endpoint)', met: minRps >= 2000, detail: `${fmt(minRps)} req/s` }],
      },
      memory: {
        title: '5. Peak memory (RSS) of the server',
        body: table(['', 'server, all three adapters', 'node holding an idle http server', 'ratio'], [
          ['peak RSS (VmHWM) after the load of section 3', fmt(peak, 'MB'), fmt(idlePeak, 'MB'), ratio(peak, idlePeak)],
          ['RSS right after that load', fmt(afterRss, 'MB'), '', ''],
          ...(peer ? [['peak RSS after section 9 too', fmt(peakAfterPeer, 'MB'), '', ratio(peakAfterPeer, idlePeak)]] : []),
          [`peak RSS after ${PEOPLE.toLocaleString('en')} more distinct people wrote once each (a third per platform)`, fmt(peakAfterPeople, 'MB'), '', ratio(peakAfterPeople, idlePeak)],
          ['RSS right after those people', fmt(rssAfterPeople, 'MB'), '', ''],
          ['peak RSS of a first start with no index cache, to listening (builds the index: WordNet read whole)', fmt(coldPeak, 'MB'), '', ratio(coldPeak, idlePeak)],
        ]) + `\n\nThe server under load started ${cached ? 'with the search index cache that `npm run build` wrote (data/cache), as `serve` does after it' : 'without an index cache (no data/cache: run `npm run build`), building it'}. The ${PEOPLE.toLocaleString('en')} people sent ${wrote} requests (${CONNECTIONS} connections, one question each). The server exited with code ${code} on SIGTERM.`,
        targets: [
          { what: 'RSS < 200 MB after the load of section 3', met: peak < 200, detail: fmt(peak, 'MB') },
          { what: `RSS < 200 MB after ${PEOPLE.toLocaleString('en')} distinct people too`, met: peakAfterPeople < 200, detail: fmt(peakAfterPeople, 'MB') },
        ],
      },
      ...(peer ? { peer } : {}),
    };
  } finally {
    await server.stop().catch(() => undefined);
    await f.telegram.close();
    await f.slack.close();
    await f.connector.close();
    await f.identity.close();
  }
}
