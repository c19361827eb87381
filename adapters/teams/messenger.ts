// Proactive Teams messages (follow-ups) through CloudAdapter.continueConversationAsync, with errors made neutral.
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import { DeliveryError, type Messenger, type Outgoing } from '../../src/core/messages.js';
import type { TeamsFiles } from './files.js';
import { errorSummary } from '../kit/redact.js';
import { sendOutgoing } from './turn.js';

/**
 * Teams allows about 7 messages/s per conversation and ~50 rps per app per tenant (and the SDK retries 429s).
 * Stay well under both.
 */
export const TEAMS_LIMITS = { perSecond: 15, perConversationPerSecond: 1 };

interface HttpishError {
  statusCode?: number;
  code?: string;
  response?: { headers?: { get?(name: string): string | undefined } };
}

/** Retry-After in seconds or as an HTTP date, as milliseconds. */
function retryAfterMs(err: HttpishError): number | undefined {
  const raw = err.response?.headers?.get?.('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

/** The connector's (or the network's) error as a DeliveryError the scheduler understands. */
export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const e = (err ?? {}) as HttpishError;
  const status = e.statusCode;
  const { message } = errorSummary(err);
  if (status === 429) return new DeliveryError(`Teams rate limit: ${message}`, 'rate_limited', retryAfterMs(e), err);
  // 403: the bot was uninstalled or blocked; 404: the conversation or the person is gone.
  if (status === 403 || status === 404) return new DeliveryError(`Teams: person unreachable (${status})`, 'unreachable', undefined, err);
  if (status === 400 || status === 413) return new DeliveryError(`Teams refused the message (${status}): ${message}`, 'invalid', undefined, err);
  if (status === 401) return new DeliveryError('Teams refused our credentials (401)', 'transient', undefined, err);
  return new DeliveryError(`Teams delivery failed${status ? ` (${status})` : ''}: ${message}`, 'transient', undefined, err);
}

function isReference(address: unknown): address is Partial<ConversationReference> {
  const a = address as Partial<ConversationReference> | null;
  return Boolean(a && typeof a === 'object' && a.serviceUrl && a.conversation?.id && a.channelId);
}

/** For a messenger made without a store (benchmarks): files cannot wait for consent, so none are sent. */
const NO_FILES: TeamsFiles = {
  offer: async () => {
    throw new DeliveryError('Teams files need the store to wait for consent', 'invalid');
  },
  onConsent: async () => undefined,
};

export function createTeamsMessenger(adapter: CloudAdapter, appId: string, logger: Logger, files: TeamsFiles = NO_FILES): Messenger {
  return {
    platform: 'teams',
    limits: TEAMS_LIMITS,
    async send(address, messages, options) {
      if (!isReference(address)) throw new DeliveryError('Not a Teams conversation reference', 'invalid');
      if (!messages.length) return;
      const signal = options?.signal;
      // The adapter hands errors inside the turn to onTurnError, so catch them in the turn to see them here.
      let failure: unknown;
      try {
        await adapter.continueConversationAsync(appId, address, async (context) => {
          try {
            // A proactive message has no pressed card to replace: updates go out as new messages.
            await sendOutgoing(context, messages.map(asNew), logger, files, signal);
          } catch (err) {
            failure = err;
          }
        });
      } catch (err) {
        failure ??= err;
      }
      if (failure === undefined) return;
      // Stopped between activities by the scheduler (its deadline, or a lost lease): worth another try later.
      if (signal?.aborted && failure === signal.reason) throw new DeliveryError(`Teams send stopped: ${String(signal.reason)}`, 'transient');
      throw toDeliveryError(failure);
    },
  };
}

const asNew = (m: Outgoing): Outgoing => (m.kind === 'update' ? { kind: 'text', text: m.text } : m);
