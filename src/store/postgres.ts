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
  // A checked-out client has no pool listener while it sits between queries (a transaction, a held
  // lock); keep one on every client so a drop there is logged too, and the query that follows fails.
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
      const client = await pool.connect();
      let ok: boolean;
      try {
        const r = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [lockName(name)]);
        ok = r.rows[0]?.ok === true;
      } catch (err) {
        client.release(err as Error);
        throw err;
      }
      if (!ok) {
        client.release();
        return undefined;
      }
      // The session lock lives as long as this connection, so it stays checked out until release().
      let released = false;
      const lock = {
        async release() {
          if (released) return;
          released = true;
          held.delete(lock);
          try {
            await client.query('select pg_advisory_unlock(hashtext($1))', [lockName(name)]);
            client.release();
          } catch (err) {
            // Connection gone: the server already dropped the lock with it.
            client.release(err as Error);
          }
        },
      };
      held.add(lock);
      return lock;
    },
    async ping() {
      if (closed) return false;
      const query = sql`select 1`.execute(db).then(
        () => true,
        () => false,
      );
      return within(query, 5_000, false);
    },
    async close() {
      if (closed) return;
      closed = true;
      // pool.end() waits for checked-out clients, so give back the ones holding locks first.
      await Promise.all([...held].map((l) => l.release()));
      await db.destroy();
    },
  };
}
