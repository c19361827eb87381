// One platform's deliveries: claims them in small batches and sends them with bounded concurrency, each
// send with a deadline, so a slow or dead recipient holds one slot for a bounded time and nothing else.
import type { Messenger } from '../core/messages.js';
import type { CohortRecord, FollowupRecord } from '../store/types.js';
import { deliverOne, type DeliverDeps } from './deliver.js';
import type { Held, Leases } from './leases.js';

export interface LaneOptions {
  deps: DeliverDeps;
  messenger: Messenger;
  leases: Leases;
  leaseMs: number;
  /** Most deliveries claimed at once. */
  batchSize: number;
  /** Sends in flight at once (also the most that can go twice after a crash). */
  concurrency: number;
  /** The longest one send may take before it is aborted. */
  sendTimeoutMs: number;
  /** Follow-ups that had deliveries settled since the last call (for progress messages). */
  onProgress(followupIds: string[]): Promise<void>;
}

/** Deadline reasons, as the abort signal carries them (and the log shows). */
const DEADLINE = 'send deadline passed';
const LEASE_SHORT = 'lease about to run out';
const LEASE_LOST = 'lease taken over';

export class DeliveryLane {
  private readonly queue: Held[] = [];
  private workers = 0;
  private running?: Promise<void>;
  private finishRun?: () => void;
  private refilling?: Promise<boolean>;
  /** A kick arrived while a claim was on its way: claim once more before going idle. */
  private again = false;
  private stopping = false;
  private readonly touched = new Set<string>();
  private lookups = new Map<string, Promise<[FollowupRecord | undefined, CohortRecord | undefined]>>();

  constructor(private readonly o: LaneOptions) {}

  /** Starts sending what is due, if not already; resolves when the lane has nothing more to do now. */
  kick(): Promise<void> {
    if (this.stopping) return Promise.resolve();
    this.again = true;
    if (!this.running) {
      this.running = new Promise<void>((resolve) => (this.finishRun = resolve));
      this.spawn();
    }
    return this.running;
  }

  /** Claims no more, hands back what is queued and not started, and waits for the sends in flight. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.refilling;
    await this.handBack(this.queue.splice(0), 'handed back at shutdown');
    await this.running;
  }

  private async handBack(list: Held[], why: string): Promise<void> {
    const { store, clock, workerId } = this.o.deps;
    for (const h of list) {
      await store.retryDelivery(h.d.followupId, h.d.userKey, workerId, clock.now(), why).catch(() => undefined);
      this.o.leases.release(h);
    }
  }

  private get claimSize(): number {
    // Small batches share a large follow-up between processes; a batch should also go out well within a lease
    // at the platform's rate, or its last deliveries would wait long with their lease renewed.
    const fits = Math.floor((this.o.messenger.limits.perSecond * this.o.leaseMs) / 1000 / 2);
    return Math.max(1, Math.min(this.o.batchSize, fits, this.o.concurrency * 4));
  }

  private spawn(): void {
    while (this.workers < this.o.concurrency) {
      this.workers++;
      void this.work().finally(() => {
        if (--this.workers === 0) this.idle();
      });
    }
  }

  private idle(): void {
    // A kick that came after the last claim found nothing: claim once more before calling the run done.
    if (this.again && !this.stopping) return this.spawn();
    this.lookups = new Map();
    const done = this.finishRun;
    this.running = undefined;
    this.finishRun = undefined;
    void this.progress().finally(() => done?.());
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      const h = this.queue.shift();
      if (h) {
        if (!h.lost) await this.deliver(h);
        continue;
      }
      if (!(await this.refill())) return;
    }
  }

  /** One claim at a time, shared by the idle workers; false when nothing more is due. */
  private refill(): Promise<boolean> {
    return (this.refilling ??= this.claim().finally(() => (this.refilling = undefined)));
  }

  private async claim(): Promise<boolean> {
    const { store, clock, limiter, workerId, logger } = this.o.deps;
    const platform = this.o.messenger.platform;
    this.again = false;
    await this.progress();
    await limiter.open(platform);
    if (this.stopping) return false;
    try {
      const batch = await store.claimDeliveries(workerId, clock.now(), this.claimSize, this.o.leaseMs, [platform]);
      const held = batch.map((d) => this.o.leases.hold(d));
      if (this.stopping) {
        await this.handBack(held, 'handed back at shutdown');
        return false;
      }
      this.queue.push(...held);
      if (batch.length) this.spawn();
      return batch.length > 0 || this.again;
    } catch (err) {
      logger.error({ err, platform }, 'claiming follow-up deliveries failed; trying again on the next pass');
      return false;
    }
  }

  private async deliver(h: Held): Promise<void> {
    const { deps, leases, messenger, sendTimeoutMs } = this.o;
    const { d } = h;
    const controller = new AbortController();
    let startedAt = 0;
    // A fifth of the lease in hand: a send must end (or be aborted) before another worker could take it over.
    const margin = this.o.leaseMs / 5;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      if (!startedAt) return;
      clearTimeout(timer);
      if (controller.signal.aborted) return;
      if (h.lost) return controller.abort(LEASE_LOST);
      const byDeadline = startedAt + sendTimeoutMs - performance.now();
      const byLease = leases.remainingMs(h) - margin;
      const ms = Math.min(byDeadline, byLease);
      if (ms <= 0) return controller.abort(byDeadline <= byLease ? DEADLINE : LEASE_SHORT);
      timer = setTimeout(arm, ms);
      timer.unref();
    };
    h.onLeaseChange = arm;
    try {
      const [f, cohort] = await this.lookup(d.followupId);
      if (!f) {
        await deps.store.completeDelivery(d.followupId, d.userKey, deps.workerId, { status: 'failed', error: 'follow-up not found' }, deps.clock.now());
        return;
      }
      await deliverOne(deps, messenger, d, f, cohort, {
        remainingMs: () => leases.remainingMs(h),
        leaseMarginMs: margin,
        begin: () => {
          startedAt = performance.now();
          arm();
          return controller.signal;
        },
        abandonAfterMs: sendTimeoutMs,
      });
      this.touched.add(d.followupId);
    } catch (err) {
      // The store failed while recording: the lease runs out and the delivery is tried again then.
      deps.logger.error({ err, followupId: d.followupId, platform: messenger.platform }, 'follow-up delivery could not be recorded');
    } finally {
      clearTimeout(timer);
      h.onLeaseChange = undefined;
      leases.release(h);
    }
  }

  private lookup(id: string): Promise<[FollowupRecord | undefined, CohortRecord | undefined]> {
    const { store } = this.o.deps;
    let hit = this.lookups.get(id);
    if (!hit) {
      hit = store.getFollowup(id).then(async (f) => [f, f ? await store.getCohort(f.cohortId) : undefined] as [FollowupRecord | undefined, CohortRecord | undefined]);
      // A failed lookup is not kept: the next delivery of that follow-up asks again.
      hit.catch(() => this.lookups.delete(id));
      this.lookups.set(id, hit);
    }
    return hit;
  }

  private async progress(): Promise<void> {
    if (!this.touched.size) return;
    const ids = [...this.touched];
    this.touched.clear();
    await this.o.onProgress(ids).catch((err) => this.o.deps.logger.warn({ err }, 'follow-up progress note failed'));
  }
}
