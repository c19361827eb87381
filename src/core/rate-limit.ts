// Per-person token buckets, so one person flooding the bot cannot slow it down for everyone else.

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst = Math.max(5, Math.ceil(perMinute / 3)),
  ) {}

  /** Takes one token for `key`; false when the person is over the limit. */
  take(key: string, nowMs: number): boolean {
    const refill = this.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: nowMs };
    b.tokens = Math.min(this.burst, b.tokens + (nowMs - b.at) * refill);
    b.at = nowMs;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > 50_000) this.sweep(nowMs);
    return ok;
  }

  /** Forgets full buckets, keeping memory bounded however many people write. */
  private sweep(nowMs: number): void {
    const refill = this.perMinute / 60_000;
    for (const [k, b] of this.buckets) if (b.tokens + (nowMs - b.at) * refill >= this.burst) this.buckets.delete(k);
  }
}
