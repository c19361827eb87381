// One Teams turn: parse the activity, ask the core, send its replies (updating the answered card in place).
import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { BotCore, Incoming, Outgoing } from '../../src/core/messages.js';
import { isStoreUnavailable } from '../../src/store/errors.js';
import { FILE_CONSENT_INVOKE, type TeamsFiles } from './files.js';
import { isDirect, parseTeamsMessage, parseTeamsWelcome } from './parse.js';
import { renderTeamsActivity } from './render.js';

const SORRY = 'Sorry, something went wrong on my side. Please try again in a moment.';

/**
 * Sends the core's replies in order. An 'update' replaces the card whose button was pressed; a file is offered.
 * An aborted `signal` stops it before the next activity (each one in flight has the connector's own timeout).
 */
export async function sendOutgoing(context: TurnContext, messages: Outgoing[], logger: Logger, files: TeamsFiles, signal?: AbortSignal): Promise<void> {
  // Teams sets replyToId on an Action.Submit message to the id of the card that carried the button.
  const cardId = context.activity.type === ActivityTypes.Message && context.activity.value ? context.activity.replyToId : undefined;
  for (const message of messages) {
    signal?.throwIfAborted();
    if (message.kind === 'file') {
      // Teams takes files from bots only in personal chats, on a FileConsentCard; elsewhere the render says where
      // to ask. (Trainer files asked for in a group go to the personal chat already: see the core.)
      await context.sendActivity(isDirect(context.activity) ? await files.offer(context, message) : renderTeamsActivity(message));
      continue;
    }
    const activity = renderTeamsActivity(message);
    if (message.kind === 'update') {
      if (cardId && (await tryUpdate(context, { ...activity, id: cardId }, logger))) continue;
      // No card to replace (Emulator, expectReplies...): post the choice taken instead, so it stays visible.
      await context.sendActivity(renderTeamsActivity({ kind: 'text', text: message.text }));
      continue;
    }
    await context.sendActivity(activity);
  }
}

async function tryUpdate(context: TurnContext, activity: Partial<Activity>, logger: Logger): Promise<boolean> {
  try {
    await context.updateActivity(activity);
    return true;
  } catch (err) {
    // An old card may be gone or no longer editable; the answer itself still counts.
    logger.warn({ err: errorSummary(err) }, 'teams: could not update the answered card');
    return false;
  }
}

/** The status and code of a connector error, without request headers (they carry the bearer token). */
export function errorSummary(err: unknown): { message: string; status?: number; code?: string } {
  const e = err as { message?: string; statusCode?: number; code?: string };
  return { message: String(e?.message ?? err).slice(0, 300), status: e?.statusCode, code: e?.code };
}

/** The neutral message for this activity, if the core has anything to do with it. */
export function incomingFor(activity: Partial<Activity>): Incoming | undefined {
  if (activity.type === ActivityTypes.Message) return parseTeamsMessage(activity);
  if (activity.type === ActivityTypes.ConversationUpdate) return parseTeamsWelcome(activity);
  return undefined;
}

/**
 * The CloudAdapter logic: a failure is logged and Teams gets a 200, not a stack trace; only a store failure
 * escapes (as StoreUnavailableError), for the route to answer 503.
 */
export function createTurnHandler(core: BotCore, logger: Logger, files: TeamsFiles) {
  return async (context: TurnContext): Promise<void> => {
    const { activity } = context;
    if (activity.type === ActivityTypes.Invoke) {
      if (activity.name === FILE_CONSENT_INVOKE) {
        await files.onConsent(context).catch((err) => logger.error({ err: errorSummary(err) }, 'teams: file consent failed'));
      }
      // Other invokes (Action.Execute, app-based links...) are not used by this bot; acknowledge them all.
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
      return;
    }
    const incoming = incomingFor(activity);
    if (!incoming) return;
    let replies: Outgoing[];
    try {
      replies = await core.handle(incoming);
    } catch (err) {
      // The store failed: the route answers 503 and Teams sends the activity again.
      if (isStoreUnavailable(err)) throw err;
      logger.error({ err }, 'teams: the bot failed on an activity');
      replies = [{ kind: 'text', text: SORRY }];
    }
    try {
      await sendOutgoing(context, replies, logger, files);
    } catch (err) {
      // Teams would redeliver on a 5xx, but the core has already taken this delivery id: log instead.
      logger.error({ err: errorSummary(err) }, 'teams: could not send the reply');
    }
  };
}
