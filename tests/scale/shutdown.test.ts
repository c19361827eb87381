// SIGTERM to one of two `serve` processes mid-delivery: it finishes what it holds and exits cleanly; nobody gets a follow-up twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramApi, TEST_TOKEN } from '../../fakes/telegram-api.js';
import type { Store } from '../../src/store/index.js';
import { ApiProxy, freshDatabase, killAll, openStore, seedCohort, SKIP_MESSAGE, startServe, TEST_DATABASE_URL, waitUntil, type TestDatabase } from './harness.js';

const TRAINER_KEY = 'telegram:9003';
const MESSAGE = 'Slides from day two are in the shared folder.';
const baseUrl = TEST_DATABASE_URL;

if (!baseUrl) {
  console.warn(SKIP_MESSAGE);
  describe.skip(SKIP_MESSAGE, () => {
    it('needs a PostgreSQL server', () => undefined);
  });
} else {
  describe('graceful shutdown of one of two processes', () => {
    let api: FakeTelegramApi;
    let db: TestDatabase;
    let store: Store;
    const proxies: ApiProxy[] = [];

    beforeAll(async () => {
      api = await FakeTelegramApi.start();
      db = await freshDatabase(baseUrl);
      store = await openStore(db.url);
    });
    afterAll(async () => {
      await killAll();
      await Promise.all(proxies.map((p) => p.close()));
      await store?.close();
      await db?.drop();
      await api?.close();
    });

    it('hands over without sending anything twice when a process is stopped with SIGTERM', async () => {
      const ids = await seedCohort(store, { cohortId: 'shutdown-cohort', code: 'SHUTDN1', trainerKey: TRAINER_KEY, count: 200, firstId: 300_000 });
      const idSet = new Set(ids);
      proxies.push(...(await Promise.all([ApiProxy.start(api.url, 3), ApiProxy.start(api.url, 3)])));
      const env = (proxy: ApiProxy) => ({
        DATABASE_URL: db.url,
        SCHEDULER_INTERVAL_MS: '100',
        FOLLOWUP_LEASE_MS: '5000',
        TELEGRAM_BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_BOT_USERNAME: 'WorkshopTestBot',
        TELEGRAM_WEBHOOK_SECRET: 'scale-webhook_secret',
        TELEGRAM_API_ROOT: proxy.url,
      });
      const [a, b] = await Promise.all([startServe('bot-a', env(proxies[0]!)), startServe('bot-b', env(proxies[1]!))]);

      const now = new Date();
      await store.createFollowup({ id: 'shutdown-followup', cohortId: 'shutdown-cohort', kind: 'message', text: MESSAGE, dueAt: now, status: 'scheduled', createdBy: TRAINER_KEY, createdAt: now });
      const sentVia = (p: ApiProxy) => p.callsTo('sendMessage').filter((c) => c.status === 200 && idSet.has(Number(c.chatId))).length;
      await waitUntil('both processes to be sending', () => sentVia(proxies[0]!) >= 15 && sentVia(proxies[1]!) >= 15, 30_000, 20);

      // What a deployment does to retire a process: SIGTERM, then wait for it to exit.
      expect(await a.stop()).toBe(0);
      expect(a.logs.some((l) => l.msg === 'shutting down' && l.signal === 'SIGTERM')).toBe(true);
      // It left nothing half-done: every delivery it claimed has its outcome recorded.
      const leftByA = (await store.listDeliveries('shutdown-followup')).filter((d) => d.leasedBy === a.workerId && d.status === 'pending');
      expect(leftByA).toEqual([]);

      await waitUntil('the follow-up to be done', async () => (await store.getFollowup('shutdown-followup'))?.status === 'done', 30_000, 250);
      const counts = new Map<number, number>(ids.map((id) => [id, 0]));
      for (const c of api.callsTo('sendMessage')) if (c.status === 200 && idSet.has(Number(c.body.chat_id))) counts.set(Number(c.body.chat_id), counts.get(Number(c.body.chat_id))! + 1);
      expect([...counts].filter(([, n]) => n !== 1)).toEqual([]);
      expect(sentVia(proxies[0]!) + sentVia(proxies[1]!)).toBe(ids.length);
      expect(sentVia(proxies[1]!)).toBeGreaterThan(15);
      await b.stop();
    }, 60_000);
  });
}
