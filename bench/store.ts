// Benchmark 8: the store's hot calls on a SQLite file (what every message costs in the database), against
// better-sqlite3 running the same SQL on the same file through statements prepared once: the overhead of
// Kysely and the Store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { createStore } from '../src/store/index.js';
import { fmt, ratio, table, type Section } from './stats.js';

/** Mean microseconds per call over `count` calls, after a fifth as many unmeasured. */
async function perCall(count: number, fn: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < count / 5; i++) await fn(-1 - i);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await fn(i);
  return Number(process.hrtime.bigint() - t0) / 1000 / count;
}

export async function benchStore(opts: { quick: boolean }): Promise<Section> {
  const count = opts.quick ? 5000 : 20000;
  const dir = mkdtempSync(join(tmpdir(), 'wb-store-bench-'));
  const file = join(dir, 'store.db');
  const store = await createStore({ url: `sqlite:${file}` });
  await store.migrate();
  // The raw side: a second connection to the same migrated file (WAL; the two take turns), set up as the store's is.
  const raw = new SQLite(file);
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = NORMAL');
  const insertProcessed = raw.prepare('insert into processed (key, at) values (?, ?) on conflict (key) do nothing');
  const selectUser = raw.prepare('select * from users where key = ?');
  const selectActive = raw.prepare("select * from sessions where user_key = ? and status = 'active'");
  const upsert = raw.prepare(
    `insert into users (key, platform, name, address, reachable, created_at, updated_at) values (?, 'telegram', ?, ?, 1, ?, ?)
     on conflict (key) do update set name = excluded.name, address = excluded.address, reachable = 1, updated_at = excluded.updated_at`,
  );
  const setTopic = raw.prepare(
    `insert into conversation_topics (user_key, conversation, topic, updated_at) values (?, ?, ?, ?)
     on conflict (user_key, conversation) do update set topic = excluded.topic, updated_at = excluded.updated_at`,
  );
  const rawReceive = raw.transaction((id: string, user: string, i: number) => {
    if (insertProcessed.run(id, now.getTime()).changes !== 1) return;
    upsert.run(user, 'P', JSON.stringify({ chatId: i }), now.getTime(), now.getTime());
    selectActive.all(user);
  }).immediate;
  const now = new Date();
  const users = 400;
  for (let k = 0; k < users; k++) await store.upsertUser({ key: `telegram:${k}`, platform: 'telegram', name: `P${k}`, address: { chatId: k } }, now);
  const key = (i: number) => `telegram:${Math.abs(i) % users}`;
  try {
    const rows: [string, number, number][] = [
      [
        'markProcessed (a new delivery id: one commit)',
        await perCall(count, (i) => store.markProcessed(`s:${i}`, now)),
        await perCall(count, (i) => insertProcessed.run(`r:${i}`, now.getTime())),
      ],
      ['getUser', await perCall(count, (i) => store.getUser(key(i))), await perCall(count, (i) => selectUser.get(key(i)))],
      ['getActiveSession (none active)', await perCall(count, (i) => store.getActiveSession(key(i))), await perCall(count, (i) => selectActive.all(key(i)))],
      [
        'upsertUser (one commit)',
        await perCall(count, (i) => store.upsertUser({ key: key(i), platform: 'telegram', name: 'P', address: { chatId: i } }, now)),
        await perCall(count, (i) => upsert.run(key(i), 'P', JSON.stringify({ chatId: i }), now.getTime(), now.getTime())),
      ],
      [
        'receive: a new delivery id, the row, the active session (one transaction, prepared statements)',
        await perCall(count, (i) => store.receive({ deliveryId: `v:${i}`, user: { key: key(i), platform: 'telegram', name: 'P', address: { chatId: i } }, activeSessionOf: key(i) }, now)),
        await perCall(count, (i) => rawReceive(`w:${i}`, key(i), i)),
      ],
      [
        'the same as three calls (markProcessed, upsertUser, getActiveSession), as before receive',
        await perCall(count, async (i) => {
          await store.markProcessed(`x:${i}`, now);
          await store.upsertUser({ key: key(i), platform: 'telegram', name: 'P', address: { chatId: i } }, now);
          await store.getActiveSession(key(i));
        }),
        await perCall(count, (i) => rawReceive(`y:${i}`, key(i), i)),
      ],
      [
        'setTopic (one commit, prepared statement)',
        await perCall(count, (i) => store.setTopic(key(i), 'chat', { doc: 'd1', terms: ['access'] }, now)),
        await perCall(count, (i) => setTopic.run(key(i), 'chat', JSON.stringify({ doc: 'd1', terms: ['access'] }), now.getTime())),
      ],
    ];
    return {
      title: '8. The store on SQLite, per call',
      body: [
        `${count} calls each on a SQLite file (WAL), one at a time after a fifth as many unmeasured. Baseline: better-sqlite3 running the ` +
          'same SQL on the same file through statements prepared once.',
        '',
        table(
          ['call', 'Store', 'better-sqlite3, prepared once', 'ratio'],
          rows.map(([what, ours, base]) => [what, fmt(ours, 'µs'), fmt(base, 'µs'), ratio(ours, base)]),
        ),
      ].join('\n'),
      targets: [],
    };
  } finally {
    await store.close();
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
