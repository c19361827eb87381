// The one thing the Telegram adapter does that grammY's public API does not promise, kept here so an upgrade
// meets it in one place. Written against grammy 1.46.0; tests/telegram/sdk-workarounds.test.ts pins that
// version, and tests/telegram/adapter.test.ts ("puts a reply's last message in the webhook response") checks
// it still takes effect.

/** The grammy version this was written and tested against. */
export const GRAMMY_VERSION = '1.46.0';

/**
 * Webhook replies for one chosen call. A reply's last sendMessage goes back in the webhook's HTTP response and
 * Telegram performs it, one request fewer per update; only that one (Telegram does not report how such a call
 * went, and a call sent after it could overtake it). grammY's public hook, the client option
 * `canUseWebhookReply(method)`, is asked by method name only; that grammY asks it synchronously as the call
 * starts (before any await, through the installed transformers) is what it does, not what it promises. So a flag
 * set around starting that one call marks it. (AsyncLocalStorage would do the same at the price of async hooks
 * on every promise in the process.)
 */
export function createWebhookReplyMarker(): {
  /** For the Bot's client options. */
  canUseWebhookReply(method: string): boolean;
  /** Starts `send` (one sendMessage) so that grammY may put it in the webhook response. */
  viaWebhookReply<T>(send: () => Promise<T>): Promise<T>;
} {
  let starting = false;
  return {
    canUseWebhookReply: (method) => method === 'sendMessage' && starting,
    viaWebhookReply(send) {
      starting = true;
      try {
        return send();
      } finally {
        starting = false;
      }
    },
  };
}
