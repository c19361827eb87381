// POST /api/messages: parse the body, check the caller's token once, then run the turn on CloudAdapter.
import express from 'express';
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
// What CloudAdapter.process does to a parsed body before a turn (timestamps become Dates); not re-exported.
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator.js';
import type { Logger } from 'pino';
import { isStoreUnavailable } from '../../src/store/errors.js';
import type { AuthenticateRequestResult, TeamsAuthentication } from './settings.js';

/** Activities are small; a cap keeps a caller from making us parse megabytes before authentication. */
const BODY_LIMIT = '256kb';

/** jsonwebtoken's errors for a bad signature, a malformed token or a not-yet-valid one. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * 401 for anything wrong with the token; 503 when the check itself could not run (e.g. the OpenID metadata
 * could not be fetched), so Teams redelivers later. botbuilder alone answers a forged signature with 500
 * and its message, and prints each refusal's stack to the console.
 */
export function authFailureStatus(err: unknown): 401 | 503 {
  const e = err as { name?: string; statusCode?: number };
  if (e?.statusCode === 401 || TOKEN_ERRORS.has(e?.name ?? '')) return 401;
  return 503;
}

/** CloudAdapter, with its turn entry point for a request already authenticated (public here). */
export class TeamsCloudAdapter extends CloudAdapter {
  runTurn(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

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

export function createMessagesRoute(
  adapter: TeamsCloudAdapter,
  auth: TeamsAuthentication,
  logic: (context: TurnContext) => Promise<void>,
  logger: Logger,
  channels: readonly string[] = servedChannels(false),
): MessagesRoute {
  let inFlight = 0;
  const idle: (() => void)[] = [];
  const router = express.Router();
  router.post('/api/messages', express.json({ limit: BODY_LIMIT }), async (req, res, next) => {
    inFlight++;
    try {
      const activity = req.body as Partial<Activity> | undefined;
      // Teams always sends an object with both. Without them botbuilder's token check throws a TypeError (which
      // would read as "try again later", 503) and the turn would throw on a missing type (a 500).
      if (!activity || typeof activity !== 'object' || Array.isArray(activity) || typeof activity.type !== 'string' || !activity.type || typeof activity.channelId !== 'string' || !activity.channelId) {
        res.status(400).json({ error: 'expected a Bot Framework activity' });
        return;
      }
      let result: AuthenticateRequestResult;
      try {
        // Issuer, signature, audience, serviceUrl and endorsements: checked once, here, so every refusal is a
        // quiet 401 (CloudAdapter.process would check again, and answer a forged signature with a 500).
        result = await auth.authenticateRequest(activity as Activity, req.headers.authorization ?? '');
      } catch (err) {
        const status = authFailureStatus(err);
        if (status === 401) logger.info({ reason: (err as Error)?.message }, 'teams: refused a request with a bad token');
        else logger.error({ err }, 'teams: could not check a request token');
        res.status(status).json({ error: status === 401 ? 'unauthorized' : 'try again later' });
        return;
      }
      if (!channels.includes(activity.channelId)) {
        logger.info({ channelId: activity.channelId.slice(0, 40) }, 'teams: refused an activity from a channel this bot does not serve');
        res.status(403).json({ error: 'channel not served' });
        return;
      }
      // For deliveryMode 'expectReplies' and invokes, the turn's response goes in the HTTP body.
      const response = await adapter.runTurn(result, validateAndFixActivity(activity as Activity), logic);
      res.status(response?.status ?? 200);
      if (response?.body !== undefined) res.send(response.body);
      else res.end();
    } catch (err) {
      if (isStoreUnavailable(err) && !res.headersSent) {
        logger.warn('teams: the store is unavailable; Teams will send the activity again');
        res.status(503).json({ error: 'try again later' });
      } else next(err);
    } finally {
      if (--inFlight === 0) for (const resolve of idle.splice(0)) resolve();
    }
  });
  return {
    router,
    drain: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve))),
  };
}
