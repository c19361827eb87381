// Pure parsing of Slack events, button presses and slash commands into neutral Incoming messages.
import type { Incoming } from '../../src/core/messages.js';
import { CHOICE_ACTION_PREFIX } from './render.js';

/** What the messenger needs to reach a person later; `channel` is their DM with the bot, when known. */
export interface SlackAddress {
  teamId?: string;
  userId: string;
  channel?: string;
}

/** Where the replies to one incoming message go. */
export interface ReplyTarget {
  channel: string;
  /** Reply inside this thread. */
  threadTs?: string;
  /** No thread yet but replies belong in one: the first reply posted starts it (commands in channels). */
  startThread?: boolean;
  /** The message whose button was pressed: an 'update' edits it. */
  updateTs?: string;
}

export interface Parsed {
  incoming: Incoming;
  target: ReplyTarget;
}

/** The loose shape of the parts of Slack payloads we read; everything is checked, nothing trusted. */
type Loose = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const obj = (v: unknown): Loose | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : undefined);

/** DM channel ids start with D; group DMs and channels do not. */
export const isDirectChannel = (channel: string): boolean => channel.startsWith('D');

/**
 * Slack's wire text to plain text: drops the bot's own mention, turns other mentions, channel
 * links and URLs into readable words, and undoes Slack's &amp; &lt; &gt; escaping.
 */
