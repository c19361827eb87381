// Benchmark 6's client process: sends messages, 16 at a time, through each platform's messenger (the code
// follow-ups use: the real SDK clients) to the local fake APIs, and through a bare node:http POST of the same
// size, and prints {"results": [{name, cpuUs, wallUs}]} on stdout. CPU is this process's own (user + system).
import { Agent, request } from 'node:http';
import { pino } from 'pino';
import { Api } from 'grammy';
import { CloudAdapter } from 'botbuilder';
import { webApi } from '@slack/bolt';
import { createSlackMessenger } from '../adapters/slack/messenger.js';
import { fetchWithin } from '../adapters/slack/fetch.js';
import { createTeamsMessenger } from '../adapters/teams/messenger.js';
import { createTeamsAuthentication, readBotFrameworkSettings } from '../adapters/teams/settings.js';
import { createTelegramMessenger } from '../adapters/telegram/messenger.js';
import type { Messenger } from '../src/core/messages.js';
import { text } from '../src/core/messages.js';
import { fakeTokenCredentials } from './teams-credentials.js';

const env = process.env as Record<string, string>;
/** A variable bench/messages.ts always sets for this child. */
const must = (name: string): string => {
  const v = env[name];
  if (v === undefined) throw new Error(`${name} is not set (bench/messages.ts sets it)`);
  return v;
};
const COUNT = Number(env.BENCH_MESSAGES ?? 2000);
const WARMUP = Math.ceil(COUNT / 5);
/** Messages in flight at once, as in a busy server (one at a time would mostly measure event-loop wake-ups). */
const CONCURRENCY = 16;
// An answer-sized message (a few hundred characters).
const MESSAGE = text('The 3As of digital exclusion are access, affordability and ability. '.repeat(5).trim());

interface Result {
  name: string;
  cpuUs: number;
  wallUs: number;
}

/** Sends messages from..from+count-1, CONCURRENCY at a time. */
async function sendAll(send: (i: number) => Promise<void>, from: number, count: number): Promise<void> {
  let next = from;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < from + count) await send(next++);
    }),
  );
}

async function measure(name: string, send: (i: number) => Promise<void>): Promise<Result> {
  await sendAll(send, 0, WARMUP);
  const cpu = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await sendAll(send, WARMUP, COUNT);
  const used = process.cpuUsage(cpu);
  return { name, cpuUs: (used.user + used.system) / COUNT, wallUs: Number(process.hrtime.bigint() - t0) / 1000 / COUNT };
}

const agent = new Agent({ keepAlive: true });
/** The baseline: one keep-alive node:http POST of the Telegram call's JSON body, response read and parsed. */
function barePost(url: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (data += c));
      res.on('end', () => {
        JSON.parse(data);
        resolve();
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const logger = pino({ level: 'silent' });
const telegram = createTelegramMessenger(new Api(must('BENCH_TELEGRAM_TOKEN'), { apiRoot: env.BENCH_TELEGRAM_URL }));
const slack = createSlackMessenger(new webApi.WebClient(env.BENCH_SLACK_TOKEN, { slackApiUrl: env.BENCH_SLACK_URL, retryConfig: { retries: 0 }, fetch: fetchWithin(10_000) }));
const settings = readBotFrameworkSettings({ MicrosoftAppId: env.BENCH_TEAMS_APP_ID, MicrosoftAppPassword: env.BENCH_TEAMS_PASSWORD });
const credentials = fakeTokenCredentials(must('BENCH_TEAMS_TOKEN_URL'), must('BENCH_TEAMS_APP_ID'), must('BENCH_TEAMS_PASSWORD'));
const teamsAdapter = new CloudAdapter(createTeamsAuthentication(settings, { emulator: false, credentialsFactory: credentials }));
const teams = createTeamsMessenger(teamsAdapter, must('BENCH_TEAMS_APP_ID'), logger);

const via = (m: Messenger, address: (i: number) => unknown) => (i: number) => m.send(address(i), [MESSAGE]);
const body = JSON.stringify({ chat_id: 700_001, text: MESSAGE.kind === 'text' ? MESSAGE.text : '' });
const results = [
  await measure('node:http POST (baseline)', () => barePost(`${env.BENCH_TELEGRAM_URL}/bot${env.BENCH_TELEGRAM_TOKEN}/sendMessage`, body)),
  await measure('Telegram: grammY sendMessage', via(telegram, (i) => ({ chatId: 700_000 + (i % 100) }))),
  await measure('Slack: WebClient chat.postMessage', via(slack, (i) => ({ userId: `U0MSG${i % 100}`, channel: `D0MSG${i % 100}` }))),
  await measure('Teams: CloudAdapter proactive message', via(teams, (i) => ({
    channelId: 'msteams',
    serviceUrl: env.BENCH_TEAMS_CONNECTOR_URL,
    conversation: { id: `a:personal-29:msg-${i % 100}`, conversationType: 'personal', tenantId: 'tenant-1' },
    bot: { id: `28:${env.BENCH_TEAMS_APP_ID}`, name: 'Workshop Assistant' },
    user: { id: `29:msg-${i % 100}` },
  }))),
];
process.stdout.write(`${JSON.stringify({ results })}\n`);
process.exit(0);
