// The deliveries this process holds (queued or being sent), with their leases renewed while it works.
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import type { DeliveryRecord, Store } from '../store/types.js';

/** A delivery this process has claimed and not yet settled. */
export interface Held {
  readonly d: DeliveryRecord;
  /** When the lease runs out, on the scheduler's clock (ms). */
  leaseUntil: number;
  /** Set once the store says the delivery is no longer ours (taken over after a lapse). */
  lost: boolean;
  /** Called after each renewal (or loss), so a send in flight can move its deadline. */
  onLeaseChange?: () => void;
}

const keyOf = (followupId: string, userKey: string) => `${followupId}\u0000${userKey}`;

/**
 * Renews every lease this worker holds every third of a lease, so a send slower than the lease is never taken
 * over by another process while this one is alive. When renewal fails (the database is unreachable) the leases
 * are left to run out; the sends in flight see it through `remainingMs` and stop before they do.
 */
export class Leases {
  private readonly held = new Map<string, Held>();
  private timer?: NodeJS.Timeout;
  private renewing?: Promise<void>;

  constructor(
    private readonly o: { store: Store; clock: Clock; logger: Logger; workerId: string; leaseMs: number },
  ) {}

  hold(d: DeliveryRecord): Held {
    const h: Held = { d, leaseUntil: d.leaseUntil?.getTime() ?? this.o.clock.now().getTime() + this.o.leaseMs, lost: false };
    this.held.set(keyOf(d.followupId, d.userKey), h);
    if (!this.timer) {
      this.timer = setInterval(() => void this.renew(), Math.max(50, Math.floor(this.o.leaseMs / 3)));
      // Leases alone should not keep a finished process alive.
      this.timer.unref();
    }
    return h;
  }

  release(h: Held): void {
    const key = keyOf(h.d.followupId, h.d.userKey);
    if (this.held.get(key) === h) this.held.delete(key);
    if (this.held.size === 0) this.stopTimer();
  }

  /** What is left of the lease on the scheduler's clock (negative once it ran out). */
  remainingMs(h: Held): number {
    return h.leaseUntil - this.o.clock.now().getTime();
  }

  /** One renewal; overlapping calls share it. */
  renew(): Promise<void> {
    return (this.renewing ??= this.renewOnce().finally(() => (this.renewing = undefined)));
  }

  stop(): void {
    this.stopTimer();
  }

  private async renewOnce(): Promise<void> {
    if (this.held.size === 0) return;
    // Judge only what was held before the renewal was sent: a delivery claimed meanwhile is not in its answer.
    const asked = [...this.held.entries()];
    let renewed: { followupId: string; userKey: string; leaseUntil: Date }[];
    try {
      renewed = await this.o.store.renewLeases(this.o.workerId, this.o.clock.now(), this.o.leaseMs);
    } catch (err) {
      this.o.logger.warn({ err }, 'could not renew follow-up delivery leases; sends stop before the leases run out');
      for (const [, h] of asked) h.onLeaseChange?.();
      return;
    }
    const until = new Map(renewed.map((r) => [keyOf(r.followupId, r.userKey), r.leaseUntil.getTime()]));
    for (const [key, h] of asked) {
      if (this.held.get(key) !== h) continue;
      const t = until.get(key);
      if (t === undefined) {
        h.lost = true;
        this.held.delete(key);
      } else {
        h.leaseUntil = t;
      }
      h.onLeaseChange?.();
    }
    if (this.held.size === 0) this.stopTimer();
  }

  private stopTimer(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