export function slackTextToPlain(text: string, botUserId?: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_m, inner: string) => {
      const [target, label] = inner.split('|', 2) as [string, string | undefined];
      if (target.startsWith('@')) {
        if (botUserId && target.slice(1) === botUserId) return ' ';
        return label ? `@${label.replace(/^@/, '')}` : target;
      }
      if (target.startsWith('#')) return label ? `#${label}` : target;
      if (target.startsWith('!')) {
        if (label) return label;
        return `@${target.slice(1).split('^')[0]}`;
      }
      return label ?? target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** Team id from any payload shape: events (team_id), commands (team_id), interactions (team.id, user.team_id). */
function teamOf(body: Loose): string | undefined {
  return str(body.team_id) ?? str(obj(body.team)?.id) ?? str(obj(body.user)?.team_id);
}

/** Fields common to both kinds of message event. */
function eventBasics(body: Loose, event: Loose, botUserId?: string) {
  const user = str(event.user);
  const channel = str(event.channel);
  const eventId = str(body.event_id);
  // Bots (including this one), edits, joins and other subtypes are not people talking to us.
  if (!user || !channel || event.bot_id || event.subtype || (botUserId && user === botUserId)) return undefined;
  return { user, channel, eventId, teamId: str(event.team) ?? teamOf(body) };
}

/** A message in the bot's DM (message.im): any text is for the bot. */
export function parseDirectMessage(body: Loose, event: Loose, botUserId?: string): Parsed | undefined {
  if (event.type !== 'message' || event.channel_type !== 'im') return undefined;
  const basics = eventBasics(body, event, botUserId);
  if (!basics || !isDirectChannel(basics.channel)) return undefined;
  const text = slackTextToPlain(str(event.text) ?? '', botUserId);
  if (!text) return undefined;
  const address: SlackAddress = { teamId: basics.teamId, userId: basics.user, channel: basics.channel };
  return {
    incoming: {
      user: { platform: 'slack', id: basics.user },
      conversation: { id: basics.channel, type: 'direct' },
      text,
      deliveryId: basics.eventId ? `slack:${basics.eventId}` : undefined,
      address,
    },
    // A reply in a DM thread stays in that thread; otherwise the DM reads as a plain conversation.
    target: { channel: basics.channel, threadTs: str(event.thread_ts) },
  };
}

/** An @mention in a channel (app_mention): answered in the thread of the mention. */
export function parseMention(body: Loose, event: Loose, botUserId?: string): Parsed | undefined {
  if (event.type !== 'app_mention') return undefined;
  const basics = eventBasics(body, event, botUserId);
  // A mention inside the bot's own DM also arrives as message.im; answer that one only.
  if (!basics || isDirectChannel(basics.channel)) return undefined;
  const text = slackTextToPlain(str(event.text) ?? '', botUserId);
  // Follow-ups go to the person's DM, never to the channel they happened to mention us in.
  const address: SlackAddress = { teamId: basics.teamId, userId: basics.user };
  return {
    incoming: {
      user: { platform: 'slack', id: basics.user },
      conversation: { id: basics.channel, type: 'group' },
      // A bare mention is a greeting: show what the bot can do.
      text: text || '/help',
      addressed: true,
      deliveryId: basics.eventId ? `slack:${basics.eventId}` : undefined,
      address,
    },
    target: { channel: basics.channel, threadTs: str(event.thread_ts) ?? str(event.ts) },
  };
}

/** A press on one of our buttons (block_actions). */
export function parseBlockAction(body: Loose): Parsed | undefined {
  if (body.type !== 'block_actions' || !Array.isArray(body.actions)) return undefined;
  const action = obj(body.actions[0]);
  const value = str(action?.value);
  if (!action || !value || !str(action.action_id)?.startsWith(CHOICE_ACTION_PREFIX)) return undefined;
  const user = obj(body.user);
  const userId = str(user?.id);
  const container = obj(body.container) ?? {};
  const message = obj(body.message);
  const channel = str(obj(body.channel)?.id) ?? str(container.channel_id);
  if (!userId || !channel) return undefined;
  const direct = isDirectChannel(channel);
  const nativeId = str(action.action_ts) ?? str(body.trigger_id);
  const messageTs = str(message?.ts) ?? str(container.message_ts);
  const threadTs = str(message?.thread_ts) ?? str(container.thread_ts);
  const address: SlackAddress = { teamId: teamOf(body), userId, ...(direct ? { channel } : {}) };
  return {
    incoming: {
      user: { platform: 'slack', id: userId, name: str(user?.name) ?? str(user?.username) },
      conversation: { id: channel, type: direct ? 'direct' : 'group' },
      action: value,
      addressed: true,
      deliveryId: nativeId ? `slack:action:${nativeId}` : undefined,
      address,
    },
    target: {
      channel,
      // In a channel the next question continues the question's thread (or starts one under it).
      threadTs: threadTs ?? (direct ? undefined : messageTs),
      updateTs: messageTs,
    },
  };
}

/**
 * The umbrella command: `/workshop followup ...` runs the core's /followup, so commands not in the
 * manifest (the trainers' ones) are reachable too; Slack will not let a message start with an
 * unknown slash command.
 */
export const UMBRELLA_COMMAND = 'workshop';

/** A slash command (form-encoded by Slack) as the core's text command: `/quiz 10` -> '/quiz 10'. */
export function parseSlashCommand(body: Loose): Parsed | undefined {
  const command = str(body.command)?.replace(/^\//, '').toLowerCase();
  const userId = str(body.user_id);
  const channel = str(body.channel_id);
  if (!command || !userId || !channel || !/^[a-z0-9_-]{1,32}$/.test(command)) return undefined;
  const args = slackTextToPlain(str(body.text) ?? '');
  let text: string;
  if (command === UMBRELLA_COMMAND) text = args ? `/${args.replace(/^\//, '')}` : '/help';
  else text = args ? `/${command} ${args}` : `/${command}`;
  const direct = isDirectChannel(channel);
  const triggerId = str(body.trigger_id);
  return {
    incoming: {
      user: { platform: 'slack', id: userId, name: str(body.user_name) },
      conversation: { id: channel, type: direct ? 'direct' : 'group' },
      text,
      addressed: true,
      deliveryId: triggerId ? `slack:cmd:${triggerId}` : undefined,
      // A command may come from a DM between two people, so the DM channel is opened later instead.
      address: { teamId: teamOf(body), userId } satisfies SlackAddress,
    },
    target: { channel, startThread: !direct },
  };
}
