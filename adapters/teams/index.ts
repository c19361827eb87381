// The Microsoft Teams adapter: POST /api/messages through botbuilder's CloudAdapter, plus proactive follow-ups.
import express from 'express';
import { CloudAdapter } from 'botbuilder';
import type { AdapterDeps, PlatformAdapter, RequestHandler } from '../../src/core/adapter.js';
import { createTeamsMessenger } from './messenger.js';
import { createTeamsAuthentication, readBotFrameworkSettings } from './settings.js';
import { createTurnHandler, errorSummary } from './turn.js';

export { buildTeamsAppPackage } from './manifest.js';
export { MISSING_APP_ID, TeamsConfigError } from './settings.js';

export interface TeamsAdapterConfig {
  /** The environment: the Bot Framework's standard keys (MicrosoftAppId, ToBotFromChannel..., ...) are read from it. */
  env: Record<string, string | undefined>;
  /** Bot Framework Emulator mode: allows a missing app id (no authentication). Local use only. */
  emulator: boolean;
  /** Test-only: a botbuilder ServiceClientCredentialsFactory for outbound calls. Never from the environment. */
  credentialsFactory?: unknown;
}

/** Activities are small; a cap keeps a caller from making us parse megabytes before authentication. */
const BODY_LIMIT = '256kb';

export async function createTeamsAdapter(cfg: TeamsAdapterConfig, deps: AdapterDeps): Promise<PlatformAdapter> {
  const settings = readBotFrameworkSettings(cfg.env);
  const auth = createTeamsAuthentication(settings, { emulator: cfg.emulator, credentialsFactory: cfg.credentialsFactory });
  const appId = settings.MicrosoftAppId ?? '';
  const { logger } = deps;
  if (!appId) {
    logger.warn(
      '!!! Teams EMULATOR MODE: no MicrosoftAppId, so Bot Framework authentication is OFF and any caller is ' +
        'accepted. Serving on 127.0.0.1 only. Never use TEAMS_EMULATOR in production. !!!',
    );
  }

  const adapter = new CloudAdapter(auth);
  // Only reached by errors that escape our turn handler (which catches its own): log without request details.
  adapter.onTurnError = async (_context, err) => {
    logger.error({ err: errorSummary(err) }, 'teams: turn failed');
  };
  const logic = createTurnHandler(deps.core, logger);

  let inFlight = 0;
  let drained: (() => void) | undefined;
  const router = express.Router();
  router.post('/api/messages', express.json({ limit: BODY_LIMIT }), async (req, res, next) => {
    inFlight++;
    try {
      // CloudAdapter authenticates (401 on a bad token), runs the turn, and for deliveryMode 'expectReplies'
      // answers with the buffered replies in the response body.
      await adapter.process(req, res, logic);
    } catch (err) {
      next(err);
    } finally {
      if (--inFlight === 0) drained?.();
    }
  });

  return {
    platform: 'teams',
    messenger: createTeamsMessenger(adapter, appId, logger),
    routes: router as unknown as RequestHandler,
    async start() {
      logger.info({ emulator: !appId }, 'teams: listening on POST /api/messages');
    },
    async stop() {
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
    },
  };
}
