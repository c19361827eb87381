// Teams authentication end to end: real JWT checks refuse bad tokens; no app id refuses to start unless emulator mode.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTeamsAdapter } from '../../adapters/teams/index.js';
import { loadConfig } from '../../src/app/config.js';
import { startServer } from '../../src/app/server.js';
import { systemClock } from '../../src/core/adapter.js';
import type { Store } from '../../src/store/types.js';
import { FakeTeamsConnector } from '../../fakes/teams-connector.js';
import { APP_ID, personalMessage, startTeamsHarness, type TeamsHarness } from './harness.js';
import { cacheEnv } from '../cli.js';

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('inbound JWT validation', () => {
  const cases: [string, (a: { serviceUrl: string }) => Promise<string | null>][] = [
    ['missing', async () => null],
    ['expired', (a) => h.identity.channelToken({ appId: APP_ID, serviceUrl: a.serviceUrl, expiresIn: -3600 })],
    ['for another bot (wrong audience)', (a) => h.identity.channelToken({ appId: APP_ID, audience: '00000000-0000-0000-0000-000000000000', serviceUrl: a.serviceUrl })],
    ['for another serviceUrl', () => h.identity.channelToken({ appId: APP_ID, serviceUrl: 'https://smba.trafficmanager.net/amer/' })],
    ['from another issuer', (a) => h.identity.channelToken({ appId: APP_ID, serviceUrl: a.serviceUrl, issuer: 'https://evil.example' })],
    ['signed with a key not in the JWKS', (a) => h.identity.channelToken({ appId: APP_ID, serviceUrl: a.serviceUrl, foreignKey: true })],
  ];

  test.each(cases)('a %s token gets 401 and nothing is processed', async (_name, makeToken) => {
    const user = { id: `29:intruder-${Math.random().toString(36).slice(2)}`, name: 'Mallory' };
    const activity = personalMessage(h.connector, user, { text: '/readiness' });
    const before = h.connector.calls.length;
    const res = await h.post(activity, { token: await makeToken(activity) });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toMatch(/at .*\.js/);
    expect(h.connector.calls.length).toBe(before);
    expect(await h.server.runtime.store.getUser(`teams:${user.id}`)).toBeUndefined();
  });

  test("an activity from a channel the signing key is not endorsed for is refused", async () => {
    // The JWKS key carries endorsements ['msteams']; a valid token on a 'slack' activity must not pass.
    const activity = personalMessage(h.connector, { id: '29:endorse-1', name: 'Ned' }, { channelId: 'slack', text: 'hi' });
    const before = h.connector.calls.length;
    expect((await h.post(activity)).status).toBe(401);
    expect(h.connector.calls.length).toBe(before);
  });

  test('the same activity with a good token is answered (the refusals above were about the token)', async () => {
    const activity = personalMessage(h.connector, { id: '29:good-1', name: 'Gus' }, { text: '/help' });
    const before = h.connector.calls.length;
    expect((await h.post(activity)).status).toBe(200);
    expect(h.connector.calls.length).toBe(before + 1);
  });
});

describe('other Bot Framework channels', () => {
  test('a correctly signed activity from Web Chat with a Teams trainer’s id is refused, and runs nothing', async () => {
    const aad = '5b8e2f4a-1c3d-4e6f-8a9b-0c1d2e3f4a5b';
    const trainer = { id: '29:trainer-webchat', name: 'Tess' };
    const from = { ...trainer, aadObjectId: aad };
    // Bot Framework's real signing keys are endorsed for Web Chat too, so the token alone does not stop it.
    const multi = await startTeamsHarness({ TRAINERS: `teams:${aad}` }, { endorsements: ['msteams', 'webchat', 'directline'] });
    try {
      for (const channelId of ['webchat', 'directline']) {
        const res = await multi.post(personalMessage(multi.connector, trainer, { channelId, from, text: '/cohort new Taken over' }));
        expect(res.status, channelId).toBe(403);
        expect(multi.connector.calls, channelId).toEqual([]);
      }
      expect(await multi.server.runtime.store.listCohorts()).toEqual([]);
      expect(await multi.server.runtime.store.getUser(`teams:${aad}`)).toBeUndefined();
      // The same trainer from Teams itself is served.
      expect((await multi.post(personalMessage(multi.connector, trainer, { from, text: '/cohort new Riverton 2027' }))).status).toBe(200);
      expect((await multi.server.runtime.store.listCohorts()).map((c) => c.name)).toEqual(['Riverton 2027']);
    } finally {
      await multi.close();
    }
  });
});

describe('without an app id', () => {
  const deps = () => ({
    core: { handle: async () => [] },
    store: {} as Store,
    logger: pino({ level: 'silent' }),
    clock: systemClock,
  });

  test('createTeamsAdapter refuses with a message that says what to set', async () => {
    await expect(createTeamsAdapter({ env: { MicrosoftAppPassword: 'x' }, emulator: false }, deps())).rejects.toThrow(
      /Teams needs MicrosoftAppId.*TEAMS_EMULATOR=true/s,
    );
    await expect(createTeamsAdapter({ env: { MicrosoftAppId: '   ' }, emulator: false }, deps())).rejects.toThrow(/MicrosoftAppId/);
  });

  test('startServer refuses to start Teams without it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-noid-'));
    try {
      const config = loadConfig({
        PORT: '0',
        LOG_LEVEL: 'silent',
        DATABASE_URL: `sqlite:${join(dir, 'bot.db')}`,
        DATA_DIR: dir,
        ...cacheEnv(),
        SCHEDULER_DISABLED: 'true',
        MicrosoftAppPassword: 'a-password-without-an-id',
      });
      await expect(startServer(config)).rejects.toThrow(/Teams needs MicrosoftAppId.*TEAMS_EMULATOR=true/s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('emulator mode works without one, on 127.0.0.1, with a loud warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-emu-'));
    const connector = await FakeTeamsConnector.start();
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const config = loadConfig({
      PORT: '0',
      LOG_LEVEL: 'warn',
      DATABASE_URL: `sqlite:${join(dir, 'bot.db')}`,
      DATA_DIR: dir,
      ...cacheEnv(),
      SCHEDULER_DISABLED: 'true',
      TEAMS_EMULATOR: 'true',
    });
    const server = await startServer(config, { logger });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
      expect(lines.join('\n')).toMatch(/EMULATOR MODE.*authentication is OFF/);
      const activity = personalMessage(connector, { id: 'emu-user', name: 'Local' }, { channelId: 'emulator', conversation: { id: 'emu-conv' }, text: '/help' });
      const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      expect(res.status).toBe(200);
      expect(connector.calls).toHaveLength(1);
      expect(connector.calls[0]!.body.text).toContain('/readiness');
      expect(connector.calls[0]!.authorization).toBeUndefined();
      // Emulator mode serves the Emulator (and Teams), no other channel.
      const webchat = { ...activity, id: 'emu-2', channelId: 'webchat' };
      const refused = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(webchat) });
      expect(refused.status).toBe(403);
      expect(connector.calls).toHaveLength(1);
    } finally {
      await server.close();
      await connector.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
