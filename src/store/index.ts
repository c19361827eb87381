// Opens the Store named by DATABASE_URL: a SQLite file by default, PostgreSQL for postgres:// URLs.
import type { Logger } from 'pino';
import { StoreConfigError } from './backend.js';
import { SqlStore } from './sql-store.js';
import { openSqlite, sqlitePath } from './sqlite.js';

export type * from './types.js';
export { StoreConfigError } from './backend.js';
export { isStoreFailure, isStoreUnavailable, StoreUnavailableError } from './errors.js';
export { MigrationError } from './migrations.js';
export { SqlStore } from './sql-store.js';

export interface CreateStoreOptions {
  /** DATABASE_URL: unset (SQLite in dataDir), `sqlite:PATH`, `sqlite::memory:`, or `postgres://...`. */
  url?: string;
  /** DATA_DIR: folder of the default SQLite file (default ./data). */
  dataDir?: string;
  /** PostgreSQL pool size (DATABASE_POOL_MAX). */
  poolMax?: number;
  /** PostgreSQL statement_timeout in ms (DATABASE_STATEMENT_TIMEOUT_MS); 0 for none. */
  statementTimeoutMs?: number;
  /** PostgreSQL schema for the tables (tests use a fresh one per run). */
  schema?: string;
  logger?: Logger;
}

/** Opens the store without migrating it: callers run `migrate()` once at start-up. */
export async function createStore(opts: CreateStoreOptions = {}): Promise<SqlStore> {
  const url = opts.url?.trim() || undefined;
  if (url === undefined || url.startsWith('sqlite:')) {
    const file = sqlitePath(url, opts.dataDir);
    opts.logger?.debug({ file }, 'opening SQLite store');
    return new SqlStore(openSqlite(file));
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    // Loaded only here: a SQLite deployment never carries the pg driver (about 2 MB of heap for the process's life).
    const { openPostgres } = await import('./postgres.js');
    return new SqlStore(
      openPostgres({ url, poolMax: opts.poolMax, statementTimeoutMs: opts.statementTimeoutMs, schema: opts.schema, logger: opts.logger }),
    );
  }
  throw new StoreConfigError('DATABASE_URL: should start with postgres://, postgresql:// or sqlite: (or be unset for a SQLite file in DATA_DIR)');
}
