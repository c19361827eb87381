// Hardening harness: the real server (startServer) with all three adapters on local fake platform APIs.
import { baseEnv } from '../server.js';
import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/app/config.js';
import { startServer, type RunningServer, type ServerOptions } from '../../src/app/server.js';
import { cacheEnv, withFixture } from '../cli.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { FakeTeamsConnector } from '../../fakes/teams-connector.js';
import { FakeBotFrameworkIdentity } from '../../fakes/teams-identity.js';
import { FakeTelegramApi, TEST_TOKEN } from '../../fakes/telegram-api.js';

export const TELEGRAM_SECRET = 'hardening-webhook-secret_42';
export const SLACK_SECRET = 'hardening-signing-secret-9c';
export const SLACK_TOKEN = 'xoxb-hardening-token';
export const TEAMS_APP_ID = '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a';
export const TEAMS_PASSWORD = 'hardening-only-password';
export { TEST_TOKEN as TELEGRAM_TOKEN };

export interface Platforms {
  server: RunningServer;
  telegram: FakeTelegramApi;
  slack: FakeSlackApi;
  connector: FakeTeamsConnector;
  identity: FakeBotFrameworkIdentity;
  /** A valid channel token for activities whose serviceUrl is the fake connector. */
  teamsToken: string;
  /** The environment the server was configured from (for a CLI child with the same platforms). */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startFakes(): Promise<Omit<Platforms, 'server' | 'close'> & { closeFakes(): Promise<void> }> {
  const telegram = await FakeTelegramApi.start();
  const slack = await new FakeSlackApi().start();
  const connector = await FakeTeamsConnector.start();
  const identity = await FakeBotFrameworkIdentity.start({ endorsements: ['msteams'] });
  const teamsToken = await identity.channelToken({ appId: TEAMS_APP_ID, serviceUrl: connector.url });
  const dir = mkdtempSync(join(tmpdir(), 'wb-hardening-'));
  const env = {
    ...baseEnv(dir),
    TELEGRAM_BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: telegram.url,
    TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
    TELEGRAM_BOT_USERNAME: 'WorkshopTestBot',
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_API_URL: slack.url,
    MicrosoftAppId: TEAMS_APP_ID,
    MicrosoftAppPassword: TEAMS_PASSWORD,
    ToBotFromChannelOpenIdMetadataUrl: identity.metadataUrl,
  };
  return {
    telegram,
    slack,
    connector,
    identity,
    teamsToken,
    env,
    async closeFakes() {
      await telegram.close();
      await slack.close();
      await connector.close();
      await identity.close();
    },
  };
}

export async function startPlatforms(env: Record<string, string> = {}, options: ServerOptions = {}): Promise<Platforms> {
  const fakes = await startFakes();
  // The fixture pack, unless `env` names another.
  const packed = withFixture(env);
  const server = await startServer(loadConfig({ ...fakes.env, ...cacheEnv(packed), ...packed }), {
    logger: pino({ level: 'silent' }),
    overrides: { teamsCredentialsFactory: fakes.identity.credentialsFactory(TEAMS_APP_ID, TEAMS_PASSWORD) },
    ...options,
  });
  return {
    ...fakes,
    server,
    async close() {
      await server.close();
      await fakes.closeFakes();
    },
  };
}

/** Slack's signature headers for a raw body. */
export function slackHeaders(body: string | Buffer, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = createHmac('sha256', SLACK_SECRET).update(`v0:${timestamp}:`).update(body).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${signature}` };
}

/** What a response must never show a caller: a stack trace, a file path, an error's inner message. */
export const LEAK = /\n\s+at\s|node_modules|\/work\/|\.[cm]?[jt]s:\d+|\b(TypeError|RangeError|SyntaxError|ReferenceError)\b|<pre>/;
