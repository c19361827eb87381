// The work every adapter does for one parsed message, written once: ask the core, send its replies, and on
// failure log what is safe to log and apologise, or hand a store outage back so the platform redelivers.
import type { Logger } from 'pino';
import type { BotCore, Incoming, Outgoing } from '../../src/core/messages.js';
import { isStoreUnavailable } from '../../src/store/errors.js';
import { errorSummary } from './redact.js';

/** What a person is told when the bot failed on their message. */
export const SORRY = 'Sorry, something went wrong on my side. Please try again in a moment.';

export interface MessageIo {
  /** Renders and sends the core's replies natively. Its errors are logged, not apologised for (an apology would fail too). */
  deliver(replies: Outgoing[]): Promise<void>;
  /** Tells the person SORRY, natively; its own failure is ignored. */
  apologise(text: string): Promise<unknown>;
  /**
   * True when the platform can be asked to deliver this message again (a webhook not yet answered): a store
   * outage then gives 'retry-later' instead of an apology. Redelivery is safe: the core drops a deliveryId it has seen.
   */
  canRedeliver: boolean;
}

export interface ProcessDeps {
  core: BotCore;
  /** The adapter's logger (with its platform). */
  logger: Logger;
  /** A platform's own redaction, when it knows more than the kit's (grammY errors); the kit's by default. */
  describe?(err: unknown): object;
}

/** 'done' (answered, or apologised for), or 'retry-later' (the store is down: answer the webhook with a 5xx). */
export type Outcome = 'done' | 'retry-later';

export async function processMessage(deps: ProcessDeps, incoming: Incoming, io: MessageIo): Promise<Outcome> {
  const describe = deps.describe ?? errorSummary;
  let replies: Outgoing[];
  try {
    replies = await deps.core.handle(incoming);
  } catch (err) {
    if (io.canRedeliver && isStoreUnavailable(err)) return 'retry-later';
    deps.logger.error({ err: describe(err), deliveryId: incoming.deliveryId }, 'the bot failed on a message');
    await io.apologise(SORRY).catch(() => undefined);
    return 'done';
  }
  if (!replies.length) return 'done';
  try {
    await io.deliver(replies);
  } catch (err) {
    // The core has taken this delivery id, so a redelivery would be dropped: log instead.
    deps.logger.error({ err: describe(err), deliveryId: incoming.deliveryId }, 'could not send the reply');
  }
  return 'done';
}
