// Follow-ups on Slack: opens the person's DM when needed, posts, and turns Slack errors into DeliveryError.
import { webApi } from '@slack/bolt';
import { Lru } from '../../src/core/lru.js';
import { DeliveryError, type Messenger, type Outgoing, type SendOptions } from '../../src/core/messages.js';
import type { SlackAddress } from './parse.js';
import { deliver, type WebClient } from './transport.js';

/** Slack errors that mean this person cannot be reached (gone, deactivated, archived DM). */
const UNREACHABLE = new Set([
  'account_inactive',
  'user_not_found',
  'users_not_found',
  'user_disabled',
  'channel_not_found',
  'is_archived',
  'not_in_channel',
  'cannot_dm_bot',
  'user_not_visible',
]);

/** Errors worth trying again later: Slack's own trouble, or a token an operator can fix. */
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive_workspace']);

/** Translates a Web API failure at the edge into the scheduler's error type. */
export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const e = err as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string } };
  const { ErrorCode } = webApi;
  switch (e?.code) {
    case ErrorCode.RateLimitedError:
      return new DeliveryError('Slack rate limit', 'rate_limited', Math.max(1, e.retryAfter ?? 1) * 1000, err);
    case ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      if (code === 'ratelimited') return new DeliveryError('Slack rate limit', 'rate_limited', 1000, err);
      if (UNREACHABLE.has(code)) return new DeliveryError(`Slack: ${code}`, 'unreachable', undefined, err);
      if (TRANSIENT.has(code)) return new DeliveryError(`Slack: ${code}`, 'transient', undefined, err);
      return new DeliveryError(`Slack: ${code}`, 'invalid', undefined, err);
    }
    case ErrorCode.HTTPError:
      return new DeliveryError(`Slack HTTP ${e.statusCode}`, (e.statusCode ?? 500) >= 500 ? 'transient' : 'invalid', undefined, err);
    case ErrorCode.RequestError:
      return new DeliveryError('Slack could not be reached', 'transient', undefined, err);
    default:
      return new DeliveryError(err instanceof Error ? err.message : 'Slack send failed', 'transient', undefined, err);
  }
}

export function parseSlackAddress(address: unknown): SlackAddress | undefined {
  const a = address as Partial<SlackAddress> | null;
  if (!a || typeof a !== 'object' || typeof a.userId !== 'string' || !/^[UW][A-Z0-9]+$/.test(a.userId)) return undefined;
  return {
    userId: a.userId,
    teamId: typeof a.teamId === 'string' ? a.teamId : undefined,
    channel: typeof a.channel === 'string' && /^D[A-Z0-9]+$/.test(a.channel) ? a.channel : undefined,
  };
}

/**
 * `client` should not retry by itself (retries 0, rate-limited calls rejected), so the scheduler,
 * which sees every delivery, decides when to try again.
 */
export function createSlackMessenger(client: WebClient): Messenger {
  // DM channels never change; remembering them saves a conversations.open (Tier 3) per follow-up.
  const dmChannels = new Lru<string, string>(10_000);
  return {
    platform: 'slack',
    // chat.postMessage allows about one message per second per channel, and conversations.open
    // (Tier 3) 50+ a minute per workspace: one send a second overall keeps both comfortable.
    limits: { perSecond: 1, perConversationPerSecond: 1 },
    async send(address: unknown, messages: Outgoing[], options?: SendOptions): Promise<void> {
      const to = parseSlackAddress(address);
      if (!to) throw new DeliveryError('not a Slack address', 'invalid');
      const signal = options?.signal;
      try {
        let channel = to.channel ?? dmChannels.get(to.userId);
        if (!channel) {
          const opened = await client.conversations.open({ users: to.userId });
          channel = opened.channel?.id;
          if (!channel) throw new DeliveryError('Slack gave no DM channel', 'transient');
          dmChannels.set(to.userId, channel);
        }
        await deliver(client, { channel }, messages, signal);
      } catch (err) {
        if (signal?.aborted && err === signal.reason) throw new DeliveryError(`Slack send stopped: ${String(signal.reason)}`, 'transient');
        throw toDeliveryError(err);
      }
    },
  };
}
