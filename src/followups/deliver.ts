// Sends one follow-up to one member and records the outcome: sent, retry later, unreachable or failed.
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import { DeliveryError, text, type DeliveryCode, type Messenger, type Outgoing } from '../core/messages.js';
import type { CohortRecord, DeliveryRecord, FollowupRecord, Store } from '../store/types.js';
import type { SendLimiter } from './rate.js';

/**
 * What follow-ups need of the bot: to start a quiz or readiness re-check for a person unprompted. The core's
 * Bot is one; follow-ups know it only by this.
 */
export interface FlowStarter {
  /** The first messages of the flow (its first question), with `note` before them; `quizLength` questions, else the usual number. */
  begin(userKey: string, kind: 'quiz' | 'readiness', note?: string, quizLength?: number): Promise<Outgoing[]>;
}

export interface DeliverDeps {
  flows: FlowStarter;
  store: Store;
  clock: Clock;
  logger: Logger;
  limiter: SendLimiter;
  workerId: string;
  maxAttempts: number;
}

/** Where a person can be messaged: the address their platform's adapter gave with their last message. */
export function addressOf(user: { address?: unknown }): unknown {
  return user.address ?? undefined;
}

/** Backoff for transient failures: 2 s, 4 s, 8 s ... capped at 5 minutes. */
export const backoffMs = (attempts: number): number => Math.min(5 * 60_000, 1000 * 2 ** Math.max(1, attempts));

type FailureCode = DeliveryCode;

/** What a failed send means for the delivery: the messenger's DeliveryError code, else worth another try. */
function classify(err: unknown): { code: FailureCode; retryAfterMs?: number; message: string } {
  const message = (err instanceof Error ? err.message : String(err)).slice(0, 300);
  if (err instanceof DeliveryError) return { code: err.code, retryAfterMs: err.retryAfterMs, message };
  // Anything else (a bug, a dropped connection the adapter did not translate) is worth another try.
  return { code: 'transient', message };
}

/** What a member receives: the message, or the first question of a quiz or re-check with the note. */
export async function compose(flows: FlowStarter, f: FollowupRecord, cohort: CohortRecord | undefined, userKey: string): Promise<Outgoing[]> {
  const from = cohort ? `From your workshop trainer ("${cohort.name}")` : 'From your workshop trainer';
  if (f.kind === 'message') return [text(`${from}:\n\n${f.text}`)];
  const what = f.kind === 'quiz' ? 'a short knowledge quiz' : 'a readiness re-check: the same questions as before, so you can see what has changed';
  const note = f.text ? `${from}: ${f.text}` : `${from}: here is ${what}.`;
  return flows.begin(userKey, f.kind, note, f.quizLength);
}

/** What became of one delivery: settled (any outcome recorded), or handed back unsent because its lease ran short. */
export type DeliverResult = 'settled' | 'handed-back';

export interface DeliverOptions {
  /** What is left of the lease right now (ms); a send is only started with more than `leaseMarginMs` left. */
  remainingMs(): number;
  leaseMarginMs: number;
  /** Called as the send starts: a signal aborted at its deadline, or when the lease runs short or is lost. */
  begin(): AbortSignal;
  /** How long after the abort to wait for a messenger that ignores it before giving the send up for now. */
  abandonAfterMs: number;
}

/** Waits for the send; one whose messenger ignores the abort is given up (as transient) `graceMs` after it, so every send ends. */
function settleWithin(send: Promise<void>, signal: AbortSignal, graceMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      timer = setTimeout(() => reject(new DeliveryError(`the send did not stop within ${graceMs} ms of its deadline`, 'transient')), graceMs);
      timer.unref();
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    send.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    });
  });
}

/**
 * Delivers one leased delivery and records the outcome. Hands it back unsent when its lease is too close to
 * running out to send safely (another pass, or worker, takes it then).
 */
export async function deliverOne(
  deps: DeliverDeps,
  messenger: Messenger,
  d: DeliveryRecord,
  f: FollowupRecord,
  cohort: CohortRecord | undefined,
  opts: DeliverOptions,
): Promise<DeliverResult> {
  const { store, clock, logger, workerId } = deps;
  const complete = (status: 'sent' | 'unreachable' | 'failed', error?: string) =>
    store.completeDelivery(d.followupId, d.userKey, workerId, { status, error }, clock.now());

  const user = await store.getUser(d.userKey);
  const address = user && addressOf(user);
  const skip = !user ? 'person not found' : !user.reachable ? 'marked unreachable before' : address === undefined ? 'no address to message this person' : undefined;
  if (skip) {
    await complete(user && !user.reachable ? 'unreachable' : 'failed', skip);
    return 'settled';
  }

  await deps.limiter.take(messenger.platform, d.userKey);
  // Sending after our lease ran out could let another worker send the same message too: hand it back now.
  if (opts.remainingMs() <= opts.leaseMarginMs) {
    await store.retryDelivery(d.followupId, d.userKey, workerId, clock.now(), 'lease ran short before sending');
    return 'handed-back';
  }
  const signal = opts.begin();
  try {
    const messages = await compose(deps.flows, f, cohort, d.userKey);
    await settleWithin(messenger.send(address, messages, { signal }), signal, opts.abandonAfterMs);
    await complete('sent');
    return 'settled';
  } catch (err) {
    const failure = classify(err);
    const now = clock.now();
    if (failure.code === 'unreachable') {
      await store.setReachable(d.userKey, false, now);
      await complete('unreachable', failure.message);
    } else if (failure.code === 'invalid' || d.attempts >= deps.maxAttempts) {
      await complete('failed', failure.message);
    } else {
      const wait = failure.retryAfterMs ?? (failure.code === 'rate_limited' ? 1000 : backoffMs(d.attempts));
      if (failure.code === 'rate_limited') deps.limiter.pause(messenger.platform, wait);
      await store.retryDelivery(d.followupId, d.userKey, workerId, new Date(now.getTime() + wait), `${failure.code}: ${failure.message}`);
    }
    const timedOut = signal.aborted ? { aborted: String(signal.reason instanceof Error ? signal.reason.message : signal.reason) } : {};
    logger.info({ followupId: d.followupId, platform: messenger.platform, code: failure.code, attempts: d.attempts, ...timedOut }, 'follow-up delivery failed');
    return 'settled';
  }
}
