// The follow-up scheduler: starts due follow-ups and delivers them through each platform's Messenger.
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import type { Messenger, Platform } from '../core/messages.js';
import type { Store } from '../store/types.js';
import type { DeliverDeps, FlowStarter } from './deliver.js';
import { DeliveryLane } from './lane.js';
import { Leases } from './leases.js';
import { TrainerNotifier } from './notify.js';
import { SendLimiter, type Pacer } from './rate.js';

export interface SchedulerOptions {
  flows: FlowStarter;
  store: Store;
  clock: Clock;
  logger: Logger;
  messengers: Partial<Record<Platform, Messenger>>;
  /** Pause between ticks; 0 or less runs no timer (tests call tick()). */
  intervalMs: number;
  workerId?: string;
  /** How long a claimed delivery stays ours without renewal; a crashed worker's claims return after this. */
  leaseMs?: number;
  /** Deliveries claimed at once per platform (at most). */
  batchSize?: number;
  /** Sends in flight at once per platform (also the most that can go twice after a crash). */
  concurrency?: number;
  /** The longest one send (all the calls of one member's follow-up) may take before it is aborted. */
  sendTimeoutMs?: number;
  /** Claims (each counts as a try) before a delivery that keeps failing is given up as 'failed'. */
  maxAttempts?: number;
  /** Time for pacing sends to the platforms' limits; real time unless a test injects its own. */
  pacer?: Pacer;
}

export interface Scheduler {
  /** One pass: start due follow-ups, deliver what is claimable now (waiting for it), report finished ones. */
  tick(): Promise<void>;
  /** Claims no more, hands back what it claimed and has not started, and waits for the sends in flight. */
  stop(): Promise<void>;
}

export const DEFAULT_LEASE_MS = 30_000;
export const DEFAULT_SEND_TIMEOUT_MS = 20_000;

export function startScheduler(opts: SchedulerOptions): Scheduler {
  const s = new FollowupScheduler(opts);
  s.schedule();
  return s;
}

/**
 * Each platform delivers in its own lane, outside the timed passes: a platform that is slow or down never
 * holds up another one, the start of due follow-ups, or the reports.
 */
class FollowupScheduler implements Scheduler {
  private readonly deps: DeliverDeps;
  private readonly notifier: TrainerNotifier;
  private readonly leases: Leases;
  private readonly lanes: DeliveryLane[];
  private chain: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private stopping = false;

  constructor(private readonly o: SchedulerOptions) {
    const limiter = new SendLimiter((p) => o.messengers[p]?.limits ?? { perSecond: 1, perConversationPerSecond: 1 }, o.pacer);
    const leaseMs = Math.max(1000, o.leaseMs ?? DEFAULT_LEASE_MS);
    this.deps = {
      flows: o.flows,
      store: o.store,
      clock: o.clock,
      logger: o.logger,
      limiter,
      workerId: o.workerId ?? `${hostname()}:${process.pid}`,
      maxAttempts: Math.max(1, o.maxAttempts ?? 8),
    };
    const sendTimeoutMs = Math.max(1, o.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS);
    this.notifier = new TrainerNotifier({ store: o.store, clock: o.clock, logger: o.logger, limiter, messengers: o.messengers, sendTimeoutMs });
    this.leases = new Leases({ store: o.store, clock: o.clock, logger: o.logger, workerId: this.deps.workerId, leaseMs });
    const messengers = Object.values(o.messengers).filter((m): m is Messenger => Boolean(m));
    this.lanes = messengers.map(
      (messenger) =>
        new DeliveryLane({
          deps: this.deps,
          messenger,
          leases: this.leases,
          leaseMs,
          batchSize: Math.max(1, o.batchSize ?? 50),
          concurrency: Math.max(1, o.concurrency ?? 4),
          sendTimeoutMs,
          onProgress: (ids) => this.progress(ids),
        }),
    );
  }

  /** Ticks never overlap: each waits for the one before. */
  tick(): Promise<void> {
    return this.enqueue(true);
  }

  schedule(): void {
    if (this.o.intervalMs <= 0 || this.stopping) return;
    this.timer = setTimeout(() => {
      void this.enqueue(false)
        .catch(() => undefined)
        .finally(() => this.schedule());
    }, this.o.intervalMs);
    // A pending tick alone should not keep a finished process alive.
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    // The lanes first: a pass in progress may be waiting for them.
    const lanes = Promise.all(this.lanes.map((l) => l.stop()));
    await this.chain;
    await lanes;
    this.leases.stop();
  }

  private enqueue(waitForLanes: boolean): Promise<void> {
    const run = this.chain.then(() => (this.stopping ? undefined : this.pass(waitForLanes)));
    this.chain = run.catch((err) => this.o.logger.error({ err }, 'follow-up scheduler pass failed'));
    return run;
  }

  /** Starts due follow-ups, sets every lane going, and reports what has finished (the timed passes do not wait for the lanes). */
  private async pass(waitForLanes: boolean): Promise<void> {
    const { store, clock, logger } = this.o;
    const started = await store.startDueFollowups(clock.now());
    for (const f of started) logger.info({ followupId: f.id, kind: f.kind }, 'follow-up started');

    const lanes = this.lanes.map((l) => l.kick());
    if (waitForLanes) await Promise.all(lanes);

    for (const f of (await store.listFollowups()).filter((x) => x.status === 'sending')) await this.notifier.noteStalled(f);
    for (const f of await store.finishFollowups(clock.now())) {
      logger.info({ followupId: f.id }, 'follow-up done');
      await this.notifier.finalReport(f);
    }
  }

  private async progress(followupIds: string[]): Promise<void> {
    for (const id of followupIds) {
      const f = await this.o.store.getFollowup(id);
      if (f) await this.notifier.progress(f);
    }
  }
}
