// The bot on a private PostgreSQL that is stopped and started under it: /readyz follows the database, no scheduled work is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramApi, TEST_TOKEN } from '../../fakes/telegram-api.js';
import type { Store } from '../../src/store/index.js';
import { killAll, openStore, readyz, seedCohort, SKIP_MESSAGE, startServe, TEST_DATABASE_URL, waitUntil, type ServeProcess } from './harness.js';
import { createPrivatePostgres, privatePostgresUnavailable, type PrivatePostgres } from './private-postgres.js';

const SECRET = 'scale-webhook_secret';
const TRAINER_KEY = 'telegram:9002';
const MESSAGE = 'The workshop notes are ready.';

// Gated like the other PostgreSQL tests; the database itself is a private cluster, never the shared one
// (other test files use it at the same time).
const skipReason = !TEST_DATABASE_URL ? SKIP_MESSAGE : privatePostgresUnavailable();

if (skipReason) {
  console.warn(skipReason);
  describe.skip(skipReason, () => {
    it('needs PostgreSQL', () => undefined);
  });
} else {
  describe('a PostgreSQL restart under a running bot', () => {
    let pg: PrivatePostgres;
    let api: FakeTelegramApi;
    let bot: ServeProcess;

    beforeAll(async () => {
      pg = await createPrivatePostgres();
      api = await FakeTelegramApi.start();
      bot = await startServe('bot', {
        DATABASE_URL: pg.url,
        SCHEDULER_INTERVAL_MS: '200',
        DATABASE_STATEMENT_TIMEOUT_MS: '5000',
        TRAINERS: TRAINER_KEY,
        TELEGRAM_BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_BOT_USERNAME: 'WorkshopTestBot',
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        TELEGRAM_API_ROOT: api.url,
      });
    }, 60_000);

    afterAll(async () => {
      // Always: the processes first (they hold connections), then the private cluster and its files.
      await killAll();
      await pg?.destroy();
      await api?.close();
    }, 60_000);

    /** A store opened for one step; closed before the database goes down so it holds no dead connections. */
    async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
      const store = await openStore(pg.url);
      try {
        return await fn(store);
      } finally {
        await store.close();
      }
    }

    it('/readyz is 200 with the database up and 503 while it is unreachable', async () => {
      expect(await readyz(bot)).toBe(200);
      await pg.stop('fast');
      expect(await readyz(bot)).toBe(503);
      // Liveness does not depend on the database: the process itself is fine.
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
      await pg.start();
      await waitUntil('/readyz to be 200 again', async () => (await readyz(bot)) === 200, 20_000, 200);
    }, 45_000);

    it("reports a held lock as lost when the database restarts, so another process can take it", async () => {
      const first = await openStore(pg.url);
      const second = await openStore(pg.url);
      try {
        const lock = await first.tryLock('scale-restart-lock');
        expect(lock).toBeDefined();
        expect(await second.tryLock('scale-restart-lock')).toBeUndefined();
        let lost = false;
        void lock!.lost.then(() => (lost = true));

        await pg.stop('immediate');
        await pg.start();
        await waitUntil('the lock to be reported lost', () => lost, 10_000, 50);
        const taken = await waitUntil('the lock to be free', () => second.tryLock('scale-restart-lock'), 10_000, 200);
        await taken.release();
        await lock!.release();
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    }, 45_000);

    it('delivers, exactly once, a follow-up that fell due while the database was down', async () => {
      const ids = await withStore(async (store) => {
        const members = await seedCohort(store, { cohortId: 'restart-cohort', code: 'RESTART1', trainerKey: TRAINER_KEY, count: 5, firstId: 51_000 });
        // Scheduled through the store, due a few seconds from now: after the crash below.
        const now = new Date();
        await store.createFollowup({
          id: 'restart-followup',
          cohortId: 'restart-cohort',
          kind: 'message',
          text: MESSAGE,
          dueAt: new Date(now.getTime() + 3_000),
          status: 'scheduled',
          createdBy: TRAINER_KEY,
          createdAt: now,
        });
        return members;
      });
      const dueAt = Date.now() + 3_000;

      await pg.stop('immediate');
      await waitUntil('/readyz to be 503', async () => (await readyz(bot)) === 503, 10_000, 100);
      // The follow-up falls due with the database gone, and the scheduler's passes fail meanwhile.
      await bot.waitForLog((l) => l.msg === 'follow-up scheduler pass failed' && Number(l.time) > dueAt + 500, 20_000);
      expect(api.callsTo('sendMessage').filter((c) => ids.includes(Number(c.body.chat_id)))).toEqual([]);

      await pg.start();
      await waitUntil('/readyz to be 200 again', async () => (await readyz(bot)) === 200, 20_000, 200);
      await waitUntil('the follow-up to be done', () => withStore(async (s) => (await s.getFollowup('restart-followup'))?.status === 'done'), 30_000, 300);

      const sends = api.callsTo('sendMessage').filter((c) => c.status === 200 && ids.includes(Number(c.body.chat_id)));
      expect(sends.map((c) => Number(c.body.chat_id)).sort()).toEqual(ids);
      expect(sends.every((c) => String(c.body.text).includes(MESSAGE))).toBe(true);
      const deliveries = await withStore((s) => s.listDeliveries('restart-followup'));
      expect(deliveries.map((d) => d.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
      // The process kept running throughout: it recovered by itself.
      expect(bot.child.exitCode).toBeNull();
    }, 60_000);
  });
}
