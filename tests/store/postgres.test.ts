// Runs the Store contract on PostgreSQL (TEST_DATABASE_URL, a fresh schema per store), plus multi-process cases.
import { Writable } from 'node:stream';
import pg from 'pg';
import { pino } from 'pino';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore, SqlStore, type Store } from '../../src/store/index.js';
import { at, storeContract } from './contract.js';
import { claimAll, followup, startedFollowup } from './contract-followups.js';

const url = process.env.TEST_DATABASE_URL;
const SKIPPED = 'PostgreSQL tests skipped: set TEST_DATABASE_URL=postgres://... to run them';

if (!url) {
  console.warn(SKIPPED);
  describe.skip(SKIPPED, () => {
    it('needs a PostgreSQL database', () => undefined);
  });
} else {
  const schemas = new Set<string>();
  const run = `store_test_${process.pid}_${Date.now().toString(36)}`;
  let n = 0;
  const freshSchema = () => {
    const s = `${run}_${n++}`;
    schemas.add(s);
    return s;
  };
  const open = (schema: string, extra: Parameters<typeof createStore>[0] = {}) => createStore({ url, schema, poolMax: 8, statementTimeoutMs: 10_000, ...extra });

  afterAll(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const s of schemas) await client.query(`drop schema if exists "${s}" cascade`);
    } finally {
      await client.end();
    }
  });

  storeContract('PostgreSQL store', () => open(freshSchema()));

  describe('PostgreSQL store, several processes on one schema', () => {
    const pair = async (): Promise<[Store, Store]> => {
      const schema = freshSchema();
      // Two processes starting at once both migrate; the migrator's lock makes that safe.
      const a = await open(schema);
      const b = await open(schema);
      await Promise.all([a.migrate(), b.migrate()]);
      return [a, b];
    };

    it('never gives one delivery to workers in two processes', async () => {
      const [a, b] = await pair();
      try {
        await startedFollowup(a, 300);
        const claimed = await claimAll([a, b], 8, at(), 20);
        const keys = claimed.map((d) => d.userKey);
        expect(keys).toHaveLength(300);
        expect(new Set(keys).size).toBe(300);
        expect(new Set(claimed.map((d) => d.leasedBy)).size).toBeGreaterThan(1);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('starts each follow-up once and counts a duplicated answer once across processes', async () => {
      const [a, b] = await pair();
      try {
        await a.createCohort({ id: 'k', code: 'PAIR01', name: 'Pair', createdBy: 'slack:T', createdAt: at() });
        await a.addMember('k', 'slack:U1', at());
        await a.createFollowup(followup('f', 'k', at()));
        const started = await Promise.all([a.startDueFollowups(at()), b.startDueFollowups(at()), a.startDueFollowups(at()), b.startDueFollowups(at())]);
        expect(started.flat().map((f) => f.id)).toEqual(['f']);
        expect(await b.deliveryCounts('f')).toMatchObject({ total: 1, pending: 1 });

        await a.createSession({ id: 's', userKey: 'slack:U1', kind: 'quiz', items: ['q1', 'q2'] }, at());
        const answers = await Promise.all([a.recordAnswer('s', 0, 'x', at(1)), b.recordAnswer('s', 0, 'x', at(1))]);
        expect(answers.filter(Boolean)).toHaveLength(1);
        expect(await b.getSession('s')).toMatchObject({ index: 1, answers: ['x', null] });
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('gives a named lock to one process until released or closed', async () => {
      const [a, b] = await pair();
      try {
        const lock = await a.tryLock('telegram-poller');
        expect(lock).toBeDefined();
        expect(await b.tryLock('telegram-poller')).toBeUndefined();
        await lock!.release();
        const taken = await b.tryLock('telegram-poller');
        expect(taken).toBeDefined();
        expect(await a.tryLock('telegram-poller')).toBeUndefined();
        // Closing the holder frees the lock for the other process.
        await b.close();
        const again = await a.tryLock('telegram-poller');
        expect(again).toBeDefined();
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('keeps locks of different schemas apart', async () => {
      const [a] = await pair();
      const [c] = await pair();
      try {
        expect(await a.tryLock('poller')).toBeDefined();
        expect(await c.tryLock('poller')).toBeDefined();
      } finally {
        await Promise.all([a.close(), c.close()]);
      }
    });
  });

  describe('PostgreSQL store, settings', () => {
    it('puts every pooled connection in its schema with the statement timeout', async () => {
      const schema = freshSchema();
      const store = await open(schema, { statementTimeoutMs: 1234 });
      try {
        await store.migrate();
        const db = (store as SqlStore).db;
        const rows = await Promise.all(
          [1, 2, 3].map(() => sql<{ s: string; t: string }>`select current_schema() as s, current_setting('statement_timeout') as t, pg_sleep(0.05)`.execute(db)),
        );
        expect(rows.map((r) => [r.rows[0]!.s, r.rows[0]!.t])).toEqual([
          [schema, '1234ms'],
          [schema, '1234ms'],
          [schema, '1234ms'],
        ]);
        const tables = await sql<{ n: string }>`select count(*) as n from information_schema.tables where table_schema = ${schema}`.execute(db);
        expect(Number(tables.rows[0]!.n)).toBeGreaterThanOrEqual(12);
      } finally {
        await store.close();
      }
    });

    it('refuses a schema name that is not a plain identifier', async () => {
      await expect(open('x; drop table users')).rejects.toThrow(/schema/);
    });
  });

  describe('PostgreSQL store, connection trouble', () => {
    it('survives the server dropping a pooled connection and reconnects on the next query', async () => {
      const lines: string[] = [];
      let onLost: () => void = () => undefined;
      const lost = new Promise<void>((resolve) => (onLost = resolve));
      const sink = new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          if (String(chunk).includes('database connection lost')) onLost();
          done();
        },
      });
      const schema = freshSchema();
      const store = await open(schema, { poolMax: 1, logger: pino({ level: 'warn' }, sink) });
      try {
        await store.migrate();
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute((store as SqlStore).db);
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
        await admin.end();
        await lost;
        expect(await store.ping()).toBe(true);
        await store.upsertUser({ key: 'slack:U1', platform: 'slack' }, at());
        expect(await store.getUser('slack:U1')).toBeDefined();
        expect(lines.join('')).not.toContain(url);
      } finally {
        await store.close();
      }
    });

    it('is not ready while the server takes no writes (a read-only standby), though it still reads', async () => {
      const store = await open(freshSchema(), { poolMax: 1 });
      try {
        await store.migrate();
        const db = (store as SqlStore).db;
        expect(await store.ping()).toBe(true);
        await sql`set default_transaction_read_only = on`.execute(db);
        expect(await store.getUser('slack:U1')).toBeUndefined();
        expect(await store.ping()).toBe(false);
        await sql`set default_transaction_read_only = off`.execute(db);
        expect(await store.ping()).toBe(true);
      } finally {
        await store.close();
      }
    });

    it('answers ping with false when the database cannot be reached', async () => {
      const store = await createStore({ url: 'postgres://nobody@127.0.0.1:1/none', schema: 'unused' });
      expect(await store.ping()).toBe(false);
      await store.close();
    });
  });
}
