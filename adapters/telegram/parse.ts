// Turns Telegram updates into the neutral Incoming model: who, where, what was typed or pressed, and whether the bot was addressed.
import type { Message, Update, User } from 'grammy/types';
import { parseCommandLine, type CommandLine } from '../../src/core/commands.js';
import type { Incoming } from '../../src/core/messages.js';

/** What the parser needs to know about the bot itself (from getMe, or from the token and configured username). */
export interface BotIdentity {
  id: number;
  username: string;
}

/** Where follow-ups go: a person's private chat (its id equals their user id). JSON-serialisable. */
export interface TelegramAddress {
  chatId: number | string;
}

export type ParsedCommand = CommandLine;

/** Splits '/cmd@bot args' (the core's one parser); undefined when the text is not a command. */
export const parseCommand = (text: string): ParsedCommand | undefined => parseCommandLine(text);

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * The command without this bot's name ('/quiz@MyBot 10' -> '/quiz 10'), or undefined when it names another bot (in
 * groups every bot sees '/cmd@OtherBot'). The core reads the command itself, the deep link '/start CODE' included.
 */
export function normaliseCommand(text: string, me: Pick<BotIdentity, 'username'>): string | undefined {
  const cmd = parseCommand(text);
  if (!cmd) return text;
  if (cmd.target && !sameName(cmd.target, me.username)) return undefined;
  return cmd.args ? `/${cmd.name} ${cmd.args}` : `/${cmd.name}`;
}

// Usernames are [A-Za-z0-9_] only, so they are safe inside a RegExp.
const mentionPattern = (username: string, flags: string) =>
  new RegExp(`(^|[^A-Za-z0-9_@])@${username}(?![A-Za-z0-9_])`, flags);

/** True when the text contains '@username' of the bot (any letter case), not as part of a longer name. */
export function mentionsBot(text: string, me: Pick<BotIdentity, 'username'>): boolean {
  return mentionPattern(me.username, 'i').test(text);
}

/** Removes the bot's @mention and the punctuation people put after it ('@Bot, what is ...' -> 'what is ...'). */
export function stripMention(text: string, me: Pick<BotIdentity, 'username'>): string {
  return text
    .replace(mentionPattern(me.username, 'gi'), '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim()
    .replace(/^[,:;]+\s*/, '')
    .trim();
}

export const displayName = (u: User): string => [u.first_name, u.last_name].filter(Boolean).join(' ') || u.username || String(u.id);

const isPrivate = (m: Pick<Message, 'chat'>): boolean => m.chat.type === 'private';

/** True for a message in a private chat that carries nothing we can read (a sticker, a voice note, ...). */
export function isUnreadablePrivateMessage(update: Update): boolean {
  const m = update.message;
  return Boolean(m && isPrivate(m) && m.from && !m.from.is_bot && !m.sender_chat && !(m.text ?? m.caption)?.trim());
}

function fromMessage(update: Update, m: Message, me: BotIdentity): Incoming | undefined {
  // Channel posts and anonymous group admins speak as a chat, not as a person we could follow up.
  if (!m.from || m.from.is_bot || m.sender_chat) return undefined;
  const raw = (m.text ?? m.caption ?? '').trim();
  if (!raw) return undefined;
  const direct = isPrivate(m);

  const command = parseCommand(raw) ? normaliseCommand(raw, me) : undefined;
  if (parseCommand(raw) && command === undefined) return undefined; // '/cmd@OtherBot'
  const mentioned = mentionsBot(raw, me);
  const repliedToBot = m.reply_to_message?.from?.id === me.id;
  const text = command ?? (mentioned ? stripMention(raw, me) : raw);

  return {
    user: { platform: 'telegram', id: String(m.from.id), name: displayName(m.from) },
    conversation: { id: String(m.chat.id), type: direct ? 'direct' : 'group' },
    text,
    ...(direct ? {} : { addressed: Boolean(command) || mentioned || repliedToBot }),
    deliveryId: `telegram:${update.update_id}`,
    address: { chatId: m.from.id } satisfies TelegramAddress,
  };
}

/** Parses one update; undefined for anything the core should not see (other bots' commands, edits, joins, ...). */
export function parseUpdate(update: Update, me: BotIdentity): Incoming | undefined {
  if (update.message) return fromMessage(update, update.message, me);
  const q = update.callback_query;
  if (q && q.data !== undefined && !q.from.is_bot) {
    const chat = q.message?.chat;
    return {
      user: { platform: 'telegram', id: String(q.from.id), name: displayName(q.from) },
      conversation: { id: String(chat?.id ?? q.from.id), type: !chat || chat.type === 'private' ? 'direct' : 'group' },
      action: q.data,
      // A press on the bot's own buttons is always meant for the bot.
      ...(chat && chat.type !== 'private' ? { addressed: true } : {}),
      deliveryId: `telegram:${update.update_id}`,
      address: { chatId: q.from.id } satisfies TelegramAddress,
    };
  }
  return undefined;
}

/** The address a Messenger was handed, checked (it comes back from the store as JSON). */
export function readAddress(address: unknown): TelegramAddress | undefined {
  if (typeof address !== 'object' || address === null) return undefined;
  const chatId = (address as { chatId?: unknown }).chatId;
  if (typeof chatId === 'number' && Number.isSafeInteger(chatId)) return { chatId };
  if (typeof chatId === 'string' && /^(-?\d+|@[A-Za-z0-9_]{5,32})$/.test(chatId)) return { chatId };
  return undefined;
}
