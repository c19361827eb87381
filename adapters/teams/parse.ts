// Teams activities -> the neutral Incoming: who, where, what was typed or which card button was pressed.
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { Incoming } from '../../src/core/messages.js';
import { isEntraObjectId } from '../../src/core/user-keys.js';

/** The key our Adaptive Card buttons put in `Action.Submit.data`; Teams hands it back in `activity.value`. */
export const CHOICE_KEY = 'choice';

/** Choice values are at most 64 bytes by contract; anything much longer is not one of ours. */
const MAX_ACTION = 256;

/** Teams' personal (1:1) chats; the Emulator and Web Chat send no conversationType and are 1:1 too. */
export function isDirect(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  if (type) return type === 'personal';
  return !activity.conversation?.isGroup;
}

/** The value of a pressed card button, if this message is an Action.Submit from one of our cards. */
export function submittedChoice(activity: Partial<Activity>): string | undefined {
  const value: unknown = activity.value;
  if (!value || typeof value !== 'object') return undefined;
  const choice = (value as Record<string, unknown>)[CHOICE_KEY];
  return typeof choice === 'string' && choice && choice.length <= MAX_ACTION ? choice : undefined;
}

/** True when the message @mentions the bot (the activity's recipient). */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  if (!botId) return false;
  return TurnContext.getMentions(activity).some((m) => m?.mentioned?.id === botId);
}

/** The typed text without the bot's <at>mention</at>, with Teams' HTML leftovers tidied. */
export function textWithoutMention(activity: Partial<Activity>): string {
  let text = typeof activity.text === 'string' ? activity.text : '';
  const botId = activity.recipient?.id;
  for (const m of TurnContext.getMentions(activity)) {
    // removeMentionText only strips the first mention and trips on a mention without text; do it per mention.
    if (m?.mentioned?.id === botId && typeof m.text === 'string' && m.text) text = text.split(m.text).join(' ');
  }
  return text.replace(/&nbsp;/g, ' ').replace(/[ \t]+/g, ' ').trim();
}

/**
 * The reference the messenger needs to write to this conversation later (plain JSON). Without the incoming
 * message's activityId: a follow-up starts its own message, and a reference that changed with every message
 * would make the core rewrite the person's row each time.
 */
export function conversationAddress(activity: Partial<Activity>): Partial<ConversationReference> {
  const { activityId: _, ...reference } = TurnContext.getConversationReference(activity);
  return JSON.parse(JSON.stringify(reference)) as Partial<ConversationReference>;
}

/**
 * Who a Teams person is to the bot: their Microsoft Entra object id (lower case), which an administrator can
 * look up and put in TRAINERS; from.id ("29:...") is scoped to this bot and nobody can see it. Without an object
 * id (the Bot Framework Emulator) from.id it is. Writing back uses the stored conversation reference either way.
 */
export function teamsUserId(from: { id: string; aadObjectId?: string }): string {
  return from.aadObjectId && isEntraObjectId(from.aadObjectId) ? from.aadObjectId.toLowerCase() : from.id;
}

function base(activity: Partial<Activity>): Pick<Incoming, 'user' | 'conversation' | 'deliveryId' | 'address'> {
  const from = activity.from!;
  const conversationId = activity.conversation!.id;
  const direct = isDirect(activity);
  return {
    user: { platform: 'teams', id: teamsUserId(from), ...(from.name ? { name: from.name } : {}) },
    conversation: { id: conversationId, type: direct ? 'direct' : 'group' },
    deliveryId: activity.id ? `teams:${conversationId}:${activity.id}` : undefined,
    // Only a personal chat's reference: follow-ups are personal, and a channel's reference would post them
    // to everyone there. (The store keeps the last address when a message comes without one.)
    ...(direct ? { address: conversationAddress(activity) } : {}),
  };
}

/**
 * A message activity as the core sees it, or undefined when there is nothing for the core
 * (no sender, no conversation). Group text is `addressed` only when the bot is @mentioned.
 */
export function parseTeamsMessage(activity: Partial<Activity>): Incoming | undefined {
  if (activity.type !== 'message' || !activity.from?.id || !activity.conversation?.id) return undefined;
  const action = submittedChoice(activity);
  if (action) return { ...base(activity), action, addressed: true };
  const text = textWithoutMention(activity);
  if (isDirect(activity)) return { ...base(activity), text };
  return { ...base(activity), text, addressed: mentionsBot(activity) };
}

/**
 * The welcome on install: a conversationUpdate that adds the bot (or, in a personal chat, its person)
 * becomes the core's '/start'. Other conversation updates (people joining a team...) give undefined.
 */
export function parseTeamsWelcome(activity: Partial<Activity>): Incoming | undefined {
  if (activity.type !== 'conversationUpdate' || !activity.from?.id || !activity.conversation?.id) return undefined;
  const added = activity.membersAdded ?? [];
  const botId = activity.recipient?.id;
  const botAdded = added.some((m) => m.id === botId);
  if (!botAdded && !(isDirect(activity) && added.length)) return undefined;
  return { ...base(activity), text: '/start', addressed: true };
}
