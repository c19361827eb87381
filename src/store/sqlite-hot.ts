// The SQLite statements on every message's path, prepared once and run without Kysely: building and compiling a
// Kysely query costs 10-40 µs, more than running these (bench section 8), and a message makes several.
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { toJson, toSession } from './rows.js';
import type { Database } from './tables.js';
import type { Receipt, ReceiveInput, SessionRecord } from './types.js';

type Statements = ReturnType<typeof prepare>;

function prepare(conn: SQLite.Database) {
  return {
    processed: conn.prepare('insert into processed (key, at) values (?, ?) on conflict (key) do nothing'),
    // As SqlStore.upsertUser: a name or address left out keeps what was known.
    user: conn.prepare(
      'insert into users (key, platform, name, address, reachable, created_at, updated_at) values (?, ?, ?, ?, 1, ?, ?) ' +
        'on conflict (key) do update set platform = excluded.platform, reachable = 1, updated_at = excluded.updated_at, ' +
        'name = coalesce(excluded.name, users.name), address = coalesce(excluded.address, users.address)',
    ),
    active: conn.prepare("select * from sessions where user_key = ? and status = 'active'"),
    session: conn.prepare('select * from sessions where id = ?'),
    // As SqlStore.recordAnswer: only the current question of an active session moves it on.
    advance: conn.prepare("update sessions set idx = idx + 1, updated_at = ? where id = ? and idx = ? and status = 'active' and idx < item_count"),
    answer: conn.prepare('insert into session_answers (session_id, idx, answer, answered_at) values (?, ?, ?, ?)'),
    answers: conn.prepare('select idx, answer from session_answers where session_id = ?'),
    topic: conn.prepare(
      'insert into conversation_topics (user_key, conversation, topic, updated_at) values (?, ?, ?, ?) ' +
        'on conflict (user_key, conversation) do update set topic = excluded.topic, updated_at = excluded.updated_at',
    ),
  };
}

/**
 * `conn` is the connection under `db`. Each call runs while holding Kysely's lock on that connection (its
 * driver runs one query or transaction at a time), so it never lands inside a transaction Kysely has open.
 * Statements are prepared on first use, after the migrations made the tables.
 */
export function hotPath(conn: SQLite.Database, db: Kysely<Database>) {
  let st: Statements | undefined;
  const statements = () => (st ??= prepare(conn));
  type Row = Parameters<typeof toSession>[0];
  const withAnswers = (row: Row | undefined): SessionRecord | undefined =>
    row && toSession(row, statements().answers.all(row.id) as { idx: number; answer: string }[]);
  const recordTx = (sessionId: string, index: number, answer: string, at: number): SessionRecord | undefined => {
    const s = statements();
    if (s.advance.run(at, sessionId, index).changes !== 1) return undefined;
    s.answer.run(sessionId, index, answer, at);
    return withAnswers(s.session.get(sessionId) as Row | undefined);
  };
  let record: typeof recordTx | undefined;
  const receiveTx = (input: ReceiveInput, at: number): Receipt => {
    const s = statements();
    if (input.deliveryId !== undefined && s.processed.run(input.deliveryId, at).changes !== 1) return { fresh: false };
    const u = input.user;
    if (u) s.user.run(u.key, u.platform, u.name ?? null, toJson(u.address), at, at);
    if (input.activeSessionOf === undefined) return { fresh: true };
    const active = withAnswers(s.active.get(input.activeSessionOf) as Row | undefined);
    return active ? { fresh: true, active } : { fresh: true };
  };
  // IMMEDIATE, as the store's other write transactions: the write lock is taken up front.
  let tx: ((input: ReceiveInput, at: number) => Receipt) | undefined;
  return {
    receive: (input: ReceiveInput, now: Date): Promise<Receipt> =>
      db.connection().execute(async () => {
        // A step that writes nothing needs no transaction.
        if (input.deliveryId === undefined && !input.user) return receiveTx(input, now.getTime());
        tx ??= conn.transaction(receiveTx).immediate as (input: ReceiveInput, at: number) => Receipt;
        return tx(input, now.getTime());
      }),
    getSession: (id: string): Promise<SessionRecord | undefined> =>
      db.connection().execute(async () => withAnswers(statements().session.get(id) as Row | undefined)),
    recordAnswer: (sessionId: string, index: number, answer: string, now: Date): Promise<SessionRecord | undefined> =>
      db.connection().execute(async () => {
        record ??= conn.transaction(recordTx).immediate as typeof recordTx;
        return record(sessionId, index, answer, now.getTime());
      }),
    setTopic: (userKey: string, conversation: string, topic: string, at: number): Promise<void> =>
      db.connection().execute(async () => {
        statements().topic.run(userKey, conversation, topic, at);
      }),
  };
}
