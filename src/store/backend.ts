// What differs between the SQLite and PostgreSQL stores, behind one small seam the shared SQL code uses.
import { OperatorError } from '../errors.js';
import type { Kysely } from 'kysely';
import type { Database } from './tables.js';
import type { NamedLock, Receipt, ReceiveInput, SessionRecord } from './types.js';

export interface Backend {
  readonly kind: 'sqlite' | 'postgres';
  readonly db: Kysely<Database>;
  /** The PostgreSQL schema the tables live in (undefined on SQLite). */
  readonly schema?: string;
  /**
   * Runs `fn` in a transaction that may write. On SQLite it begins IMMEDIATE, taking the write lock
   * up front, so a read-then-write transaction never meets another process's writer half-way.
   */
  writeTx<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /**
   * Runs the migrator so that concurrent callers (other processes) run each migration once. `schema`
   * is where the migrator keeps its own bookkeeping tables (PostgreSQL).
   */
  migrateWith(run: (db: Kysely<Database>, schema: string | undefined) => Promise<void>): Promise<void>;
  tryLock(name: string): Promise<NamedLock | undefined>;
  /**
   * After an erasure (/forget): makes the deleted rows unrecoverable from the files where the database can.
   * SQLite zeroes deleted content as it goes (secure_delete) and here moves the write-ahead log into the file
   * and truncates it; PostgreSQL keeps dead rows until VACUUM, which /privacy says.
   */
  scrub(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** Store.receive without Kysely, where the backend has a faster way (SQLite: statements prepared once). */
  receive?(input: ReceiveInput, now: Date): Promise<Receipt>;
  /** Store.getSession and Store.recordAnswer likewise (a button press). */
  getSession?(id: string): Promise<SessionRecord | undefined>;
  recordAnswer?(sessionId: string, index: number, answer: string, now: Date): Promise<SessionRecord | undefined>;
  /** Store.setTopic likewise, `topic` already JSON. */
  setTopic?(userKey: string, conversation: string, topic: string, at: number): Promise<void>;
}

/** A unique-key violation, on either database (used to retry a race we expect and can resolve). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Bad store settings: names the variable and what it should hold. */
export class StoreConfigError extends OperatorError<'STORE_CONFIG'> {
  constructor(message: string) {
    super('STORE_CONFIG', message);
  }
}

/** Resolves within `ms` with the promise's value, or with `fallback` (the promise is not cancelled). */
export function within<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
