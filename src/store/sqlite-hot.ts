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
        'on conflict (user_key, conversation) do update set topic = excluded.topic, updated_at = excluded.updated_at ' +
        'where conversation_topics.updated_at <= excluded.updated_at',
    ),
  };
}

/**
 * `conn` is the connection under `db`. Each call runs while holding Kysely's lock on that connection (its
 * driver runs one query or transaction at a time), so it never lands inside a transaction Kysely has open.
 * Statements are prepared on first use, after the migrations made the tables. `receive` and `setTopic` are
 * committed in groups (below).
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
  const run = (job: Write): Receipt | undefined => {
    if (job.kind === 'receive') return receiveTx(job.input, job.at);
    statements().topic.run(job.userKey, job.conversation, job.topic, job.at);
    return undefined;
  };

  // Group commit. Every message makes two writes, its receipt and (when answered) its topic, and under load
  // many messages are in flight at once: the writes asked for in one turn of the event loop are run together,
  // in call order, in one IMMEDIATE transaction, and each caller's promise settles once that commits. One
  // commit (and one copy of each page it touched in the write-ahead log) for the lot instead of one each, so
  // fewer log frames to write and fewer checkpoints. The result for each caller is what running its writes
  // alone, in the same order, would have given. Should the batch fail, each write is tried again in its own
  // transaction, so one write's failure stays its own.
  let batchTx: ((jobs: Write[]) => (Receipt | undefined)[]) | undefined;
  let oneTx: ((job: Write) => Receipt | undefined) | undefined;
  let queue: Job[] = [];
  const flush = () => {
    const jobs = queue;
    queue = [];
    db.connection()
      .execute(async () => {
        batchTx ??= conn.transaction((js: Write[]) => js.map(run)).immediate as (jobs: Write[]) => (Receipt | undefined)[];
        let results: (Receipt | undefined)[];
        try {
          results = batchTx(jobs);
        } catch (err) {
          if (jobs.length === 1) throw err;
          oneTx ??= conn.transaction(run).immediate as (job: Write) => Receipt | undefined;
          for (const job of jobs) {
            try {
              job.resolve(oneTx(job));
            } catch (e) {
              job.reject(e);
            }
          }
          return;
        }
        jobs.forEach((job, k) => job.resolve(results[k]));
      })
      .catch((err: unknown) => {
        for (const job of jobs) job.reject(err);
      });
  };
  const enqueue = <T>(write: Write): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ ...write, resolve: resolve as (r: Receipt | undefined) => void, reject });
    });

  return {
    receive: (input: ReceiveInput, now: Date): Promise<Receipt> => enqueue<Receipt>({ kind: 'receive', input, at: now.getTime() }),
    getSession: (id: string): Promise<SessionRecord | undefined> =>
      db.connection().execute(async () => withAnswers(statements().session.get(id) as Row | undefined)),
    recordAnswer: (sessionId: string, index: number, answer: string, now: Date): Promise<SessionRecord | undefined> =>
      db.connection().execute(async () => {
        record ??= conn.transaction(recordTx).immediate as typeof recordTx;
        return record(sessionId, index, answer, now.getTime());
      }),
    setTopic: (userKey: string, conversation: string, topic: string, at: number): Promise<void> =>
      enqueue<void>({ kind: 'topic', userKey, conversation, topic, at }),
  };
}

/** A write for the next group commit. */
type Write = { kind: 'receive'; input: ReceiveInput; at: number } | { kind: 'topic'; userKey: string; conversation: string; topic: string; at: number };
/** A write waiting for its group commit, with its caller's promise. */
type Job = Write & { resolve: (result: Receipt | undefined) => void; reject: (err: unknown) => void };
