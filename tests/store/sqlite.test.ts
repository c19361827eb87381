// Runs the Store contract on a real SQLite file and in memory, plus what only a file can show.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Migrator, sql, type Kysely } from 'kysely';
import { createStore, SqlStore, StoreConfigError } from '../../src/store/index.js';
import { migrations } from '../../src/store/migrations.js';
import { openSqlite, WAL_AUTOCHECKPOINT_PAGES } from '../../src/store/sqlite.js';
import { at, storeContract } from './contract.js';

const dir = mkdtempSync(join(tmpdir(), 'workshop-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeContract('SQLite store (file)', () => createStore({ url: `sqlite:${join(dir, `contract-${n++}`, 'bot.db')}` }));
storeContract('SQLite store (memory)', () => createStore({ url: 'sqlite::memory:' }));

describe('SQLite store, file specifics', () => {
  it('keeps data across close and reopen, in WAL mode', async () => {
    const url = `sqlite:${join(dir, 'persist', 'nested', 'bot.db')}`;
    const first = await createStore({ url });
    await first.migrate();
    await first.upsertUser({ key: 'telegram:1', platform: 'telegram', name: 'Ana', address: { chatId: 1 } }, at());
    await first.createSession({ id: 's1', userKey: 'telegram:1', kind: 'quiz', items: ['q1', 'q2'] }, at());
    await first.recordAnswer('s1', 0, 'a', at(1));
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute((first as SqlStore).db);
    expect(mode.rows[0]!.journal_mode).toBe('wal');
    await first.close();
    expect(await first.ping()).toBe(false);

    const second = await createStore({ url });
    await second.migrate();
    expect(await second.getUser('telegram:1')).toMatchObject({ name: 'Ana', address: { chatId: 1 } });
    expect(await second.getActiveSession('telegram:1')).toMatchObject({ id: 's1', index: 1, answers: ['a', null] });
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute((second as SqlStore).db);
    expect(fk.rows[0]!.foreign_keys).toBe(1);
    await second.close();
  });

  it('copies the write-ahead log into the file once writes pause, not on the commit that makes it 1,000 pages long', async () => {
    const file = join(dir, 'idle-checkpoint', 'bot.db');
    // Looks every 20 ms instead of every 500, so the test waits for no real second.
    const store = new SqlStore(openSqlite(file, { idleCheckpointMs: 20 }));
    try {
      await store.migrate();
      const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(store.db);
      expect(rows[0]!.wal_autocheckpoint).toBe(WAL_AUTOCHECKPOINT_PAGES);
      const settled = async () => {
        // The file's size stops changing once a quiet moment's checkpoint has copied every page into it.
        for (let last = -1; ; ) {
          await new Promise((resolve) => setTimeout(resolve, 60));
          const size = statSync(file).size;
          if (size === last) return size;
          last = size;
        }
      };
      const before = await settled();
      // About a hundred pages of log: far below any auto-checkpoint, so only the idle one copies them.
      for (let i = 0; i < 100; i++) await store.upsertUser({ key: `telegram:${i}`, platform: 'telegram', name: 'x'.repeat(3000) }, at(i));
      expect(await settled()).toBeGreaterThan(before + 50 * 4096);
      expect((await store.getUser('telegram:99'))?.name).toHaveLength(3000);
    } finally {
      await store.close();
    }
  });

  it('answers right through more distinct statements than it keeps prepared', async () => {
    // Prepared statements are reused by SQL text; lists of every length from 1 to 300 are 300 texts, more
    // than the cache holds, so old ones are dropped and prepared again while results stay exact.
    const store = await createStore({ url: `sqlite:${join(dir, 'statements', 'bot.db')}` });
    await store.migrate();
    const keys = Array.from({ length: 300 }, (_, i) => `slack:U${i}`);
    for (const key of keys) {
      await store.upsertUser({ key, platform: 'slack', name: key }, at());
      await store.createSession({ id: `s-${key}`, userKey: key, kind: 'quiz', items: ['q1'] }, at());
      await store.recordAnswer(`s-${key}`, 0, 'a', at(1));
      await store.finishSession(`s-${key}`, 1, at(2));
    }
    for (const round of [1, 2]) {
      for (let n = 1; n <= keys.length; n += round) {
        const done = await store.listFinishedSessions(keys.slice(0, n), 'quiz');
        expect(done.map((s) => s.userKey).sort()).toEqual(keys.slice(0, n).sort());
      }
    }
    expect((await store.getUser('slack:U7'))?.name).toBe('slack:U7');
    await store.close();
  });

  it('puts the default file in DATA_DIR, creating the folder', async () => {
    const dataDir = join(dir, 'data-dir', 'deeper');
    const store = await createStore({ dataDir });
    await store.migrate();
    expect(existsSync(join(dataDir, 'workshop-bot.db'))).toBe(true);
    await store.close();
  });

  it('refuses a DATABASE_URL it does not understand, naming the variable', async () => {
    await expect(createStore({ url: 'mysql://localhost/db' })).rejects.toThrow(StoreConfigError);
    await expect(createStore({ url: 'mysql://localhost/db' })).rejects.toThrow(/DATABASE_URL/);
    await expect(createStore({ url: 'sqlite:' })).rejects.toThrow(/DATABASE_URL/);
  });

  it('shares named locks between two stores on the same file in one process', async () => {
    const url = `sqlite:${join(dir, 'locks', 'bot.db')}`;
    const a = await createStore({ url });
    const b = await createStore({ url });
    const lock = await a.tryLock('poller');
    expect(lock).toBeDefined();
    expect(await b.tryLock('poller')).toBeUndefined();
    await a.close();
    const taken = await b.tryLock('poller');
    expect(taken).toBeDefined();
    await b.close();
  });

  it('gives cohorts made before cohort trainers existed to the trainer who made them', async () => {
    const store = (await createStore({ url: `sqlite:${join(dir, 'owners', 'bot.db')}` })) as SqlStore;
    const db = store.db as unknown as Kysely<unknown>;
    const before = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo('0002_user_time_zone');
    expect(before.error).toBeUndefined();
    await sql`insert into cohorts (id, code, name, created_by, created_at) values ('k1', 'OLD001', 'Old', 'telegram:7', 1), ('k2', 'OLD002', 'Orphan', '', 2)`.execute(db);
    await store.migrate();
    expect(await store.listCohortTrainers('k1')).toEqual(['telegram:7']);
    expect(await store.listCohortTrainers('k2')).toEqual([]);
    await store.close();
  });
});
