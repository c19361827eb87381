// Keeps proactive sends within each platform's limits: a token bucket per platform, a gap per conversation.
import { setTimeout as sleep } from 'node:timers/promises';
import { Lru } from '../core/lru.js';
import type { Platform } from '../core/messages.js';

interface Bucket {
  tokens: number;
  at: number;
  /** Nothing goes out on this platform before this time (after a 429 that names a wait). */
  pausedUntil: number;
}

/**
 * Monotonic time for pacing, and waiting on it. The default is real time; tests inject a virtual one, so
 * pacing is checked without waiting real seconds.
 */
export interface Pacer {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realPacer: Pacer = { now: () => performance.now(), sleep: (ms) => sleep(ms) };

export interface Limits {
  perSecond: number;
  perConversationPerSecond: number;
}

/**
 * Monotonic time (the Pacer), not the scheduler's clock: platform limits are about time passing, and tests
 * that hold the scheduler's clock still must not stall here.
 */
export class SendLimiter {
  private readonly buckets = new Map<Platform, Bucket>();
  /** Last send per conversation; far more than a lease's worth of sends at any platform's rate. */
  private readonly lastSend = new Lru<string, number>(10_000);

  constructor(
    private readonly limitsOf: (p: Platform) => Limits,
    private readonly pacer: Pacer = realPacer,
  ) {}

  private now(): number {
    return this.pacer.now();
  }

  /** Waits until one message to `conversation` on `platform` may go out, and counts it. */
  async take(platform: Platform, conversation: string): Promise<void> {
    const limits = this.limitsOf(platform);
    const perSecond = Math.max(0.01, limits.perSecond);
    const gap = 1000 / Math.max(0.01, limits.perConversationPerSecond);
    const convKey = `${platform}\u0000${conversation}`;
    for (;;) {
      const t = this.now();
      const b = this.bucket(platform, perSecond, t);
      const last = this.lastSend.get(convKey);
      const wait = Math.max(
        b.pausedUntil - t,
        b.tokens >= 1 ? 0 : ((1 - b.tokens) / perSecond) * 1000,
        last === undefined ? 0 : last + gap - t,
      );
      if (wait <= 0) {
        b.tokens -= 1;
        this.lastSend.set(convKey, t);
        return;
      }
      await this.pacer.sleep(Math.ceil(wait));
    }
  }

  /** Waits out a pause on the platform (so nothing is claimed only to sit waiting while its lease runs). */
  async open(platform: Platform): Promise<void> {
    const b = this.buckets.get(platform);
    const wait = b ? b.pausedUntil - this.now() : 0;
    if (wait > 0) await this.pacer.sleep(Math.ceil(wait));
  }

  /** The platform said to slow down: hold every send on it for `ms`. */
  pause(platform: Platform, ms: number): void {
    const b = this.bucket(platform, Math.max(0.01, this.limitsOf(platform).perSecond), this.now());
    b.pausedUntil = Math.max(b.pausedUntil, this.now() + ms);
    b.tokens = Math.min(b.tokens, 0);
  }

  private bucket(platform: Platform, perSecond: number, t: number): Bucket {
    // Burst up to one second's worth, so a large send starts at once but then keeps to the rate.
    const capacity = Math.max(1, perSecond);
    let b = this.buckets.get(platform);
    if (!b) {
      b = { tokens: capacity, at: t, pausedUntil: 0 };
      this.buckets.set(platform, b);
    }
    b.tokens = Math.min(capacity, b.tokens + ((t - b.at) / 1000) * perSecond);
    b.at = t;
    return b;
  }
}
