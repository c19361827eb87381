// Sends follow-ups to people on Telegram and translates Telegram's refusals into DeliveryError.
import { GrammyError, HttpError, type Api } from 'grammy';
import { DeliveryError, type Messenger, type Outgoing, type SendOptions } from '../../src/core/messages.js';
import { readAddress } from './parse.js';
import { renderTelegram } from './render.js';
import { describeError, sendOps } from './send.js';

/** Telegram's documented limits for bulk sends: about 30 messages/s overall, 1/s per chat. */
export const TELEGRAM_LIMITS = { perSecond: 30, perConversationPerSecond: 1 } as const;

// 400s that mean the person (or group) can no longer be reached, not that our message was malformed.
const GONE = /chat not found|user not found|user is deactivated|bot was kicked|bot was blocked|PEER_ID_INVALID|have no rights to send|not enough rights to send/i;

/** Maps any error from a Bot API call onto the scheduler's vocabulary. */
export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof GrammyError) {
    const what = `Telegram ${err.method}: ${err.error_code} ${err.description}`;
    if (err.error_code === 429) {
      const seconds = err.parameters.retry_after ?? 1;
      return new DeliveryError(what, 'rate_limited', seconds * 1000);
    }
    if (err.error_code === 403 || (err.error_code === 400 && GONE.test(err.description))) {
      return new DeliveryError(what, 'unreachable');
    }
    if (err.error_code === 400) return new DeliveryError(what, 'invalid');
    // 5xx, and 401/404/409 (token or server trouble, not the person's fault): try again later.
    return new DeliveryError(what, 'transient');
  }
  if (err instanceof HttpError) return new DeliveryError(err.message, 'transient');
  return new DeliveryError(`Telegram send failed: ${String(describeError(err).message ?? err)}`, 'transient');
}

/**
 * The follow-up Messenger. Its Api has no auto-retry on purpose: a 429 goes back to the scheduler
 * with its retry-after, so one slow chat never holds a worker.
 */
export function createTelegramMessenger(api: Api): Messenger {
  return {
    platform: 'telegram',
    limits: TELEGRAM_LIMITS,
    async send(address: unknown, messages: Outgoing[], options?: SendOptions): Promise<void> {
      const target = readAddress(address);
      if (!target) throw new DeliveryError('Not a Telegram address (expected { chatId })', 'invalid');
      let ops;
      try {
        ops = renderTelegram(messages, { canEdit: false });
      } catch (err) {
        throw new DeliveryError(`Cannot render the message: ${String(describeError(err).message)}`, 'invalid', undefined, err);
      }
      try {
        await sendOps(api, { chatId: target.chatId }, ops, options?.signal);
      } catch (err) {
        throw toDeliveryError(err);
      }
    },
  };
}
