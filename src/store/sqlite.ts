// The SQLite backend: one better-sqlite3 file (WAL, busy timeout, foreign keys) behind Kysely.
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import type { Backend } from './backend.js';
import { StoreConfigError } from './backend.js';
import { hotPath } from './sqlite-hot.js';
import type { Database } from './tables.js';

/** Where the file lives: `sqlite:PATH`, `sqlite::memory:`, or DATA_DIR (default ./data)/workshop-bot.db. */
export function sqlitePath(url: string | undefined, dataDir: string | undefined): string {
  if (url === undefined) return resolve(dataDir ?? join(process.cwd(), 'data'), 'workshop-bot.db');
  const rest = url.slice('sqlite:'.length).replace(/^\/\//, '');
  if (rest === ':memory:') return rest;
  if (!rest) throw new StoreConfigError('DATABASE_URL: "sqlite:" needs a file path, e.g. sqlite:./data/bot.db or sqlite::memory:');
  return resolve(rest);
}

/** Statements kept per connection, by SQL text: enough for every query the store writes, with room for `in (...)` lists. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * The connection as Kysely sees it, with prepared statements reused. Kysely's SQLite driver prepares each
 * query's SQL again on every call, and preparing costs more than running the small queries the bot makes.
 * better-sqlite3 statements are safe to reuse: every run binds its own parameters and finishes before the
 * next starts (the driver runs one query at a time, synchronously).
 */
function withStatementCache(conn: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => conn.close(),
    prepare(sqlText: string) {
      let stmt = cache.get(sqlText);
      if (stmt) {
        // Most recently used last, so the first key is the one to drop when full.
        cache.delete(sqlText);
      } else {
        stmt = conn.prepare(sqlText);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sqlText, stmt);
      return stmt;
    },
  };
}

/** A file's identity (device and inode), or undefined when it is gone. */
function identity(path: string): string | undefined {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Write-ahead-log pages after which a commit copies the log into the file itself (SQLite's auto-checkpoint,
 * 1,000 by default): a safety net only, at about 40 MB of log. A checkpoint writes the log's pages into the
 * file and syncs both, on whichever request's commit crosses the mark, which stalls every request in flight
 * (BENCHMARKS.md, round 2). The idle checkpoint below normally comes long before.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;
/** How often the idle checkpoint looks (ms): it runs once nothing was written over one whole look. */
export const IDLE_CHECKPOINT_EVERY_MS = 500;

// Locks held in this process, by file and name. One process owns a SQLite file, so this is enough.
const heldLocks = new Set<string>();

export function openSqlite(file: string, options: { idleCheckpointMs?: number } = {}): Backend {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const conn = new SQLite(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('busy_timeout = 5000');
  conn.pragma('foreign_keys = ON');
  // Safe with WAL (a power cut may lose the last commits, never corrupt the file) and much faster.
  conn.pragma('synchronous = NORMAL');
  // Deleted and moved content is overwritten with zeros, in the pages written to the log and to the file, so
  // an erased person cannot be read back out of free space (see scrub()).
  conn.pragma('secure_delete = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(conn) }) });
  // The log is checkpointed when the store has been quiet a moment, between bursts of messages, instead of on
  // the commit of whichever message makes it 1,000 pages long. Quiet: this connection changed no row over one
  // whole look (SQLite's total_changes()); under load with no quiet moment the larger auto-checkpoint still
  // bounds the log. PASSIVE: it waits for no one (this process is the file's only user). Both run under
  // Kysely's connection lock, so never inside a transaction. A timer, not a worker thread: a worker is a
  // second V8 heap (10-20 MB of RSS) for a few milliseconds of work now and then.
  let idleCheckpoint: NodeJS.Timeout | undefined;
  if (file !== ':memory:') {
    conn.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    const changes = conn.prepare('select total_changes()').pluck();
    let seen = 0;
    let checkpointedAt = 0;
    idleCheckpoint = setInterval(() => {
      db.connection()
        .execute(async () => {
          const now = changes.get() as number;
          const quiet = now === seen;
          seen = now;
          if (!quiet || now === checkpointedAt) return;
          conn.pragma('wal_checkpoint(PASSIVE)');
          checkpointedAt = now;
        })
        // A checkpoint that failed loses nothing (the log keeps the pages): the next quiet moment or the
        // auto-checkpoint tries again; a store that really failed shows in readiness and the next write.
        .catch(() => undefined);
    }, options.idleCheckpointMs ?? IDLE_CHECKPOINT_EVERY_MS);
    idleCheckpoint.unref();
  }
  const lockScope = file === ':memory:' ? `memory:${randomUUID()}` : file;
  // A database or WAL file deleted or replaced under a running process still takes writes, into files nobody
  // will read again: readiness compares them with what was opened.
  const opened = file === ':memory:' ? undefined : identity(file);
  let openedWal: string | undefined;
  // Ours, with what to call when each ends (close() ends them all).
  const mine = new Map<string, () => void>();
  let closed = false;

  async function writeTx<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    // Kysely's SQLite driver serialises use of the one connection; we hold it for the whole transaction.
    return db.connection().execute(async (c) => {
      await sql`begin immediate`.execute(c);
      try {
        const result = await fn(c);
        await sql`commit`.execute(c);
        return result;
      } catch (err) {
        await sql`rollback`.execute(c).catch(() => undefined);
        throw err;
      }
    });
  }

  return {
    kind: 'sqlite',
    db,
    writeTx,
    ...hotPath(conn, db),
    async migrateWith(run) {
      // Kysely runs SQLite migrations outside any transaction and without a lock, so two processes
      // racing on a new file both try to create the tables. Run it inside our IMMEDIATE transaction:
      // the second waits for the first, then finds nothing to do, and a crash leaves no half schema.
      await writeTx((c) => run(c, undefined));
    },
    async tryLock(name) {
      const key = `${lockScope}\0${name}`;
      if (heldLocks.has(key)) return undefined;
      let released = false;
      let ended!: () => void;
      const lost = new Promise<void>((resolve) => (ended = resolve));
      heldLocks.add(key);
      mine.set(key, () => ended());
      return {
        lost,
        async release() {
          if (released) return;
          released = true;
          heldLocks.delete(key);
          mine.delete(key);
          ended();
        },
      };
    },
    async scrub() {
      if (file === ':memory:') return;
      // The log still holds earlier copies of the pages the erased rows were on: copy the (zeroed) pages into
      // the file and truncate the log to nothing. A reader in the middle of a transaction blocks the truncation
      // (busy = 1); only this process uses the file, so a few tries are plenty.
      for (let tries = 0; ; tries++) {
        const { rows } = await sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(db);
        if (rows[0]?.busy === 0) return;
        if (tries >= 20) throw new Error('could not truncate the SQLite write-ahead log after an erasure: a reader held it');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async ping() {
      if (closed) return false;
      if (file !== ':memory:') {
        if (identity(file) !== opened) return false;
        const wal = identity(`${file}-wal`);
        openedWal ??= wal;
        if (openedWal !== undefined && wal !== openedWal) return false;
      }
      try {
        // A write that needs fresh pages, as new data does: a full disk (or a file that may not grow) fails it.
        await writeTx(async (trx) => {
          const id = `probe:${randomBytes(2048).toString('hex')}`;
          await trx.insertInto('health').values({ id, at: Date.now() }).execute();
          await trx.deleteFrom('health').where('id', '<>', id).execute();
        });
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(idleCheckpoint);
      for (const [key, end] of mine) {
        heldLocks.delete(key);
        end();
      }
      mine.clear();
      await db.destroy();
    },
  };
}
