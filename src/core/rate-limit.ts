// Per-person token buckets, so one person flooding the bot cannot slow it down for everyone else.
import { Lru } from './lru.js';

/** What to do with a message: handle it, say once that the person is going too fast, or drop it quietly. */
export type Budget = 'ok' | 'slow-down' | 'drop';

interface Bucket {
  tokens: number;
  at: number;
  /** The person has been told to slow down since their last message that went through. */
  told: boolean;
}

export class RateLimiter {
  private readonly buckets: Lru<string, Bucket>;

  constructor(
    private readonly perMinute: number,
    private readonly burst = Math.max(5, Math.ceil(perMinute / 2)),
    /** People whose buckets are kept; a person dropped from it comes back with a full bucket. */
    peopleKept = 10_000,
  ) {
    this.buckets = new Lru(peopleKept);
  }

  /**
   * Takes one token for `key`. Over the limit, the first message is answered with a request to slow down and
   * the rest are dropped, so a flood gets one reply, not one per message.
   */
  take(key: string, nowMs: number): Budget {
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: nowMs, told: false };
    b.tokens = Math.min(this.burst, b.tokens + (nowMs - b.at) * (this.perMinute / 60_000));
    b.at = nowMs;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      b.told = false;
      return 'ok';
    }
    if (b.told) return 'drop';
    b.told = true;
    return 'slow-down';
  }
}
