// What a command handler gets: the message, who sent it, and the bot's services.
import type { Logger } from 'pino';
import type { Content } from '../content/schema.js';
import type { Answerer } from '../qa/types.js';
import type { Store } from '../store/types.js';
import type { Clock } from './adapter.js';
import type { Incoming, Outgoing, UserRef } from './messages.js';

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
  /** Telegram bot username, for t.me deep links (when known). */
  telegramUsername?: string;
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
  /** Text after the command word, trimmed. */
  args: string;
  isTrainer(): Promise<boolean>;
  /** An administrator sees and acts on every cohort; other trainers, on the cohorts they run. */
  isAdmin(): boolean;
}

export type CommandHandler = (ctx: CommandContext) => Promise<Outgoing[]>;

export interface CommandSpec {
  /** Without the slash, lower case. */
  name: string;
  /** One line for /help. */
  summary: string;
  usage?: string;
  trainerOnly?: boolean;
  handler: CommandHandler;
}

export const TRAINER_REFUSAL =
  'Sorry, that command is for workshop trainers only. If you are a trainer, ask another trainer to add you with /trainer add.';
