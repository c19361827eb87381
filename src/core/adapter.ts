// What a platform adapter hands the app: its HTTP routes, its proactive Messenger, and start/stop.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { BotCore, Messenger, Platform } from './messages.js';
import type { Store } from '../store/types.js';
import type { Clock } from './clock.js';
import type { MenuCommand } from './commands.js';

export { systemClock, type Clock } from './clock.js';

/** A connect/express-style handler; express's `app.use` takes it as it is. */
export type RequestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void;

/** What every adapter is given. */
export interface AdapterDeps {
  core: BotCore;
  store: Store;
  logger: Logger;
  clock: Clock;
  /** Everyone's commands for the platform's command menu (Telegram's setMyCommands), from the command registry. */
  menu?: readonly MenuCommand[];
}

export interface PlatformAdapter {
  readonly platform: Platform;
  /** Sends follow-ups to people on this platform. */
  readonly messenger: Messenger;
  /** Routes to mount at the server's root (webhooks). Absent in pure polling/socket modes. */
  readonly routes?: RequestHandler;
  /** Starts long polling / socket mode / webhook registration. Resolves once running. */
  start(): Promise<void>;
  /** Stops receiving; resolves when in-flight work is done. */
  stop(): Promise<void>;
}

/**
 * An adapter could not start for a reason an operator can fix: a setting with the wrong form, or the platform
 * refusing the credentials or not answering. The message names the setting; the CLI prints it as one line.
 */
export { PlatformStartError } from '../errors.js';
