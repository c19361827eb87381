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

/**
 * A route answered straight from node:http, ahead of express: no middleware runs and no body is parsed for it.
 * The server has already set x-request-id, refused a declared body over its limit, and will log a 5xx and
 * drain whatever body is left unread once the response is sent. The handler reads the body itself (within
 * `maxBodyBytes`: adapters/kit/node-http.ts), checks the caller before anything else, and always answers.
 */
export interface NodeRoute {
  /** Upper case, e.g. 'POST'. Other methods on the same path go on to express (a 404 there). */
  readonly method: string;
  /** The exact path, e.g. '/telegram/webhook'; matched as express would (any case, a trailing slash, a query). */
  readonly path: string;
  /** A rejection is answered 500 by the server (when nothing was sent yet) and logged. */
  handle(req: IncomingMessage, res: ServerResponse, limits: { maxBodyBytes: number }): Promise<void>;
}

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
  /** Routes to mount at the server's root (webhooks), on express. Absent in pure polling/socket modes. */
  readonly routes?: RequestHandler;
  /** Routes the server answers from node:http before express (a hot webhook); absent when it has none. */
  readonly nodeRoutes?: readonly NodeRoute[];
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
