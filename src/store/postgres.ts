// The PostgreSQL backend: a pg Pool behind Kysely, with a schema option, advisory locks and no crash on dropped connections.
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Logger } from 'pino';
import type { Backend } from './backend.js';
import { StoreConfigError, isUniqueViolation, within } from './backend.js';
import type { Database } from './tables.js';

export interface PostgresOptions {
  url: string;
  poolMax?: number;
  statementTimeoutMs?: number;
  /** Tables live in this schema (created on migrate); every pooled connection sets its search_path. */
  schema?: string;
  logger?: Logger;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function openPostgres(opts: PostgresOptions): Backend {
  const { schema, logger } = opts;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new StoreConfigError(`Store schema "${schema}" should be lower-case letters, digits and _ (at most 63)`);
  }
  // Startup options apply to every connection the pool opens, before any query runs on it.
  const startup: string[] = [];
  if (schema) startup.push(`-c search_path=${schema}`);
  if (opts.statementTimeoutMs) startup.push(`-c statement_timeout=${opts.statementTimeoutMs}`);
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolMax ?? 10,
    connectionTimeoutMillis: 10_000,
    ...(startup.length ? { options: startup.join(' ') } : {}),
  });
  // An idle connection the server dropped: pg-pool discards it and emits here; unhandled, it would
  // crash the process. The next query opens a fresh connection.
  pool.on('error', (err) => logger?.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'database connection lost'));
  // A checked-out client has no pool listener while it sits between queries (a transaction); keep
  // one on every client so a drop there is logged too, and the query that follows fails.
  pool.on('connect', (client) => {
    client.on('error', (err) => logger?.warn({ err: { message: err.message } }, 'database connection lost while in use'));
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const held = new Set<{ release(): Promise<void> }>();
  // Advisory locks are per database, not per schema: scope names so two schemas never collide.
  const lockName = (name: string) => (schema ? `${schema}:${name}` : name);
  let closed = false;

  return {
    kind: 'postgres',
    db,
    schema,
    writeTx: (fn) => db.transaction().execute(fn),
    async migrateWith(run) {
      // Kysely's migrator takes a session advisory lock around the migrations themselves and
      // tolerates a racing creation of its bookkeeping tables; we only make sure the schema exists.
      if (schema) {
        try {
          await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
        } catch (err) {
          // Two processes creating it at once: one wins, the other may see a unique violation.
          if (!isUniqueViolation(err)) throw err;
        }
        return run(db, schema);
      }
      const { rows } = await sql<{ s: string | null }>`select current_schema() as s`.execute(db);
      return run(db, rows[0]?.s ?? undefined);
    },
    async tryLock(name) {
      // A connection of its own, outside the pool: a session lock lives as long as its connection,
      // and a held lock must not take a pool slot from queries for ever (with DATABASE_POOL_MAX=1
      // it would starve every query).
      // keepAlive: a vanished server (not just a restart) is noticed, and the lock reported lost.
      const client = new pg.Client({ connectionString: opts.url, connectionTimeoutMillis: 10_000, keepAlive: true });
      let released = false;
      let ended!: () => void;
      const lost = new Promise<void>((resolve) => (ended = resolve));
      // Unhandled, a dropped connection would crash the process; here it only means the lock is gone.
      client.on('error', (err) => {
        if (!released) logger?.warn({ err: { message: err.message }, lock: name }, 'database connection holding a lock was lost; the lock is released');
      });
      client.on('end', () => ended());
      try {
        await client.connect();
        const r = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [lockName(name)]);
        if (r.rows[0]?.ok !== true) {
          released = true;
          await client.end();
          return undefined;
        }
      } catch (err) {
        released = true;
        await client.end().catch(() => undefined);
        throw err;
      }
      const lock = {
        lost,
        async release() {
          if (released) return;
          released = true;
          held.delete(lock);
          // Closing the session drops its advisory locks; unlock first anyway, to be explicit.
          await client.query('select pg_advisory_unlock(hashtext($1))', [lockName(name)]).catch(() => undefined);
          await client.end().catch(() => undefined);
          ended();
        },
      };
      held.add(lock);
      void lost.then(() => held.delete(lock));
      return lock;
    },
    // Dead rows stay in the data files until (auto)VACUUM reuses their space; VACUUM cannot run in the
    // request path (it takes table locks and cannot run in a transaction), and WAL and backups keep them anyway.
    async scrub() {},
    async ping() {
      if (closed) return false;
      // A write, not a select: a read-only server (a standby after a failover) or a full disk is not ready.
      const at = Date.now();
      const query = db
        .insertInto('health')
        .values({ id: 'readyz', at })
        .onConflict((oc) => oc.column('id').doUpdateSet({ at }))
        .execute()
        .then(
        () => true,
        () => false,
      );
      return within(query, 5_000, false);
    },
    async close() {
      if (closed) return;
      closed = true;
      // Locks have their own connections: close them with the pool.
      await Promise.all([...held].map((l) => l.release()));
      await db.destroy();
    },
  };
}
