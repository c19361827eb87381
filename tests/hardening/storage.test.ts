// When the SQLite store cannot write (a full disk, a read-only file, deleted files), /readyz says so, and a
// message the bot could not handle because of it gets a 5xx, so the platform sends it again: it is answered
// once the store is back, not lost after a "Sorry".
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { SqlStore } from '../../src/store/index.js';
import { privateText, type Person } from '../../fakes/telegram-api.js';
import { startPlatforms, TEAMS_APP_ID, TELEGRAM_SECRET, type Platforms } from './server.js';

const SORRY = /Sorry, something went wrong/;
const ANA: Person = { id: 6201, first_name: 'Ana' };

let p: Platforms | undefined;
afterEach(async () => {
  await p?.close();
  p = undefined;
});

const readyz = async (platforms: Platforms) => (await fetch(`${platforms.server.url}/readyz`)).status;
const dbOf = (platforms: Platforms) => (platforms.server.runtime.store as SqlStore).db;
const textsTo = (platforms: Platforms, who: Person) =>
  platforms.telegram.callsTo('sendMessage').filter((c) => Number(c.body.chat_id) === who.id).map((c) => String(c.body.text));

describe('a SQLite store that cannot write', () => {
  it('is not ready when the disk is full, and ready again once there is room', async () => {
    p = await startPlatforms();
    expect(await readyz(p)).toBe(200);
    const db = dbOf(p);
    // A full disk, as SQLite sees one: the file may not grow, and every free page is taken.
    await sql`create table filler (x text)`.execute(db);
    const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(db)).rows[0]!.page_count;
    await sql.raw(`pragma max_page_count = ${pages}`).execute(db);
    await expect(
      (async () => {
        for (;;) await sql`insert into filler values (${'x'.repeat(1000)})`.execute(db);
      })(),
    ).rejects.toMatchObject({ code: 'SQLITE_FULL' });

    expect(await readyz(p)).toBe(503);
    await sql`drop table filler`.execute(db);
    await sql.raw('pragma max_page_count = 1073741823').execute(db);
    expect(await readyz(p)).toBe(200);
  });

  it('is not ready once its files were deleted (writes would go to files nobody reads again)', async () => {
    p = await startPlatforms();
    expect(await readyz(p)).toBe(200);
    const dir = p.server.runtime.config.DATA_DIR!;
    for (const f of ['bot.db', 'bot.db-wal', 'bot.db-shm']) rmSync(join(dir, f), { force: true });
    expect(await readyz(p)).toBe(503);
  });

  it('answers a Telegram update it could not handle with a 5xx and no "Sorry", and handles it when Telegram sends it again', async () => {
    p = await startPlatforms();
    const db = dbOf(p);
    const update = privateText('What are the 3Ms of a digital utility?', ANA);
    // Writes fail as on a read-only file system.
    await sql`pragma query_only = 1`.execute(db);
    expect(await readyz(p)).toBe(503);
    const status = await p.telegram.deliverUpdate(p.server.url, update, TELEGRAM_SECRET);
    expect(status).toBeGreaterThanOrEqual(500);
    expect(textsTo(p, ANA)).toEqual([]);

    await sql`pragma query_only = 0`.execute(db);
    expect(await readyz(p)).toBe(200);
    // Telegram's redelivery: the same update_id, now handled (it was not recorded as handled the first time).
    expect(await p.telegram.deliverUpdate(p.server.url, update, TELEGRAM_SECRET)).toBe(200);
    const answers = textsTo(p, ANA);
    expect(answers).toHaveLength(1);
    expect(answers[0]).not.toMatch(SORRY);
    expect(answers[0]).toBe(p.server.runtime.answerer.answer('What are the 3Ms of a digital utility?').text);
  });

  it('answers a Teams activity it could not handle with 503 and sends nothing', async () => {
    p = await startPlatforms();
    await sql`pragma query_only = 1`.execute(dbOf(p));
    const before = p.connector.calls.length;
    const res = await fetch(`${p.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${p.teamsToken}` },
      body: JSON.stringify({
        type: 'message',
        id: 'store-down-1',
        channelId: 'msteams',
        serviceUrl: p.connector.url,
        from: { id: '29:store-down', name: 'Hana' },
        recipient: { id: `28:${TEAMS_APP_ID}`, name: 'bot' },
        conversation: { id: 'a:personal-store-down', conversationType: 'personal' },
        text: 'hello',
      }),
    });
    expect(res.status).toBe(503);
    expect(p.connector.calls.slice(before)).toEqual([]);
  });
});
