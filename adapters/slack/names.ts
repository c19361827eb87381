// Slack people's names as their colleagues see them (users.info), looked up now and then and kept in memory.
import { Lru } from '../../src/core/lru.js';

/** The parts of a users.info answer we read. */
export interface SlackUserInfo {
  name?: string;
  real_name?: string;
  profile?: { display_name?: string; real_name?: string };
}

/**
 * The name Slack shows for a person: the display name they chose, else their full name; the handle
 * (`user.name`, what block actions and slash commands carry) only when neither is set.
 */
export function slackDisplayName(user: SlackUserInfo | undefined): string | undefined {
  const pick = [user?.profile?.display_name, user?.profile?.real_name, user?.real_name, user?.name];
  return pick.map((n) => n?.trim()).find((n) => n) || undefined;
}

export interface SlackNamesOptions {
  /** Asks Slack for one person (users.info); undefined or a throw when it cannot say. */
  lookup(userId: string): Promise<string | undefined>;
  /** How long a name is trusted before it is asked again, so a renamed person is renamed in exports too. */
  refreshMs?: number;
  /** The longest a message waits for a lookup; a slower one still fills the cache for the next message. */
  waitMs?: number;
  /** People whose names this process keeps. */
  peopleKept?: number;
  now?: () => number;
}

interface Entry {
  name?: string;
  at: number;
  pending?: Promise<string | undefined>;
}

/**
 * `nameOf(userId)`: the person's current Slack name, or undefined when Slack has not said (a missing
 * `users:read` scope, a timeout): the caller then keeps what the event carried, and the store what it knew.
 */
export function createSlackNames(opts: SlackNamesOptions): (userId: string) => Promise<string | undefined> {
  const refreshMs = opts.refreshMs ?? 60 * 60_000;
  const waitMs = opts.waitMs ?? 2000;
  const now = opts.now ?? Date.now;
  const cache = new Lru<string, Entry>(opts.peopleKept ?? 10_000);

  const refresh = (userId: string, old: Entry | undefined): Promise<string | undefined> => {
    const pending = opts
      .lookup(userId)
      .catch(() => undefined)
      // A failed lookup keeps the last name known and is not asked again until the next refresh.
      .then((name) => {
        cache.set(userId, { name: name ?? old?.name, at: now() });
        return name ?? old?.name;
      });
    cache.set(userId, { name: old?.name, at: old?.at ?? 0, pending });
    return pending;
  };

  return async (userId) => {
    const entry = cache.get(userId);
    if (entry && !entry.pending && now() - entry.at < refreshMs) return entry.name;
    const pending = entry?.pending ?? refresh(userId, entry);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), waitMs);
      timer.unref();
    });
    try {
      return (await Promise.race([pending, late])) ?? entry?.name;
    } finally {
      clearTimeout(timer);
    }
  };
}
