// The Slack adapter: a Bolt app on the shared server at POST /slack/events (or Socket Mode), plus its messenger.
import { App, ErrorCode, ExpressReceiver, LogLevel, webApi, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';
import type { AdapterDeps, PlatformAdapter, RequestHandler } from '../../src/core/adapter.js';
import { PlatformStartError, SettingError } from '../../src/errors.js';
import { createInFlight } from '../kit/in-flight.js';
import { fetchWithin } from './fetch.js';
import { registerSlackListeners } from './listeners.js';
import { createSlackNames, slackDisplayName } from './names.js';
import { createSlackMessenger } from './messenger.js';

export { slackManifest, type SlackManifestOptions } from './manifest.js';

export interface SlackAdapterConfig {
  botToken: string;
  /** Verifies every HTTP request; required unless Socket Mode (appToken) is used. */
  signingSecret?: string;
  /** App-level token (xapp-...): Socket Mode, no HTTP routes. */
  appToken?: string;
  /** Web API base URL (default https://slack.com/api/); tests point it at a local fake. */
  apiUrl?: string;
  /** The longest any one Web API call may take, in ms (default 10000). */
  timeoutMs?: number;
}

export const SLACK_EVENTS_PATH = '/slack/events';

/** Slack's window for a request's timestamp, either way: Bolt refuses old ones only, not ones dated ahead. */
const SIGNATURE_WINDOW_S = 5 * 60;

/** True when X-Slack-Request-Timestamp is more than five minutes from now, in the past or the future. */
export function outsideSignatureWindow(header: string | string[] | undefined, nowMs: number): boolean {
  if (typeof header !== 'string') return false; // no timestamp: Bolt's own check refuses the request
  const ts = Number(header);
  return !Number.isFinite(ts) || Math.abs(nowMs / 1000 - ts) > SIGNATURE_WINDOW_S;
}

/** Bolt's logger interface over pino; Bolt's messages are plain strings, errors are reduced to their message. */
function boltLogger(log: Logger): BoltLogger {
  const line = (parts: unknown[]) =>
    parts
      .map((p) => (p instanceof Error ? `${p.name}: ${p.message}` : typeof p === 'string' || typeof p === 'number' ? String(p) : ''))
      .filter(Boolean)
      .join(' ');
  return {
    // Bolt's and WebClient's debug lines carry message bodies (tokens redacted, texts not): trace only.
    debug: (...m: unknown[]) => log.trace(line(m)),
    info: (...m: unknown[]) => log.info(line(m)),
    warn: (...m: unknown[]) => log.warn(line(m)),
    error: (...m: unknown[]) => log.error(line(m)),
    // pino's level (LOG_LEVEL) rules; Bolt may not change it.
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

export async function createSlackAdapter(cfg: SlackAdapterConfig, deps: AdapterDeps): Promise<PlatformAdapter> {
  if (!cfg.botToken) throw new SettingError('SLACK_BOT_TOKEN is empty: set it to the bot token (xoxb-...) from the Slack app\u2019s OAuth page.');
  const socketMode = Boolean(cfg.appToken);
  if (!socketMode && !cfg.signingSecret) {
    throw new SettingError('SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode).');
  }
  const log = deps.logger.child({ platform: 'slack' });
  const logger = boltLogger(log);
  // The config module drops trailing slashes; WebClient appends the method name to this URL.
  const slackApiUrl = cfg.apiUrl ? `${cfg.apiUrl.replace(/\/+$/, '')}/` : undefined;
  const timeoutMs = cfg.timeoutMs ?? 10_000;
  const slackFetch = fetchWithin(timeoutMs);
  const clientOptions: webApi.WebClientOptions = {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    // Replies to a person are worth a couple of quick retries, not Bolt's default half hour.
    retryConfig: { retries: 2, factor: 3, minTimeout: 1000, maxTimeout: 10_000, randomize: true },
    timeout: timeoutMs,
    fetch: slackFetch,
  };

  let receiver: ExpressReceiver | undefined;
  let app: App;
  if (socketMode) {
    app = new App({ token: cfg.botToken, appToken: cfg.appToken, socketMode: true, logger, clientOptions, convoStore: false, deferInitialization: true });
  } else {
    receiver = new ExpressReceiver({
      signingSecret: cfg.signingSecret as string,
      endpoints: SLACK_EVENTS_PATH,
      // Acknowledge at once; the core's work happens after the HTTP response has gone.
      processBeforeResponse: false,
      logger,
      // The server's own limit (MAX_BODY_BYTES) for bodies sent without a content-length; Bolt's default is 4 MB.
      bodyLimit: 512 * 1024,
      // Bolt answers 500 when a signed payload breaks it before ack (e.g. `"event": null`); that is a bad request.
      processEventErrorHandler: async ({ error, response }) => {
        if (response.headersSent) return false;
        const status = (error as { code?: string }).code === ErrorCode.AuthorizationError ? 401 : 400;
        if (status === 400) log.warn({ err: { name: (error as Error).name, message: (error as Error).message } }, 'slack: could not process a request');
        response.writeHead(status).end();
        return true;
      },
    });
    // No conversation store: the core keeps its own state, and Bolt's in-memory one costs a lookup per event.
    app = new App({ token: cfg.botToken, receiver, logger, clientOptions, convoStore: false, deferInitialization: true });
  }

  const inFlight = createInFlight();
  // users.info through its own client: no retries, so a slow or refused lookup never holds a reply up for long.
  const namesClient = new webApi.WebClient(cfg.botToken, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: timeoutMs,
    fetch: slackFetch,
    logger,
  });
  const nameOf = createSlackNames({
    lookup: async (user) => slackDisplayName((await namesClient.users.info({ user })).user),
    now: () => deps.clock.now().getTime(),
  });
  registerSlackListeners(app, { core: deps.core, logger: log, track: (work) => inFlight.track(work), nameOf });

  // Follow-ups: no retries inside the client, so the scheduler sees each 429 and paces itself.
  const messengerClient = new webApi.WebClient(cfg.botToken, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
    fetch: slackFetch,
    logger,
  });

  let ready = false;
  let routes: RequestHandler | undefined;
  if (receiver) {
    const router = receiver.router as unknown as RequestHandler;
    routes = (req, res, next) => {
      // Until auth.test has told Bolt who the bot is, ask Slack to retry rather than drop events.
      if (!ready && req.url?.startsWith(SLACK_EVENTS_PATH)) {
        res.writeHead(503, { 'retry-after': '1' }).end();
        return;
      }
      // A signature dated ahead could be replayed until that time comes; refuse it before Bolt reads the body.
      // Real time, as Bolt's own check uses (not the app's clock, which tests hold still).
      if (req.url?.startsWith(SLACK_EVENTS_PATH) && outsideSignatureWindow(req.headers['x-slack-request-timestamp'], Date.now())) {
        log.info('slack: refused a request whose timestamp is more than five minutes from now');
        req.resume();
        res.writeHead(401).end();
        return;
      }
      router(req, res, next);
    };
  }

  return {
    platform: 'slack',
    messenger: createSlackMessenger(messengerClient),
    routes,
    async start() {
      try {
        await app.init();
      } catch (err) {
        const code = (err as { data?: { error?: string } }).data?.error;
        if (!code) throw new PlatformStartError(`SLACK_API_URL: could not reach the Slack Web API (auth.test: ${(err as Error).message})`, { cause: err });
        throw new PlatformStartError(`SLACK_BOT_TOKEN: Slack did not accept it (auth.test: ${code}).`, { cause: err });
      }
      if (socketMode) await app.start();
      ready = true;
      log.info({ mode: socketMode ? 'socket' : 'http' }, 'slack adapter ready');
    },
    async stop() {
      ready = false;
      if (socketMode) await app.stop().catch((err: unknown) => log.warn({ err }, 'slack: socket mode stop failed'));
      await inFlight.drain();
    },
  };
}
