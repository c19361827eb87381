// Builds the platform adapters that have credentials configured; each is loaded only when used.
import type { AdapterDeps, PlatformAdapter } from '../core/adapter.js';
import type { Config } from './config.js';

/** Test-only hooks, passed in code by a test harness (never read from the environment). */
export interface AdapterOverrides {
  /** botbuilder ServiceClientCredentialsFactory for outbound Teams calls to a local fake connector. */
  teamsCredentialsFactory?: unknown;
}

/** Any Bot Framework setting (or emulator mode) asks for Teams. */
const teamsRequested = (c: Config): boolean =>
  Boolean(c.MicrosoftAppId || c.MicrosoftAppPassword || c.MicrosoftAppTenantId || c.TEAMS_EMULATOR);

export function configuredPlatforms(config: Config): string[] {
  const list: string[] = [];
  if (config.TELEGRAM_BOT_TOKEN) list.push('telegram');
  if (config.SLACK_BOT_TOKEN) list.push('slack');
  if (teamsRequested(config)) list.push('teams');
  return list;
}

export async function createAdapters(
  config: Config,
  deps: AdapterDeps,
  overrides: AdapterOverrides = {},
): Promise<PlatformAdapter[]> {
  const adapters: PlatformAdapter[] = [];
  if (config.TELEGRAM_BOT_TOKEN) {
    const { createTelegramAdapter } = await import('../../adapters/telegram/index.js');
    adapters.push(
      await createTelegramAdapter(
        {
          token: config.TELEGRAM_BOT_TOKEN,
          webhookSecret: config.TELEGRAM_WEBHOOK_SECRET,
          webhookUrl: config.TELEGRAM_WEBHOOK_URL,
          apiRoot: config.TELEGRAM_API_ROOT,
          username: config.TELEGRAM_BOT_USERNAME,
          pollingRetryMs: config.TELEGRAM_POLLING_RETRY_MS,
          timeoutMs: config.PLATFORM_TIMEOUT_MS,
        },
        deps,
      ),
    );
  }
  if (config.SLACK_BOT_TOKEN) {
    const { createSlackAdapter } = await import('../../adapters/slack/index.js');
    adapters.push(
      await createSlackAdapter(
        {
          botToken: config.SLACK_BOT_TOKEN,
          signingSecret: config.SLACK_SIGNING_SECRET,
          appToken: config.SLACK_APP_TOKEN,
          apiUrl: config.SLACK_API_URL,
          timeoutMs: config.PLATFORM_TIMEOUT_MS,
        },
        deps,
      ),
    );
  }
  if (teamsRequested(config)) {
    // The adapter itself refuses to start without an app id unless emulator mode is asked for.
    const { createTeamsAdapter } = await import('../../adapters/teams/index.js');
    adapters.push(
      await createTeamsAdapter(
        {
          env: config.env,
          emulator: config.TEAMS_EMULATOR,
          credentialsFactory: overrides.teamsCredentialsFactory,
          timeoutMs: config.PLATFORM_TIMEOUT_MS,
        },
        deps,
      ),
    );
  }
  return adapters;
}
