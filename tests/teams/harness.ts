// Test harness for Teams end-to-end tests: the real server and CloudAdapter against a local identity service and connector.
import { startTestServer } from './../server.js';
import { withFixture } from '../cli.js';
import { rmSync } from 'node:fs';
import { type RunningServer } from '../../src/app/server.js';
import { FakeTeamsConnector } from '../../fakes/teams-connector.js';
import { FakeBotFrameworkIdentity, type ChannelTokenClaims } from '../../fakes/teams-identity.js';

export const APP_ID = '6b1e3c52-9d4f-4a7e-b0c1-2f3a4b5c6d7e';
export const APP_PASSWORD = 'test-only-secret';
export const BOT = { id: `28:${APP_ID}`, name: 'Workshop Assistant' };

export interface TeamsHarness {
  server: RunningServer;
  identity: FakeBotFrameworkIdentity;
  connector: FakeTeamsConnector;
  /** POSTs an activity to /api/messages, signed as Teams would unless `token` says otherwise. */
  post(activity: Record<string, unknown>, opts?: { token?: string | null; claims?: Partial<ChannelTokenClaims> }): Promise<Response>;
  close(): Promise<void>;
}

let seq = 0;
/** A fresh activity id, so each test's messages are new deliveries. */
export const nextId = (): string => `${Date.now()}${String(++seq).padStart(4, '0')}`;

/** A personal-chat message activity from `user`, addressed to the fake connector. */
export function personalMessage(connector: FakeTeamsConnector, user: { id: string; name: string }, over: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: nextId(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    from: { ...user, aadObjectId: `aad-${user.id}` },
    recipient: BOT,
    conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    locale: 'en-US',
    ...over,
  };
}

/**
 * The server runs the fixture pack (tests/fixtures/pack) unless `env` names another CONTENT_DIR. `endorsements`: the
 * channels the fake signing key is endorsed for (the real Bot Framework keys serve many).
 */
export async function startTeamsHarness(env: Record<string, string> = {}, opts: { endorsements?: string[] } = {}): Promise<TeamsHarness> {
  const identity = await FakeBotFrameworkIdentity.start({ endorsements: opts.endorsements ?? ['msteams'] });
  const connector = await FakeTeamsConnector.start();
  const server = await startTestServer(
    {
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: APP_PASSWORD,
    ToBotFromChannelOpenIdMetadataUrl: identity.metadataUrl,
    ...withFixture(env),
    },
    { overrides: { teamsCredentialsFactory: identity.credentialsFactory(APP_ID, APP_PASSWORD) } },
  );
  return {
    server,
    identity,
    connector,
    async post(activity, opts = {}) {
      const token =
        opts.token !== undefined
          ? opts.token
          : await identity.channelToken({ appId: APP_ID, serviceUrl: String(activity.serviceUrl), ...opts.claims });
      return fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(activity),
      });
    },
    async close() {
      await server.close();
      await connector.close();
      await identity.close();
      rmSync(server.dir, { recursive: true, force: true });
    },
  };
}

/** The text a person sees in a sent activity: its text, or its card's TextBlocks joined by lines. */
export function visibleText(activity: { text?: string; attachments?: { content?: { body?: { text?: string }[] } }[] }): string {
  if (activity.text) return activity.text;
  const body = activity.attachments?.[0]?.content?.body ?? [];
  return body.map((b) => b.text ?? '').join('\n').trim();
}
