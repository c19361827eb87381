// The console's inbox: follow-ups for console members wait in the database until their next chat opens.
// The store owns the table (its migrations, and /forget erasing a person's rows); only the console reads and writes it.
import type { Kysely } from 'kysely';
import type { Clock } from '../../src/core/clock.js';
import { newId } from '../../src/core/ids.js';
import type { Outgoing } from '../../src/core/messages.js';
import type { Database } from '../../src/store/tables.js';

export interface ConsoleInbox {
  /** Keeps messages for a console member. */
  push(userKey: string, messages: Outgoing[]): Promise<void>;
  /** Returns and removes the person's waiting messages, one list per push, oldest first; a second reader gets none of them. */
  take(userKey: string): Promise<Outgoing[][]>;
}

/** Outgoing messages as plain JSON: images and files travel as base64. */
export function toJson(messages: Outgoing[]): unknown[] {
  return messages.map((m) =>
    m.kind === 'image' ? { ...m, png: m.png.toString('base64') } : m.kind === 'file' ? { ...m, data: m.data.toString('base64') } : m,
  );
}

export function fromJson(payload: unknown): Outgoing[] {
  if (!Array.isArray(payload)) return [];
  return (payload as Record<string, unknown>[]).map((m) =>
    m.kind === 'image' ? { ...m, png: Buffer.from(String(m.png), 'base64') } : m.kind === 'file' ? { ...m, data: Buffer.from(String(m.data), 'base64') } : m,
  ) as unknown as Outgoing[];
}

/** The inbox in the store's database (SQLite or PostgreSQL), given the store's Kysely instance. */
export function createConsoleInbox(db: Kysely<Database>, clock: Clock): ConsoleInbox {
  return {
    async push(userKey, messages) {
      await db
        .insertInto('inbox')
        .values({ id: newId(), user_key: userKey, payload: JSON.stringify(toJson(messages)), created_at: clock.now().getTime() })
        .execute();
    },
    // DELETE ... RETURNING: two readers at once each get a message at most once.
    async take(userKey) {
      const rows = await db.deleteFrom('inbox').where('user_key', '=', userKey).returningAll().execute();
      rows.sort((a, b) => Number(a.created_at) - Number(b.created_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return rows.map((r) => fromJson(JSON.parse(r.payload)));
    },
  };
}
