// The Teams adapter's two botbuilder workarounds (adapters/teams/sdk-workarounds.ts): pinned to the botbuilder
// version they were written for, and each checked to still take effect, so an upgrade fails here, loudly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOTBUILDER_VERSION } from '../../adapters/teams/sdk-workarounds.js';
import { createTeamsAuthentication } from '../../adapters/teams/settings.js';
import { BlackHole } from '../../fakes/black-hole.js';
import { FakeTeamsConnector } from '../../fakes/teams-connector.js';

const root = join(import.meta.dirname, '..', '..');
const installed = (pkg: string): string => (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

describe('pinned SDK version', () => {
  it.each(['botbuilder', 'botbuilder-core', 'botframework-connector'])('%s is the version the workarounds were written for', (pkg) => {
    expect(
      installed(pkg),
      `${pkg} changed: re-check each workaround in adapters/teams/sdk-workarounds.ts against the new version ` +
        '(whether a public API now does it; whether CloudAdapter still calls createConnectorFactory for proactive ' +
        'messages and still calls its client without options), then update BOTBUILDER_VERSION there.',
    ).toBe(BOTBUILDER_VERSION);
  });
});

describe('the workarounds still take effect', () => {
  let connector: FakeTeamsConnector;
  let hole: BlackHole;
  beforeAll(async () => {
    connector = await FakeTeamsConnector.start();
    hole = await BlackHole.start();
  });
  afterAll(async () => {
    await connector?.close();
    await hole?.close();
  });

  // Emulator settings (no app id): outbound calls carry no token, so no token service is needed.
  const adapterFor = (timeoutMs = 10_000) => new CloudAdapter(createTeamsAuthentication({}, { emulator: true, timeoutMs }));
  const reference = (serviceUrl: string): Partial<ConversationReference> => ({
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: 'a:personal-29:pin', conversationType: 'personal', isGroup: false, name: '' },
    bot: { id: '28:bot', name: 'Bot' },
    user: { id: '29:pin', name: 'Pin' },
  });

  it('proactive messages reuse one connector client per service URL (createConnectorFactory is still the way in)', async () => {
    const adapter = adapterFor();
    const clients: unknown[] = [];
    for (let i = 0; i < 2; i++) {
      await adapter.continueConversationAsync('', reference(connector.url), async (context: TurnContext) => {
        clients.push(context.turnState.get(adapter.ConnectorClientKey));
        await context.sendActivity('hello');
      });
    }
    expect(clients[0]).toBeDefined();
    expect(clients[1]).toBe(clients[0]);
    expect(connector.calls).toHaveLength(2);
  });

  it('a connector call that never answers fails after the timeout (the client still honours options.timeout)', async () => {
    const adapter = adapterFor(300);
    const started = Date.now();
    const sent = adapter.continueConversationAsync('', reference(hole.url), async (context: TurnContext) => {
      await context.sendActivity('hello');
    });
    await expect(sent).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(hole.connections).toBeGreaterThan(0);
  });
});
