// A server killed (SIGKILL) mid-delivery to 200 Telegram members, then started again on the same SQLite file:
// everyone gets the follow-up, and only messages in flight at the kill can arrive twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';
import { cacheEnv, CLI } from '../cli.js';
import { FakeTelegramApi, TEST_TOKEN } from '../../fakes/telegram-api.js';

const MEMBERS = 200;
const FIRST_CHAT = 60_000;
const TRAINER_CHAT = 4100;
const MESSAGE = 'Reminder: the follow-up session starts on Monday.';
/** The scheduler's default: sends in flight per platform, so the most that can be sent but not recorded at a kill. */
const IN_FLIGHT = 4;

let api: FakeTelegramApi;
let dir: string;
const children: ChildProcess[] = [];

async function seed(url: string): Promise<void> {
  const store = await createStore({ url });
  await store.migrate();
  const now = new Date();
  await store.upsertUser({ key: `telegram:${TRAINER_CHAT}`, platform: 'telegram', name: 'Tala Trainer', address: { chatId: TRAINER_CHAT } }, now);
  await store.createCohort({ id: 'c1', code: 'CRASH2', name: 'Crash test', createdBy: `telegram:${TRAINER_CHAT}`, createdAt: now });
  for (let i = 0; i < MEMBERS; i++) {
    const id = FIRST_CHAT + i;
    await store.upsertUser({ key: `telegram:${id}`, platform: 'telegram', name: `Member ${i}`, address: { chatId: id } }, now);
    await store.addMember('c1', `telegram:${id}`, now);
  }
  await store.createFollowup({ id: 'f1', cohortId: 'c1', kind: 'message', text: MESSAGE, dueAt: now, status: 'scheduled', createdBy: `telegram:${TRAINER_CHAT}`, createdAt: now });
  await store.close();
}

/** Starts `serve` as a child process and resolves once it says it is ready. */
async function serve(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dir,
      ...cacheEnv(),
      LOG_LEVEL: 'silent',
      TZ: 'UTC',
      SCHEDULER_INTERVAL_MS: '50',
      FOLLOWUP_LEASE_MS: '2000',
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: api.url,
      TELEGRAM_WEBHOOK_SECRET: 'crash-test-secret',
      TELEGRAM_BOT_USERNAME: 'WorkshopTestBot',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('listening on ')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before it was ready: ${err.slice(0, 2000)}`)));
  });
  return child;
}

const memberSends = () => api.callsTo('sendMessage').filter((c) => c.status === 200 && Number(c.body.chat_id) >= FIRST_CHAT);

beforeAll(async () => {
  api = await FakeTelegramApi.start();
  dir = mkdtempSync(join(tmpdir(), 'wb-crash-'));
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await api?.close();
});

describe('a server killed mid-delivery', () => {
  it('completes the delivery after a restart, with nobody missed and only in-flight messages twice', async () => {
    const url = `sqlite:${join(dir, 'bot.db')}`;
    await seed(url);

    const first = await serve(url);
    await api.waitFor(() => memberSends().length >= 40, 30_000);
    first.kill('SIGKILL');
    await once(first, 'exit');
    const atKill = memberSends().length;
    expect(atKill).toBeLessThan(MEMBERS); // it really died mid-delivery

    await serve(url);
    const report = await api.waitFor(
      (calls) => calls.find((c) => Number(c.body.chat_id) === TRAINER_CHAT && String(c.body.text).includes('Sent: '))?.body.text as string | undefined,
      45_000,
    );

    const perChat = new Map<number, number>();
    for (const c of memberSends()) {
      expect(c.body.text).toContain(MESSAGE);
      perChat.set(Number(c.body.chat_id), (perChat.get(Number(c.body.chat_id)) ?? 0) + 1);
    }
    expect(perChat.size).toBe(MEMBERS); // nobody missed
    const twice = [...perChat.values()].filter((n) => n > 1);
    expect(twice.every((n) => n === 2)).toBe(true);
    expect(twice.length).toBeLessThanOrEqual(IN_FLIGHT);
    expect(report).toContain(`Sent: ${MEMBERS} · Unreachable: 0 · Failed: 0 (of ${MEMBERS})`);
    // A delivery this long also told the trainer how it was going.
    const progress = api.callsTo('sendMessage').filter((c) => Number(c.body.chat_id) === TRAINER_CHAT && /^Follow-up f1: sent \d+ of 200/.test(String(c.body.text)));
    expect(progress.length).toBeGreaterThan(0);
  }, 120_000);
});
