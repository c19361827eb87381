// Performs rendered Telegram calls in order, for interactive replies and follow-ups alike.
import { GrammyError, HttpError, InputFile, type Api, type Transformer } from 'grammy';
import type { ReplyParameters } from 'grammy/types';
import type { TelegramOp } from './render.js';

export interface SendTarget {
  chatId: number | string;
  /** The message whose button was pressed (editMessageText targets it). */
  editMessageId?: number;
  /** In groups: the first message of the reply quotes this one, so it is clear whom the bot answers. */
  replyTo?: number;
  /** Forum topic the conversation happens in. */
  threadId?: number;
  /**
   * Runs the last call when it is a plain sendMessage (the webhook adapter lets grammY put that one call in the
   * webhook's HTTP response, saving a request; it is the last so that Telegram still shows replies in order).
   */
  lastMessage?: <T>(send: () => Promise<T>) => Promise<T>;
}

/** grammY types its abort signals with a polyfill's type; Node's own AbortSignal is what it gets at run time. */
type GrammySignal = Parameters<Api['sendMessage']>[3];

/** "message is not modified": the core re-sent the text already shown; nothing to do. */
const notModified = (err: unknown) => err instanceof GrammyError && err.error_code === 400 && /not modified/i.test(err.description);

/**
 * Sends every op to one chat, one after another (Telegram shows them in the order they arrive). An aborted
 * `signal` aborts the call in flight and stops the rest.
 */
export async function sendOps(api: Api, target: SendTarget, ops: TelegramOp[], abort?: AbortSignal): Promise<void> {
  const signal = abort as GrammySignal;
  let replyTo = target.replyTo;
  const common = () => {
    const reply: { reply_parameters?: ReplyParameters; message_thread_id?: number } = {};
    if (replyTo !== undefined) reply.reply_parameters = { message_id: replyTo, allow_sending_without_reply: true };
    if (target.threadId !== undefined) reply.message_thread_id = target.threadId;
    replyTo = undefined;
    return reply;
  };
  for (const [i, op] of ops.entries()) {
    abort?.throwIfAborted();
    switch (op.method) {
      case 'sendMessage': {
        const send = () => api.sendMessage(target.chatId, op.text, { ...common(), reply_markup: op.reply_markup }, signal);
        await (i === ops.length - 1 && target.lastMessage ? target.lastMessage(send) : send());
        break;
      }
      case 'editMessageText':
        if (target.editMessageId === undefined) {
          await api.sendMessage(target.chatId, op.text, common(), signal);
          break;
        }
        try {
          await api.editMessageText(target.chatId, target.editMessageId, op.text, undefined, signal);
        } catch (err) {
          if (notModified(err)) break;
          // Too old to edit, or deleted: show the text as a new message instead of losing it.
          if (err instanceof GrammyError && err.error_code === 400) await api.sendMessage(target.chatId, op.text, common(), signal);
          else throw err;
        }
        break;
      case 'sendPhoto':
        await api.sendPhoto(target.chatId, new InputFile(op.photo, op.filename), { ...common(), caption: op.caption }, signal);
        break;
      case 'sendDocument':
        await api.sendDocument(target.chatId, new InputFile(op.document, op.filename), { ...common(), caption: op.caption }, signal);
        break;
    }
  }
}

/**
 * Limits every Bot API call but getUpdates (a long poll, with its own wait) to `ms`, each try on its own: grammY's
 * client timeout is one value for all methods, and the long poll needs more than a reply should ever take.
 * `exempt` calls make no request (a webhook reply) and get no timer. The timer is cleared when the call ends:
 * AbortSignal.timeout's is not, and under load thousands of them (and their signals) lived on for `ms` each.
 */
export function perCallTimeout(ms: number, exempt?: (method: string) => boolean): Transformer {
  return (prev, method, payload, signal) => {
    if (method === 'getUpdates' || exempt?.(method)) return prev(method, payload, signal);
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms);
    const combined = signal ? AbortSignal.any([signal as AbortSignal, timeout.signal]) : timeout.signal;
    return prev(method, payload, combined as GrammySignal).finally(() => clearTimeout(timer));
  };
}

/**
 * What may be logged about a failed call: grammY errors carry the payload (a person's message) and
 * network errors the request URL (which holds the bot token), so neither is logged as is.
 */
export function describeError(err: unknown): Record<string, unknown> {
  if (err instanceof GrammyError) {
    return { name: err.name, method: err.method, code: err.error_code, description: err.description };
  }
  if (err instanceof HttpError) return { name: err.name, message: err.message };
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { message: String(err) };
}
