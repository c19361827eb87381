// Every outbound call has a timeout: a Teams member whose service URL accepts connections and never answers
// gets a response to their own message, holds up nobody else's follow-ups, and does not stop a shutdown; the
// Telegram and Slack messengers give up on an API that stopped answering.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError, type Messenger } from '../../src/core/messages.js';
import { BlackHole } from '../../fakes/black-hole.js';
import { privateText, type Person } from '../../fakes/telegram-api.js';
import { waitUntil } from '../scale/harness.js';
import { startPlatforms, TEAMS_APP_ID, TELEGRAM_SECRET, type Platforms } from './server.js';

const TIMEOUT_MS = 400;
const TRAINER: Person = { id: 6100, first_name: 'Tala' };
const MEMBER: Person = { id: 6101, first_name: 'Ana' };
const LATER: Person = { id: 6102, first_name: 'Ben' };
const TEAMS_USER = { id: '29:dead-service-url', name: 'Hana' };

let p: Platforms;
let hole: BlackHole;

beforeAll(async () => {
  hole = await BlackHole.start();
  p = await startPlatforms({
    PLATFORM_TIMEOUT_MS: String(TIMEOUT_MS),
    FOLLOWUP_SEND_TIMEOUT_MS: String(TIMEOUT_MS * 3),
    SCHEDULER_DISABLED: 'false',
    SCHEDULER_INTERVAL_MS: '50',
    TRAINERS: `telegram:${TRAINER.id}`,
  });
});
afterAll(async () => {
  await p?.close();
  await hole?.close();
});

/** Resolves with `work`, or fails the test after `ms` (the bug this guards against is a request that never ends). */
const within = <T>(work: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([work, sleep(ms).then(() => Promise.reject(new Error(`${what} did not end within ${ms} ms`)))]);

async function teamsSays(text: string): Promise<Response> {
  const activity = {
    type: 'message',
    id: `dead-${Date.now()}-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl: hole.url,
    timestamp: new Date().toISOString(),
    from: { ...TEAMS_USER, aadObjectId: 'aad-dead' },
    recipient: { id: `28:${TEAMS_APP_ID}`, name: 'Workshop Assistant' },
    conversation: { id: 'a:personal-dead', conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    text,
  };
  const token = await p.identity.channelToken({ appId: TEAMS_APP_ID, serviceUrl: hole.url });
  return fetch(`${p.server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(activity),
  });
}

const tg = async (text: string, from: Person) => expect(await p.telegram.deliverUpdate(p.server.url, privateText(text, from), TELEGRAM_SECRET)).toBe(200);
const textsTo = (who: Person) => p.telegram.callsTo('sendMessage').filter((c) => Number(c.body.chat_id) === who.id && c.status === 200).map((c) => String(c.body.text));

describe('a Teams member whose service URL never answers', () => {
  let code = '';

  it('still gets an answer to their webhook request, once the reply gives up', async () => {
    await tg('/cohort new Dead ends', TRAINER);
    code = /Join code: ([A-Z0-9]{6})/.exec(textsTo(TRAINER).join('\n'))![1]!;
    const started = Date.now();
    const res = await within(teamsSays(`/join ${code}`), 10_000, 'the Teams webhook request');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 8);
    expect(hole.connections).toBeGreaterThan(0);
    // The join itself counted (the reply is what could not be delivered).
    expect((await p.server.runtime.store.listMembers((await p.server.runtime.store.getCohortByCode(code))!.id)).map((u) => u.key)).toContain(`teams:${TEAMS_USER.id}`);
  });

  it('holds up nobody: the rest of the cohort and a later Telegram-only follow-up go out', async () => {
    await tg(`/join ${code}`, MEMBER);
    await tg(`/followup ${code} now First message`, TRAINER);
    await waitUntil('the Telegram member to get the follow-up', () => textsTo(MEMBER).some((t) => t.includes('First message')), 5000, 25);

    await tg('/cohort new Telegram only', TRAINER);
    const code2 = [...textsTo(TRAINER).join('\n').matchAll(/Join code: ([A-Z0-9]{6})/g)].at(-1)![1];
    await tg(`/join ${code2}`, LATER);
    await tg(`/followup ${code2} now Second message`, TRAINER);
    await waitUntil('the later follow-up to go out', () => textsTo(LATER).some((t) => t.includes('Second message')), 5000, 25);

    // The Teams delivery was tried, gave up at its deadline, and waits for another try.
    await waitUntil('the Teams delivery to be put back for a later try', async () => {
      const store = p.server.runtime.store;
      const f = (await store.listFollowups()).find((x) => x.text === 'First message')!;
      const d = (await store.listDeliveries(f.id)).find((x) => x.userKey === `teams:${TEAMS_USER.id}`);
      return d && d.status === 'pending' && d.attempts >= 1 && d.error ? d : undefined;
    }, 5000, 50);
  });

  it('does not stop a shutdown', async () => {
    // Another try of the Teams delivery may be on its way to the black hole right now.
    const started = Date.now();
    await within(p.server.close(), 10_000, 'the shutdown');
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 8);
  });
});

describe('messengers on an API that stopped answering', () => {
  let q: Platforms;
  beforeAll(async () => {
    q = await startPlatforms({ PLATFORM_TIMEOUT_MS: String(TIMEOUT_MS) });
  });
  afterAll(async () => {
    await q?.close();
  });

  const messenger = (platform: string): Messenger => q.server.adapters.find((a) => a.platform === platform)!.messenger;

  async function failsInTime(send: Promise<void>): Promise<DeliveryError> {
    const started = Date.now();
    const err = await within(send.then(() => undefined, (e: unknown) => e), 10_000, 'the send');
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 6);
    expect(err).toBeInstanceOf(DeliveryError);
    return err as DeliveryError;
  }

  it('Telegram: a sendMessage that never answers fails as transient after the timeout', async () => {
    q.telegram.hang('sendMessage');
    const err = await failsInTime(messenger('telegram').send({ chatId: 777 }, [{ kind: 'text', text: 'Hello' }]));
    expect(err.code).toBe('transient');
  });

  it('Slack: a chat.postMessage that never answers fails as transient after the timeout', async () => {
    q.slack.hang('chat.postMessage');
    const err = await failsInTime(messenger('slack').send({ userId: 'U0HANG', channel: 'D0HANG' }, [{ kind: 'text', text: 'Hello' }]));
    expect(err.code).toBe('transient');
  });

  it('Teams: a service URL that never answers fails as transient after the timeout', async () => {
    const reference = { serviceUrl: hole.url, channelId: 'msteams', conversation: { id: 'a:personal-dead' }, user: TEAMS_USER, bot: { id: `28:${TEAMS_APP_ID}`, name: 'bot' } };
    const err = await failsInTime(messenger('teams').send(reference, [{ kind: 'text', text: 'Hello' }]));
    expect(err.code).toBe('transient');
  });
});
