// What a command handler gets: the message, who sent it, and the bot's services.
import type { Logger } from 'pino';
import type { Content } from '../content/schema.js';
import type { Answerer } from '../qa/types.js';
import type { Store } from '../store/types.js';
import type { Clock } from './clock.js';
import type { CommandRegistry } from './commands.js';
import type { Flows } from './flows.js';
import type { Incoming, Outgoing, Platform, UserRef } from './messages.js';

/** What a flow may need to create images or files lazily (charts load their libraries on first use). */
export interface BotServices {
  content: Content;
  answerer: Answerer;
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Trainers named in configuration (`platform:id`); more can be added at run time. */
  configuredTrainers: readonly string[];
  /** Administrators named in configuration: trainers who see and act on every cohort. */
  configuredAdmins: readonly string[];
  /**
   * Time zone that times are read and shown in: the server's TZ, or, in a command's context, the
   * sender's own zone when they set one with /timezone.
   */
  timeZone: string;
  /**
   * Sends messages to the person's private chat with the bot, unprompted (a trainer's results asked for in a
   * group go there). False when they cannot be reached privately; absent when nothing can be sent this way.
   */
  sendPrivately?(userKey: string, messages: Outgoing[]): Promise<boolean>;
}

export interface CommandContext {
  services: BotServices;
  incoming: Incoming;
  user: UserRef;
  /** `platform:id` of the sender. */
  userKey: string;
  /** The command word as typed ('start' for /help's alias), lower case; '' outside a command. */
  command: string;
  /** Text after the command word, trimmed. */
  args: string;
  isTrainer(): Promise<boolean>;
  /** An administrator sees and acts on every cohort; other trainers, on the cohorts they run. */
  isAdmin(): boolean;
  /** What the bot itself offers a command: its flows, its commands, answering, erasing, and who holds which role. */
  bot: BotAbilities;
}

export interface BotAbilities {
  readonly flows: Flows;
  readonly commands: CommandRegistry;
  /** Answers a question as if it had been typed. */
  ask(ctx: CommandContext, question: string): Promise<Outgoing[]>;
  /** Erases the person everywhere, including anything the bot remembers in memory. */
  forget(userKey: string): Promise<void>;
  isTrainer(userKey: string): Promise<boolean>;
  isAdmin(userKey: string): boolean;
  /** Named in TRAINERS or ADMINS (and so not removable at run time). */
  isConfigured(userKey: string): boolean;
  /** Links to the bot on platforms that have them (Telegram's t.me), given by the app. */
  readonly links: Partial<Record<Platform, PlatformLinks>>;
}

export interface PlatformLinks {
  /** Opens a private chat with the bot. */
  chat: string;
  /** Opens the chat and sends the bot '/start PAYLOAD' (a join code), where the platform has deep links. */
  deepLink?(payload: string): string;
}

export type CommandHandler = (ctx: CommandContext) => Promise<Outgoing[]>;

export const TRAINER_REFUSAL =
  'Sorry, that command is for workshop trainers only. If you are a trainer, ask another trainer to add you with /trainer add.';
