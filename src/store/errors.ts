// Telling "the database cannot be used right now" apart from a bug: the first is worth a retry by the platform.

/** SQLite result codes (better-sqlite3's `code`) that mean the file cannot be read or written now. */
const SQLITE_UNAVAILABLE = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|BUSY|LOCKED|CORRUPT|NOTADB|PROTOCOL|NOMEM)/;
/** PostgreSQL SQLSTATE classes and codes: connection (08), resources such as a full disk (53), shutdown and
 * restart (57P0x), statement timeout (57014), a read-only server (25006), conflicts worth retrying (40001, 40P01). */
const POSTGRES_UNAVAILABLE = /^(08|53|57P0)|^(57014|25006|40001|40P01)$/;
/** Network errors on the way to the database server. */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** node-postgres's own words for a connection that is gone or never came. */
const PG_CONNECTION = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable|pool is ended/i;

/** True for a database driver error that says the store cannot be used now (as opposed to a bug or bad input). */
export function isStoreFailure(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; name?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.name === 'StoreUnavailableError') return true;
  const code = typeof e.code === 'string' ? e.code : '';
  if (SQLITE_UNAVAILABLE.test(code) || NETWORK.has(code)) return true;
  if (/^[0-9A-Z]{5}$/.test(code) && POSTGRES_UNAVAILABLE.test(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return PG_CONNECTION.test(message) || /database connection is not open/i.test(message);
}

/** The bot could not handle a message because the store failed: the platform should deliver it again later. */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(cause: unknown) {
    super(`The store is unavailable: ${String((cause as { message?: unknown })?.message ?? cause).slice(0, 200)}`, { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** StoreUnavailableError by shape, so one from another copy of the module still counts. */
export const isStoreUnavailable = (err: unknown): boolean => (err as { name?: unknown } | null)?.name === 'StoreUnavailableError';
