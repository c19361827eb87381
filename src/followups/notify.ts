// Tells the trainer who scheduled a follow-up how its delivery is going: progress, stalls and the final report.
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import { text, type Messenger, type Platform } from '../core/messages.js';
import type { FollowupRecord, Store } from '../store/types.js';
import { addressOf } from './deliver.js';
import { KIND_LABEL, pendingByPlatform } from './followup-commands.js';
import type { SendLimiter } from './rate.js';

/** Deliveries this large get progress messages; smaller ones just get the final report. */
export const PROGRESS_MIN_MEMBERS = 50;
export const PROGRESS_EVERY_MS = 10_000;
const NAMES_SHOWN = 20;

export interface NotifyDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  limiter: SendLimiter;
  messengers: Partial<Record<Platform, Messenger>>;
  /** The longest a message to a trainer may take (a dead platform must not hold up the scheduler's pass). */
  sendTimeoutMs: number;
}

export class TrainerNotifier {
  /** Per follow-up: when the last progress message went, and how many were done then. */
  private readonly progressState = new Map<string, { at: number; done: number }>();
  /** Follow-ups whose "waiting for an unconfigured platform" note went out from this process. */
  private readonly stalledNoted = new Set<string>();

  constructor(private readonly deps: NotifyDeps) {}

  /** "Follow-up X: sent 120 of 500", at most every 10 s or each further quarter. */
  async progress(f: FollowupRecord): Promise<void> {
    const c = await this.deps.store.deliveryCounts(f.id);
    if (c.total < PROGRESS_MIN_MEMBERS || c.pending === 0) return;
    const now = this.deps.clock.now().getTime();
    const done = c.total - c.pending;
    const state = this.progressState.get(f.id);
    if (!state) {
      this.progressState.set(f.id, { at: now, done });
      return;
    }
    const quarter = (n: number) => Math.floor((n * 4) / c.total);
    if (now - state.at < PROGRESS_EVERY_MS && quarter(done) <= quarter(state.done)) return;
    this.progressState.set(f.id, { at: now, done });
    // Several processes deliver one follow-up: the shared store lets one of them speak per interval.
    if (!(await this.once(`followup:${f.id}:progress:${Math.floor(now / PROGRESS_EVERY_MS)}`))) return;
    const extra = [c.unreachable && `${c.unreachable} unreachable`, c.failed && `${c.failed} failed`].filter(Boolean);
    await this.tell(f.createdBy, `Follow-up ${f.id}: sent ${c.sent} of ${c.total}${extra.length ? ` (${extra.join(', ')})` : ''}.`);
  }

  /** Once across every process: the rest waits for a platform this server has no messenger for. */
  async noteStalled(f: FollowupRecord): Promise<void> {
    if (this.stalledNoted.has(f.id)) return;
    const c = await this.deps.store.deliveryCounts(f.id);
    if (c.pending === 0) return;
    const pending = (await this.deps.store.listDeliveries(f.id)).filter((d) => d.status === 'pending');
    const configured = Object.keys(this.deps.messengers);
    if (pending.some((d) => configured.some((p) => d.userKey.startsWith(`${p}:`)))) return;
    this.stalledNoted.add(f.id);
    if (!(await this.once(`followup:${f.id}:stalled`))) return;
    await this.tell(
      f.createdBy,
      `Follow-up ${f.id}: sent ${c.sent} of ${c.total}. ${c.pending} still pending (${await pendingByPlatform(this.deps.store, f.id)}): ` +
        'that platform is not configured on this server, so they go out once it is.',
    );
  }

  /** The delivery report, once the follow-up is done. */
  async finalReport(f: FollowupRecord): Promise<void> {
    this.progressState.delete(f.id);
    this.stalledNoted.delete(f.id);
    const { store } = this.deps;
    const [c, cohort, deliveries] = await Promise.all([store.deliveryCounts(f.id), store.getCohort(f.cohortId), store.listDeliveries(f.id)]);
    const names = async (status: 'unreachable' | 'failed') => {
      const keys = deliveries.filter((d) => d.status === status).map((d) => d.userKey);
      const shown = await Promise.all(keys.slice(0, NAMES_SHOWN).map(async (k) => (await store.getUser(k))?.name ?? k));
      return shown.join(', ') + (keys.length > NAMES_SHOWN ? ` and ${keys.length - NAMES_SHOWN} more` : '');
    };
    const lines = [
      `Follow-up ${f.id} (${KIND_LABEL[f.kind]} to "${cohort?.name ?? 'a cohort'}"${cohort ? ` (${cohort.code})` : ''}) has gone out.`,
      `Sent: ${c.sent} · Unreachable: ${c.unreachable} · Failed: ${c.failed} (of ${c.total})`,
    ];
    if (c.unreachable) lines.push(`Unreachable (blocked the bot or left the platform): ${await names('unreachable')}`);
    if (c.failed) lines.push(`Failed after several tries: ${await names('failed')}`);
    await this.tell(f.createdBy, lines.join('\n'));
  }

  /** True for the first caller of `key` in any process (the store's record of handled deliveries). */
  private once(key: string): Promise<boolean> {
    return this.deps.store.markProcessed(key, this.deps.clock.now());
  }

  /** A message to a trainer on their own platform; a trainer we cannot reach only gets a log line. */
  private async tell(trainerKey: string, message: string): Promise<void> {
    const { store, logger, limiter, messengers } = this.deps;
    try {
      const trainer = trainerKey ? await store.getUser(trainerKey) : undefined;
      const messenger = trainer && messengers[trainer.platform];
      const address = trainer && addressOf(trainer);
      if (!trainer || !messenger || address === undefined) {
        logger.info({ trainer: trainerKey || '(forgotten)' }, 'follow-up report not delivered: no way to reach the trainer');
        return;
      }
      await limiter.take(messenger.platform, trainer.key);
      await messenger.send(address, [text(message)], { signal: AbortSignal.timeout(this.deps.sendTimeoutMs) });
    } catch (err) {
      logger.warn({ err }, 'could not send a follow-up report to the trainer');
    }
  }
}
