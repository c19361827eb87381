// One Teams turn: parse the activity, ask the core, send its replies (updating the answered card in place).
import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { BotCore, Incoming, Outgoing } from '../../src/core/messages.js';
import { processMessage } from '../kit/process-message.js';
import { errorSummary } from '../kit/redact.js';
import { FILE_CONSENT_INVOKE, type TeamsFiles } from './files.js';
import { isDirect, parseTeamsMessage, parseTeamsWelcome } from './parse.js';
import { renderTeamsActivity } from './render.js';
import type { TeamsTurn } from './routes.js';

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

/** The neutral message for this activity, if the core has anything to do with it. */
export function incomingFor(activity: Partial<Activity>): Incoming | undefined {
  if (activity.type === ActivityTypes.Message) return parseTeamsMessage(activity);
  if (activity.type === ActivityTypes.ConversationUpdate) return parseTeamsWelcome(activity);
  return undefined;
}

/**
 * The turn logic: the kit's processMessage (a failure is logged and apologised for, Teams gets a 200 and no stack
 * trace); a store outage is left in `outcome` for the route to answer 503, so Teams delivers the activity again.
 */
export function createTurnHandler(core: BotCore, logger: Logger, files: TeamsFiles): TeamsTurn {
  const kitLogger = logger.child({ platform: 'teams' });
  return async (context, outcome) => {
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
    const result = await processMessage({ core, logger: kitLogger }, incoming, {
      canRedeliver: true,
      deliver: (replies) => sendOutgoing(context, replies, logger, files),
      apologise: (text) => context.sendActivity(renderTeamsActivity({ kind: 'text', text })),
    });
    if (result === 'retry-later') outcome.retryLater = true;
  };
}
