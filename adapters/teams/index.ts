// The Microsoft Teams adapter: POST /api/messages through botbuilder's CloudAdapter, plus proactive follow-ups.
import type { AdapterDeps, PlatformAdapter, RequestHandler } from '../../src/core/adapter.js';
import { CloudAdapter } from 'botbuilder';
import { errorSummary } from '../kit/redact.js';
import { createTeamsFiles } from './files.js';
import { createTeamsMessenger } from './messenger.js';
import { createMessagesRoute, servedChannels } from './routes.js';
import { createTeamsAuthentication, PUBLIC_CHANNEL_METADATA, readBotFrameworkSettings } from './settings.js';
import { createTurnHandler } from './turn.js';

export { buildTeamsAppPackage } from './manifest.js';
export { MISSING_APP_ID, TeamsConfigError } from './settings.js';

export interface TeamsAdapterConfig {
  /** The environment: the Bot Framework's standard keys (MicrosoftAppId, ToBotFromChannel..., ...) are read from it. */
  env: Record<string, string | undefined>;
  /** Bot Framework Emulator mode: allows a missing app id (no authentication). Local use only. */
  emulator: boolean;
  /** Test-only: a botbuilder ServiceClientCredentialsFactory for outbound calls. Never from the environment. */
  credentialsFactory?: unknown;
  /** The longest any one call to the Bot Framework (connector, token service, OpenID metadata) may take. */
  timeoutMs?: number;
}

export async function createTeamsAdapter(cfg: TeamsAdapterConfig, deps: AdapterDeps): Promise<PlatformAdapter> {
  const settings = readBotFrameworkSettings(cfg.env);
  const auth = createTeamsAuthentication(settings, { emulator: cfg.emulator, credentialsFactory: cfg.credentialsFactory, timeoutMs: cfg.timeoutMs });
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
  const files = createTeamsFiles(deps.store, deps.clock, logger);
  const turn = createTurnHandler(deps.core, logger, files);

  const route = createMessagesRoute(adapter, auth, turn, logger, {
    channels: servedChannels(cfg.emulator),
    requireToken: Boolean(appId),
    timeoutMs: cfg.timeoutMs,
    // Emulator tokens come from other issuers (and a national cloud's ChannelService from other URLs): claims only.
    metadataUrl: cfg.emulator || settings.ChannelService ? undefined : (settings.ToBotFromChannelOpenIdMetadataUrl ?? PUBLIC_CHANNEL_METADATA),
  });

  return {
    platform: 'teams',
    messenger: createTeamsMessenger(adapter, appId, logger, files),
    routes: route.router as unknown as RequestHandler,
    async start() {
      logger.info({ emulator: !appId }, 'teams: listening on POST /api/messages');
    },
    async stop() {
      await route.drain();
    },
  };
}
