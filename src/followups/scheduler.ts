// The follow-up scheduler: starts due follow-ups and delivers them through each platform's Messenger.
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Clock } from '../core/adapter.js';
import type { Bot } from '../core/bot.js';
import type { Messenger, Platform } from '../core/messages.js';
import type { CohortRecord, DeliveryRecord, FollowupRecord, Store } from '../store/types.js';
import { deliverOne, type DeliverDeps } from './deliver.js';
import { TrainerNotifier } from './notify.js';
import { SendLimiter } from './rate.js';

export interface SchedulerOptions {
  bot: Bot;
  store: Store;
  clock: Clock;
  logger: Logger;
  messengers: Partial<Record<Platform, Messenger>>;
  /** Pause between ticks; 0 or less runs no timer (tests call tick()). */
  intervalMs: number;
  workerId?: string;
  /** How long a claimed delivery stays ours; a crashed worker's claims return after this. */
  leaseMs?: number;
  /** Deliveries claimed at once per platform. */
  batchSize?: number;
  /** Sends in flight at once per platform (also the most that can go twice after a crash). */
  concurrency?: number;
  /** Claims (each counts as a try) before a delivery that keeps failing is given up as 'failed'. */
  maxAttempts?: number;
}

export interface Scheduler {
  /** One pass: start due follow-ups, deliver what is claimable, report finished ones. */
  tick(): Promise<void>;
  /** Stops after the deliveries already claimed have been sent. */
  stop(): Promise<void>;
}

export const DEFAULT_LEASE_MS = 30_000;

export function startScheduler(opts: SchedulerOptions): Scheduler {
  const s = new FollowupScheduler(opts);
  s.schedule();
  return s;
}

class FollowupScheduler implements Scheduler {
  private readonly deps: DeliverDeps;
  private readonly notifier: TrainerNotifier;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private chain: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private stopping = false;

  constructor(private readonly o: SchedulerOptions) {
    const limiter = new SendLimiter((p) => o.messengers[p]?.limits ?? { perSecond: 1, perConversationPerSecond: 1 });
    this.leaseMs = Math.max(1000, o.leaseMs ?? DEFAULT_LEASE_MS);
    this.batchSize = Math.max(1, o.batchSize ?? 50);
    this.concurrency = Math.max(1, o.concurrency ?? 4);
    this.deps = {
      bot: o.bot,
      store: o.store,
      clock: o.clock,
      logger: o.logger,
      limiter,
      workerId: o.workerId ?? `${hostname()}:${process.pid}`,
      maxAttempts: Math.max(1, o.maxAttempts ?? 8),
    };
    this.notifier = new TrainerNotifier({ store: o.store, clock: o.clock, logger: o.logger, limiter, messengers: o.messengers });
  }

  /** Ticks never overlap: each waits for the one before. */
  tick(): Promise<void> {
    const run = this.chain.then(() => (this.stopping ? undefined : this.pass()));
    this.chain = run.catch((err) => this.o.logger.error({ err }, 'follow-up scheduler pass failed'));
    return run;
  }

  schedule(): void {
    if (this.o.intervalMs <= 0 || this.stopping) return;
    this.timer = setTimeout(() => {
      void this.tick()
        .catch(() => undefined)
        .finally(() => this.schedule());
    }, this.o.intervalMs);
    // A pending tick alone should not keep a finished process alive.
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.chain;
  }

  private async pass(): Promise<void> {
    const { store, clock, logger } = this.o;
    const started = await store.startDueFollowups(clock.now());
    for (const f of started) logger.info({ followupId: f.id, kind: f.kind }, 'follow-up started');

    const platforms = (Object.keys(this.o.messengers) as Platform[]).filter((p) => this.o.messengers[p]);
    await Promise.all(platforms.map((p) => this.drain(this.o.messengers[p]!)));

    for (const f of (await store.listFollowups()).filter((x) => x.status === 'sending')) await this.notifier.noteStalled(f);
    for (const f of await store.finishFollowups(clock.now())) {
      logger.info({ followupId: f.id }, 'follow-up done');
      await this.notifier.finalReport(f);
    }
  }

  /** Claims and sends batches for one platform until nothing more is due now. */
  private async drain(messenger: Messenger): Promise<void> {
    const { store, clock } = this.o;
    const cache = new Map<string, Promise<[FollowupRecord | undefined, CohortRecord | undefined]>>();
    const lookup = (id: string) => {
      let hit = cache.get(id);
      if (!hit) {
        hit = store.getFollowup(id).then(async (f) => [f, f ? await store.getCohort(f.cohortId) : undefined] as [FollowupRecord | undefined, CohortRecord | undefined]);
        cache.set(id, hit);
      }
      return hit;
    };
    // A batch must go out well within its lease at the platform's rate, or the lease would lapse mid-batch.
    const fits = Math.floor((messenger.limits.perSecond * this.leaseMs) / 1000 / 2);
    const size = Math.max(1, Math.min(this.batchSize, fits));
    while (!this.stopping) {
      await this.deps.limiter.open(messenger.platform);
      const batch = await store.claimDeliveries(this.deps.workerId, clock.now(), size, this.leaseMs, [messenger.platform]);
      if (!batch.length) return;
      let gaveUp = false;
      await eachLimited(batch, this.concurrency, async (d: DeliveryRecord) => {
        const [f, cohort] = await lookup(d.followupId);
        if (!f) {
          await store.completeDelivery(d.followupId, d.userKey, this.deps.workerId, { status: 'failed', error: 'follow-up not found' }, clock.now());
          return;
        }
        if (gaveUp) {
          // Hand the rest of the batch back at once rather than leave it leased until the lease runs out.
          await store.retryDelivery(d.followupId, d.userKey, this.deps.workerId, clock.now(), 'lease ran short before sending');
          return;
        }
        // Keep a fifth of the lease in hand: a send started near its end could overlap another worker's.
        if (!(await deliverOne(this.deps, messenger, d, f, cohort, this.leaseMs / 5))) gaveUp = true;
      });
      for (const id of new Set(batch.map((d) => d.followupId))) {
        const [f] = await lookup(id);
        if (f) await this.notifier.progress(f);
      }
      // Leases ran short (a very slow platform): stop here; the next pass claims them afresh.
      if (gaveUp) return;
    }
  }
}

/** Runs `fn` over `items` with at most `limit` running at once. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
