// Follow-ups for console members: kept in the store's inbox until their next chat opens.
import type { Clock } from '../../src/core/clock.js';
import { newId } from '../../src/core/ids.js';
import type { Messenger, Outgoing } from '../../src/core/messages.js';
import type { Store } from '../../src/store/types.js';

export interface ConsoleAddress {
  userKey: string;
}

/** Outgoing messages as plain JSON: images and files travel as base64. */
export function toJson(messages: Outgoing[]): unknown[] {
  return messages.map((m) =>
    m.kind === 'image' ? { ...m, png: m.png.toString('base64') } : m.kind === 'file' ? { ...m, data: m.data.toString('base64') } : m,
  );
}

export function fromJson(payload: unknown): Outgoing[] {
  if (!Array.isArray(payload)) return [];
  return payload.map((m) =>
    m.kind === 'image' ? { ...m, png: Buffer.from(m.png, 'base64') } : m.kind === 'file' ? { ...m, data: Buffer.from(m.data, 'base64') } : m,
  ) as Outgoing[];
}

export function createConsoleMessenger(store: Store, clock: Clock): Messenger {
  return {
    platform: 'console',
    // Writing to our own database: no platform limit to respect.
    limits: { perSecond: 1000, perConversationPerSecond: 1000 },
    async send(address, messages) {
      const userKey = (address as ConsoleAddress | undefined)?.userKey;
      if (!userKey) throw new Error('console address without userKey');
      await store.pushInbox({ id: newId(), userKey, payload: toJson(messages), createdAt: clock.now() });
    },
  };
}
