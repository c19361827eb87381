// Two `serve` processes on one PostgreSQL database: a redelivered Telegram update is answered once, and only one process polls.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramApi, privateText, TEST_TOKEN, type Person } from '../../fakes/telegram-api.js';
import { ApiProxy, freshDatabase, killAll, SKIP_MESSAGE, startServe, TEST_DATABASE_URL, waitUntil, type LogLine, type ServeProcess } from './harness.js';

const SECRET = 'scale-webhook_secret';
const baseUrl = TEST_DATABASE_URL;

let personSeq = 31_000;
const newPerson = (): Person => ({ id: personSeq++, first_name: 'Sione' });

if (!baseUrl) {
  console.warn(SKIP_MESSAGE);
  describe.skip(SKIP_MESSAGE, () => {
    it('needs a PostgreSQL server', () => undefined);
  });
} else {
  describe('Telegram from two processes on one PostgreSQL database', () => {
    let api: FakeTelegramApi;
    const cleanups: (() => Promise<unknown>)[] = [];

    beforeAll(async () => {
      api = await FakeTelegramApi.start();
    });
    afterEach(async () => {
      await killAll();
      for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
    });
    afterAll(async () => {
      await api?.close();
    });

    /** Two serve processes on a fresh database, each reaching the fake Bot API through its own proxy. */
    async function startPair(env: Record<string, string>): Promise<{ procs: ServeProcess[]; proxies: ApiProxy[] }> {
      const db = await freshDatabase(baseUrl!);
      cleanups.push(() => db.drop());
      const proxies = await Promise.all([ApiProxy.start(api.url), ApiProxy.start(api.url)]);
      for (const p of proxies) cleanups.push(() => p.close());
      const envFor = (proxy: ApiProxy) => ({
        DATABASE_URL: db.url,
        SCHEDULER_INTERVAL_MS: '200',
        TELEGRAM_BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_BOT_USERNAME: 'WorkshopTestBot',
        TELEGRAM_API_ROOT: proxy.url,
        TELEGRAM_POLLING_RETRY_MS: '300',
        ...env,
      });
      const procs = await Promise.all([startServe('bot-a', envFor(proxies[0])), startServe('bot-b', envFor(proxies[1]))]);
      return { procs, proxies };
    }

    const repliesTo = (person: Person) => api.callsTo('sendMessage').filter((c) => Number(c.body.chat_id) === person.id && c.status === 200);

    it('answers an update Telegram delivers to both processes once, in turn or at the same moment', async () => {
      const { procs } = await startPair({ TELEGRAM_WEBHOOK_SECRET: SECRET });
      const [a, b] = procs;

      // A retry that the load balancer sends to the other process, after the first was answered.
      const first = newPerson();
      const update = privateText('/help', first);
      expect(await api.deliverUpdate(a!.url, update, SECRET)).toBe(200);
      expect(repliesTo(first)).toHaveLength(1);
      expect(await api.deliverUpdate(b!.url, update, SECRET)).toBe(200);
      expect(await api.deliverUpdate(a!.url, update, SECRET)).toBe(200);
      expect(repliesTo(first)).toHaveLength(1);

      // The same update arriving at both at once.
      const second = newPerson();
      const twin = privateText('/help', second);
      expect(await Promise.all([api.deliverUpdate(a!.url, twin, SECRET), api.deliverUpdate(b!.url, twin, SECRET)])).toEqual([200, 200]);
      expect(repliesTo(second)).toHaveLength(1);

      // A different update from the same person is still answered.
      expect(await api.deliverUpdate(b!.url, privateText('/privacy', second), SECRET)).toBe(200);
      expect(repliesTo(second)).toHaveLength(2);
    }, 60_000);

    it('long-polls Telegram from one process only; the other still serves', async () => {
      const { procs, proxies } = await startPair({});
      const isPolling = (l: LogLine) => l.msg === 'polling Telegram for updates';
      const isStandby = (l: LogLine) => /another process polls Telegram/.test(String(l.msg));
      const pollingLog = (p: ServeProcess) => p.logs.some(isPolling);
      const standingBy = (p: ServeProcess) => p.logs.some(isStandby);
      // Logs go to stderr asynchronously: wait until each process has said which role it took.
      await Promise.all(procs.map((p) => p.waitForLog((l) => isPolling(l) || isStandby(l), 10_000)));
      expect(procs.map(pollingLog).filter(Boolean)).toHaveLength(1);
      expect(procs.map(standingBy).filter(Boolean)).toHaveLength(1);
      const poller = procs.findIndex(pollingLog);
      const other = 1 - poller;

      // Messages sent while both run reach the bot once, through the one poller.
      const person = newPerson();
      api.queueUpdate(privateText('/help', person));
      api.queueUpdate(privateText('/privacy', person));
      await waitUntil('replies to both messages', () => repliesTo(person).length >= 2, 20_000);
      await waitUntil('the poller to confirm the updates', () => api.highestOffset > 0 && proxies[poller]!.callsTo('getUpdates').length >= 2, 20_000);

      expect(repliesTo(person)).toHaveLength(2);
      expect(proxies[poller]!.callsTo('getUpdates').length).toBeGreaterThan(0);
      expect(proxies[other]!.callsTo('getUpdates')).toEqual([]);
      // The standby process is alive and ready (it still sends follow-ups).
      const ready = await fetch(`${procs[other]!.url}/readyz`);
      expect(ready.status).toBe(200);

      // The poller dies: its lock goes with its connection, and the other process takes over polling.
      procs[poller]!.child.kill('SIGKILL');
      await procs[poller]!.exited;
      const later = newPerson();
      api.queueUpdate(privateText('/help', later));
      await waitUntil('the standby to take over and answer', () => repliesTo(later).length >= 1, 20_000);
      expect(proxies[other]!.callsTo('getUpdates').length).toBeGreaterThan(0);
    }, 60_000);

    it('keeps answering when the poller has a one-connection pool (its lock has a connection of its own)', async () => {
      const db = await freshDatabase(baseUrl!);
      cleanups.push(() => db.drop());
      await startServe('bot-small-pool', {
        DATABASE_URL: db.url,
        DATABASE_POOL_MAX: '1',
        TELEGRAM_BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_BOT_USERNAME: 'WorkshopTestBot',
        TELEGRAM_API_ROOT: api.url,
      });
      const person = newPerson();
      api.queueUpdate(privateText('/privacy', person));
      await waitUntil('a reply', () => repliesTo(person).length >= 1, 20_000);
      const [reply] = repliesTo(person);
      expect(String(reply!.body.text)).not.toMatch(/something went wrong/);
      expect(String(reply!.body.text).length).toBeGreaterThan(40);
    }, 60_000);
  });
}
