// The neutral message model: what every adapter turns native events into, and renders back out.
import { CodedError } from '../errors.js';

export const PLATFORMS = ['console', 'telegram', 'slack', 'teams'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** A person on one platform. `key` form: `platform:id` (see userKey). */
export interface UserRef {
  platform: Platform;
  id: string;
}

export const userKey = (u: UserRef): string => `${u.platform}:${u.id}`;

export function parseUserKey(key: string): UserRef | undefined {
  const i = key.indexOf(':');
  if (i <= 0) return undefined;
  const platform = key.slice(0, i) as Platform;
  const id = key.slice(i + 1);
  return (PLATFORMS as readonly string[]).includes(platform) && id ? { platform, id } : undefined;
}

/** One thing a person did: typed text, or pressed a button the core offered. */
export interface Incoming {
  user: UserRef & { name?: string };
  conversation: {
    id: string;
    /** direct: a 1:1 chat with the bot; group: a channel, group or team chat. */
    type: 'direct' | 'group';
  };
  /** Text typed by the person, with the bot's mention already stripped by the adapter. */
  text?: string;
  /** The `value` of a Choice the person pressed. */
  action?: string;
  /**
   * Group messages only: true when the person addressed the bot (a mention, a reply to the bot,
   * or an explicit command). The core ignores unaddressed group text.
   */
  addressed?: boolean;
  /**
   * A platform-unique id of this delivery (Telegram update_id, Slack event_id, Teams conversation
   * + activity id), prefixed by the platform. The core handles each id once, across processes.
   */
  deliveryId?: string;
  /**
   * What the platform needs to message this person later, unprompted (a Teams conversation
   * reference, a Slack DM channel, a Telegram chat id). Stored as JSON for follow-ups.
   */
  address?: unknown;
  /**
   * The person did not write: the platform asked on their behalf (Slack's App Home opening runs /results).
   * Nothing about them is stored, so a person who used /forget is not brought back by looking.
   */
  passive?: boolean;
}

/** A button. `value` is opaque to adapters and at most 64 bytes (Telegram's callback_data limit). */
export interface Choice {
  label: string;
  value: string;
}

export type Outgoing =
  /** Plain text (no markup: adapters escape it for their format). Optional buttons below it. */
  | { kind: 'text'; text: string; choices?: Choice[] }
  /**
   * Replace the message that carried the button just pressed (its question) with this text,
   * so the choice taken stays visible and its buttons go away. Adapters without an original
   * message (the console) print it or skip it.
   */
  | { kind: 'update'; text: string }
  /** A picture (PNG bytes). */
  | { kind: 'image'; png: Buffer; alt: string; filename: string }
  /** A file to download (CSV export). */
  | { kind: 'file'; data: Buffer; filename: string; mime: string; caption?: string };

export const text = (t: string, choices?: Choice[]): Outgoing =>
  choices && choices.length ? { kind: 'text', text: t, choices } : { kind: 'text', text: t };

/** The core's whole surface, as the adapters see it. */
export interface BotCore {
  handle(message: Incoming): Promise<Outgoing[]>;
}

/** Why a proactive send failed, translated from the platform's error at the adapter's edge. */
export type DeliveryCode = 'rate_limited' | 'unreachable' | 'transient' | 'invalid';

export class DeliveryError extends CodedError<DeliveryCode> {
  constructor(
    message: string,
    code: DeliveryCode,
    readonly retryAfterMs?: number,
    cause?: unknown,
  ) {
    super(code, message, { cause });
  }
}

export interface SendOptions {
  /**
   * Aborted when the send must stop (its deadline passed, or the scheduler lost the delivery's lease): the
   * messenger stops at the next call it would make, and aborts the call in flight where its SDK allows.
   */
  signal?: AbortSignal;
}

/**
 * Sends messages to a person unprompted (follow-ups). One per platform, made by its adapter.
 * `send` throws DeliveryError for failures it could not recover from itself. Every call it makes to the
 * platform has a timeout, so a send always settles.
 */
export interface Messenger {
  readonly platform: Platform;
  /** Platform limits the scheduler keeps to. */
  readonly limits: { perSecond: number; perConversationPerSecond: number };
  send(address: unknown, messages: Outgoing[], options?: SendOptions): Promise<void>;
}
