// POST /api/messages: parse the body, check the caller's token once, then run the turn on CloudAdapter.
import express from 'express';
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { createInFlight } from '../kit/in-flight.js';
import { errorSummary } from '../kit/redact.js';
import { within } from '../kit/timeouts.js';
import type { AuthenticateRequestResult, TeamsAuthentication } from './sdk-workarounds.js';
import { createTokenPrecheck } from './token-precheck.js';

/** Activities are small; a cap keeps a caller from making us parse megabytes before authentication. */
const BODY_LIMIT = '256kb';

/** jsonwebtoken's errors for a bad signature, a malformed token or a not-yet-valid one. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * 401 for anything wrong with the token; 503 when the check itself could not run (e.g. the OpenID metadata
 * could not be fetched), so Teams redelivers later. botbuilder alone answers a forged signature with 500
 * and its message.
 */
export function authFailureStatus(err: unknown): 401 | 503 {
  const e = err as { name?: string; statusCode?: number };
  if (e?.statusCode === 401 || TOKEN_ERRORS.has(e?.name ?? '')) return 401;
  return 503;
}

/** What a turn tells the route: the store was down (answer 503, so Teams delivers the activity again). */
export interface TurnOutcome {
  retryLater?: boolean;
}

/** The turn logic, given a place to leave its outcome (botbuilder's processActivityDirect wraps every error it passes on). */
export type TeamsTurn = (context: TurnContext, outcome: TurnOutcome) => Promise<void>;

export interface MessagesRoute {
  router: express.Router;
  /** Resolves when no request is being processed. */
  drain(): Promise<void>;
}

/**
 * The Bot Framework channels this bot serves. Its signing keys are endorsed for many channels (Web Chat,
 * Direct Line...), whose users can claim any from.id; only Teams vouches that from.id is that Teams user.
 */
export function servedChannels(emulator: boolean): readonly string[] {
  return emulator ? ['msteams', 'emulator'] : ['msteams'];
}

/** CloudAdapter.process turns the wire's timestamps into Dates before a turn; processActivityDirect does not. */
function withDates(activity: Activity): Activity {
  for (const key of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const value: unknown = activity[key];
    if (typeof value === 'string') activity[key] = new Date(value);
  }
  return activity;
}

export interface MessagesRouteOptions {
  channels?: readonly string[];
  /** False only in emulator mode without an app id, where botbuilder accepts requests without a token. */
  requireToken?: boolean;
  /** Where the channel's signing keys are published (ToBotFromChannelOpenIdMetadataUrl); see token-precheck.ts. */
  metadataUrl?: string;
  /** The longest a token check may take (it may fetch the OpenID metadata and signing keys, with no timeout of its own). */
  timeoutMs?: number;
}

export function createMessagesRoute(adapter: CloudAdapter, auth: TeamsAuthentication, turn: TeamsTurn, logger: Logger, opts: MessagesRouteOptions = {}): MessagesRoute {
  const channels = opts.channels ?? servedChannels(false);
  const requireToken = opts.requireToken ?? true;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const precheck = createTokenPrecheck({ metadataUrl: opts.metadataUrl, timeoutMs });
  const inFlight = createInFlight();
  const router = express.Router();

  const refuse = (res: express.Response, reason: string) => {
    logger.info({ reason }, 'teams: refused a request with a bad token');
    res.status(401).json({ error: 'unauthorized' });
  };

  async function handle(req: express.Request, res: express.Response): Promise<void> {
    const activity = req.body as Partial<Activity> | undefined;
    // Teams always sends an object with both. Without them botbuilder's token check throws a TypeError (which
    // would read as "try again later", 503) and the turn would throw on a missing type (a 500).
    if (!activity || typeof activity !== 'object' || Array.isArray(activity) || typeof activity.type !== 'string' || !activity.type || typeof activity.channelId !== 'string' || !activity.channelId) {
      res.status(400).json({ error: 'expected a Bot Framework activity' });
      return;
    }
    const header = req.headers.authorization;
    const refused = requireToken ? await precheck(header) : undefined;
    if (refused) return refuse(res, refused);
    let result: AuthenticateRequestResult;
    try {
      // Issuer, signature, audience, serviceUrl and endorsements: checked once, here, with botbuilder's public
      // authenticateRequest, so every refusal is a quiet 401 (CloudAdapter.process answers a forged signature with a 500).
      result = auth.reuseConnectors(await within(auth.authenticateRequest(activity as Activity, header ?? ''), timeoutMs, 'Checking the request token'));
    } catch (err) {
      const status = authFailureStatus(err);
      if (status === 401) return refuse(res, String((err as Error)?.message).slice(0, 200));
      logger.error({ err: errorSummary(err) }, 'teams: could not check a request token');
      res.status(503).json({ error: 'try again later' });
      return;
    }
    if (!channels.includes(activity.channelId)) {
      logger.info({ channelId: activity.channelId.slice(0, 40) }, 'teams: refused an activity from a channel this bot does not serve');
      res.status(403).json({ error: 'channel not served' });
      return;
    }
    const outcome: TurnOutcome = {};
    // Read inside the turn: botbuilder revokes the TurnContext once the turn is over.
    let buffered: Partial<Activity>[] = [];
    try {
      await adapter.processActivityDirect(result, withDates(activity as Activity), async (context) => {
        await turn(context, outcome);
        buffered = context.bufferedReplyActivities;
      });
    } catch (err) {
      // Only a failure outside our turn logic (which catches its own), e.g. creating the connector client.
      logger.error({ err: { message: String((err as Error)?.message).split('\n')[0]!.slice(0, 300) } }, 'teams: the turn failed');
      if (!res.headersSent) res.status(500).json({ error: 'internal error' });
      return;
    }
    if (outcome.retryLater) {
      logger.warn('teams: the store is unavailable; Teams will send the activity again');
      res.status(503).json({ error: 'try again later' });
      return;
    }
    // What CloudAdapter.process would answer: the replies themselves for deliveryMode 'expectReplies'; an
    // invoke's response (every invoke this bot gets is answered 200 by the turn); else 200.
    if (activity.deliveryMode === 'expectReplies') {
      res.status(200).json({ activities: buffered });
      return;
    }
    res.status(200).end();
  }

  router.post('/api/messages', express.json({ limit: BODY_LIMIT }), (req, res, next) => {
    inFlight.track(handle(req, res)).catch(next);
  });
  return { router, drain: () => inFlight.drain() };
}
