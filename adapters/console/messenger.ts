// Follow-ups for console members: kept in the console's inbox until their next chat opens.
import type { Messenger } from '../../src/core/messages.js';
import type { ConsoleInbox } from './inbox.js';

export { fromJson, toJson } from './inbox.js';

/** What the console chat gives as a member's address (with every message, so follow-ups can find them). */
export interface ConsoleAddress {
  userKey: string;
}

export function createConsoleMessenger(inbox: ConsoleInbox): Messenger {
  return {
    platform: 'console',
    // Writing to our own database: no platform limit to respect.
    limits: { perSecond: 1000, perConversationPerSecond: 1000 },
    async send(address, messages) {
      const userKey = (address as ConsoleAddress | undefined)?.userKey;
      if (!userKey) throw new Error('console address without userKey');
      await inbox.push(userKey, messages);
    },
  };
}
