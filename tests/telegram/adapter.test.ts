// The Telegram adapter against the local fake Bot API and a tiny core written here: transport, buttons, errors, messenger.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramAdapter, type TelegramAdapterConfig } from '../../adapters/telegram/index.js';
import { commandMenu } from '../../src/app/commands.js';
import { createRequestListener } from '../../src/app/server.js';
import { fixtureContent } from '../quiz/fixture.js';
import type { PlatformAdapter } from '../../src/core/adapter.js';
import { DeliveryError, text, type BotCore, type Incoming } from '../../src/core/messages.js';
import { createStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { ALICE, buttonPress, FakeTelegramApi, groupText, postUpdate, privateText, TEST_TOKEN } from '../../fakes/telegram-api.js';

const SECRET = 'test-secret_123';

/** A stand-in core: echoes text, walks a two-question button flow, throws on 'boom'. */
function tinyCore() {
  const seen: Incoming[] = [];
  const core: BotCore = {
    async handle(m) {
      seen.push(m);
      if (m.conversation.type === 'group' && !m.addressed) return [];
      if (m.action === 'q1:yes') return [{ kind: 'update', text: 'Q1? — Yes' }, text('Q2?', [{ label: 'Yes', value: 'q2:yes' }])];
      if (m.action === 'q2:yes') return [{ kind: 'update', text: 'Q2? — Yes' }, text('Done: 2/2')];
      if (m.text === 'boom') throw new Error('the core failed');
      if (m.text === 'twice') return [text('First'), text('Second')];
      if (m.text === 'slow') {
        await new Promise((resolve) => setTimeout(resolve, 400));
        return [text('First'), text('Second')];
      }
      if (m.text === '/quiz') return [text('Q1?', [{ label: 'Yes', value: 'q1:yes' }, { label: 'No', value: 'q1:no' }])];
      return [text(`You said: ${m.text}`)];
    },
  };
  return { core, seen };
}

interface Harness {
  api: FakeTelegramApi;
  store: Store;
  adapter: PlatformAdapter;
  url: string;
  seen: Incoming[];
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function harness(cfg: Partial<TelegramAdapterConfig> = {}, shared?: { api: FakeTelegramApi; store: Store }): Promise<Harness> {
  const api = shared?.api ?? (await FakeTelegramApi.start());
  const store = shared?.store ?? (await createStore({ url: 'sqlite::memory:' }));
  if (!shared) {
    await store.migrate();
    cleanups.push(() => api.close(), () => store.close());
  }
  const { core, seen } = tinyCore();
  const adapter = await createTelegramAdapter(
    { token: TEST_TOKEN, apiRoot: api.url, ...cfg },
    { core, store, logger: pino({ level: 'silent' }), clock: { now: () => new Date() }, menu: commandMenu(fixtureContent()).commands },
  );
  // The adapter's node routes as the server serves them (src/app/server.ts), anything else a 404.
  const listener = createRequestListener({
    nodeRoutes: adapter.nodeRoutes ?? [],
    fallback: (_req, res) => {
      res.writeHead(404).end();
    },
    logger: pino({ level: 'silent' }),
  });
  const server: Server = createServer(listener).listen(0, '127.0.0.1');
  await once(server, 'listening');
  await adapter.start();
  cleanups.push(async () => {
    await adapter.stop();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  return { api, store, adapter, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('start-up', () => {
  it('asks getMe for the bot identity, registers the command menu and the webhook with its secret', async () => {
    const h = await harness({ webhookSecret: SECRET, webhookUrl: 'https://bot.example.org' });
    expect(h.api.callsTo('getMe')).toHaveLength(1);
    const commands = h.api.callsTo('setMyCommands')[0]!.body.commands.map((c: { command: string }) => c.command);
    // From the command registry: tests/core/commands.test.ts checks it lists every menu command.
    expect(commands).toEqual(commandMenu(fixtureContent()).commands.map((c) => c.name));
    expect(commands).toEqual(expect.arrayContaining(['help', 'ask', 'quiz', 'readiness', 'join']));
    expect(h.api.callsTo('setWebhook')[0]!.body).toMatchObject({ url: 'https://bot.example.org/telegram/webhook', secret_token: SECRET });
  });

  it('skips getMe when the username is configured', async () => {
    const h = await harness({ webhookSecret: SECRET, username: 'WorkshopTestBot' });
    expect(h.api.callsTo('getMe')).toHaveLength(0);
    expect(h.api.callsTo('setWebhook')).toHaveLength(0);
  });

  it('refuses a malformed token or secret with a message naming the variable', async () => {
    const deps = { core: tinyCore().core, store: {} as Store, logger: pino({ level: 'silent' }), clock: { now: () => new Date() } };
    await expect(createTelegramAdapter({ token: 'not-a-token' }, deps)).rejects.toThrow(/TELEGRAM_BOT_TOKEN/);
    await expect(createTelegramAdapter({ token: TEST_TOKEN, webhookSecret: 'has spaces' }, deps)).rejects.toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });

  it('says so when Telegram refuses the token', async () => {
    const api = await FakeTelegramApi.start({ token: '1:other' });
    cleanups.push(() => api.close());
    const store = await createStore({ url: 'sqlite::memory:' });
    cleanups.push(() => store.close());
    const adapter = await createTelegramAdapter(
      { token: TEST_TOKEN, apiRoot: api.url, webhookSecret: SECRET },
      { core: tinyCore().core, store, logger: pino({ level: 'silent' }), clock: { now: () => new Date() } },
    );
    await expect(adapter.start()).rejects.toThrow(/TELEGRAM_BOT_TOKEN: Telegram refused it/);
  });
});

describe('webhook', () => {
  it('has no route at all without a secret', async () => {
    const h = await harness({ username: 'WorkshopTestBot', pollTimeoutSeconds: 1 });
    expect(h.adapter.nodeRoutes).toBeUndefined();
    expect(h.adapter.routes).toBeUndefined();
    expect(await postUpdate(h.url, privateText('hi'), undefined)).toBe(404);
  });

  it('answers 401 to a wrong or missing secret and processes nothing', async () => {
    const h = await harness({ webhookSecret: SECRET });
    const before = h.api.calls.length;
    expect(await postUpdate(h.url, privateText('hi'), undefined)).toBe(401);
    expect(await postUpdate(h.url, privateText('hi'), 'wrong-secret_123')).toBe(401);
    expect(await postUpdate(h.url, privateText('hi'), SECRET.slice(0, -1))).toBe(401);
    expect(h.api.calls.length).toBe(before);
    expect(h.seen).toEqual([]);
  });

  it('answers 400 to a body that is not an update', async () => {
    const h = await harness({ webhookSecret: SECRET });
    const res = await fetch(`${h.url}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
      body: '{"update_id": "x"',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/at .*\.js/);
    expect(await postUpdate(h.url, { hello: 1 }, SECRET)).toBe(400);
    expect(h.seen).toEqual([]);
  });

  it('replies in the chat, and in groups only when addressed, quoting the message answered', async () => {
    const h = await harness({ webhookSecret: SECRET });
    expect(await h.api.deliverUpdate(h.url, privateText('What is e_gov <b>?'), SECRET)).toBe(200);
    expect(h.api.callsTo('sendMessage')[0]!.body).toMatchObject({ chat_id: ALICE.id, text: 'You said: What is e_gov <b>?' });
    expect(h.api.callsTo('sendMessage')[0]!.body.parse_mode).toBeUndefined();

    await h.api.deliverUpdate(h.url, groupText('lovely weather'), SECRET);
    expect(h.api.callsTo('sendMessage')).toHaveLength(1);
    const mention = groupText('@WorkshopTestBot what is GovStack?');
    await h.api.deliverUpdate(h.url, mention, SECRET);
    expect(h.api.callsTo('sendMessage')[1]!.body).toMatchObject({
      text: 'You said: what is GovStack?',
      reply_parameters: { message_id: mention.message.message_id, allow_sending_without_reply: true },
    });
  });

  it('answers every press, edits the pressed question, and sends the next one as a new message', async () => {
    const h = await harness({ webhookSecret: SECRET });
    await h.api.deliverUpdate(h.url, privateText('/quiz'), SECRET);
    const q1 = h.api.lastMessageWithButtons(ALICE.id)!;
    await h.api.deliverUpdate(h.url, buttonPress(q1, 'Yes'), SECRET);
    const q2 = h.api.lastMessageWithButtons(ALICE.id)!;
    expect(q2.text).toBe('Q2?');
    await h.api.deliverUpdate(h.url, buttonPress(q2, 'Yes'), SECRET);

    expect(h.api.callsTo('answerCallbackQuery')).toHaveLength(2);
    expect(h.api.callsTo('editMessageText').map((c) => [c.body.message_id, c.body.text])).toEqual([
      [q1.message_id, 'Q1? — Yes'],
      [q2.message_id, 'Q2? — Yes'],
    ]);
    // The edited questions lost their buttons.
    expect(h.api.messages.get(`${ALICE.id}:${q1.message_id}`)?.reply_markup).toBeUndefined();
    expect(h.api.callsTo('sendMessage').at(-1)?.body.text).toBe('Done: 2/2');
  });

  it("puts a reply's last message in the webhook response and sends the ones before it itself, in order", async () => {
    const h = await harness({ webhookSecret: SECRET });
    const res = await fetch(`${h.url}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
      body: JSON.stringify(privateText('twice')),
    });
    expect(res.status).toBe(200);
    // What Telegram reads as a call to make: the last message, addressed to the chat.
    expect(await res.json()).toMatchObject({ method: 'sendMessage', chat_id: ALICE.id, text: 'Second' });
    expect(h.api.callsTo('sendMessage').map((c) => c.body.text)).toEqual(['First']);

    expect(await h.api.deliverUpdate(h.url, privateText('twice'), SECRET)).toBe(200);
    const sends = h.api.callsTo('sendMessage').slice(1);
    expect(sends.map((c) => [c.body.text, Boolean(c.viaWebhookReply)])).toEqual([['First', false], ['Second', true]]);
  });

  it('sends a reply that comes after the webhook has answered (handling took longer than its time) as ordinary requests', async () => {
    // Telegram's webhook gets its answer at 150 ms here (10 s in production); the core takes 400 ms.
    const h = await harness({ webhookSecret: SECRET, webhookTimeoutMs: 150 });
    const started = Date.now();
    expect(await h.api.deliverUpdate(h.url, privateText('slow'), SECRET)).toBe(200);
    expect(Date.now() - started).toBeLessThan(390);
    const sends = await h.api.waitFor((calls) => {
      const list = calls.filter((c) => c.method === 'sendMessage');
      return list.length >= 2 ? list : undefined;
    }, 5000);
    // Both messages arrive, in order, neither in the (long gone) webhook response, and no apology.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.api.callsTo('sendMessage').map((c) => [c.body.text, Boolean(c.viaWebhookReply), c.status])).toEqual([
      ['First', false, 200],
      ['Second', false, 200],
    ]);
    expect(sends).toHaveLength(2);
  });

  it('waits out a 429 and delivers each message once', async () => {
    const h = await harness({ webhookSecret: SECRET });
    h.api.failNext('sendMessage', { status: 429, retryAfter: 1 });
    expect(await h.api.deliverUpdate(h.url, privateText('twice'), SECRET)).toBe(200);
    const sends = h.api.callsTo('sendMessage');
    expect(sends.map((c) => c.status)).toEqual([429, 200, 200]);
    expect([...h.api.messages.values()].map((m) => m.text)).toEqual(['First', 'Second']);
  });

  it('tells the person kindly when the core fails, and asks for text when sent a sticker', async () => {
    const h = await harness({ webhookSecret: SECRET });
    expect(await h.api.deliverUpdate(h.url, privateText('boom'), SECRET)).toBe(200);
    expect(h.api.callsTo('sendMessage')[0]!.body.text).toMatch(/something went wrong/);
    const sticker = privateText('');
    delete sticker.message.text;
    sticker.message.sticker = { file_id: 'x' };
    await h.api.deliverUpdate(h.url, sticker, SECRET);
    expect(h.api.callsTo('sendMessage')[1]!.body.text).toMatch(/only read text/);
  });

  it('marks a person unreachable when they block the bot', async () => {
    const h = await harness({ webhookSecret: SECRET });
    await h.store.upsertUser({ key: `telegram:${ALICE.id}`, platform: 'telegram', address: { chatId: ALICE.id } }, new Date());
    const chat = { id: ALICE.id, type: 'private', first_name: 'Alice' };
    await h.api.deliverUpdate(h.url, {
      update_id: 1,
      my_chat_member: { chat, from: { id: ALICE.id, is_bot: false, first_name: 'Alice' }, date: 1, old_chat_member: { status: 'member', user: { id: 1, is_bot: true, first_name: 'b' } }, new_chat_member: { status: 'kicked', until_date: 0, user: { id: 1, is_bot: true, first_name: 'b' } } },
    }, SECRET);
    expect((await h.store.getUser(`telegram:${ALICE.id}`))?.reachable).toBe(false);
  });
});

describe('long polling', () => {
  it('takes updates from getUpdates, handles buttons, and stops promptly', async () => {
    // A long poll longer than the test timeout: only a real cancel lets stop() finish in time.
    const h = await harness({ pollTimeoutSeconds: 50 });
    h.api.queueUpdate(privateText('/quiz'));
    const q1 = await h.api.waitFor(() => h.api.lastMessageWithButtons(ALICE.id));
    h.api.queueUpdate(buttonPress(q1, 'Yes'));
    await h.api.waitFor(() => h.api.callsTo('editMessageText').length === 1);
    expect(h.api.callsTo('deleteWebhook')).toHaveLength(1);
    expect(h.api.callsTo('answerCallbackQuery')).toHaveLength(1);
    await h.api.waitFor(() => h.api.pendingPolls === 1);
    await h.adapter.stop();
    await h.api.waitFor(() => h.api.pendingPolls === 0);
    // The last call confirms the handled updates, so a restart does not see them again.
    const lastPress = h.seen.at(-1)!.deliveryId!.split(':')[1];
    expect(h.api.callsTo('getUpdates').at(-1)?.body).toMatchObject({ offset: Number(lastPress) + 1 });
    const polls = h.api.callsTo('getUpdates').length;
    h.api.queueUpdate(privateText('after stop'));
    await new Promise((r) => setImmediate(r));
    expect(h.api.callsTo('getUpdates').length).toBe(polls);
    expect(h.seen.map((m) => m.text)).not.toContain('after stop');
  });

  it('lets only one process poll: a second adapter on the same store does not', async () => {
    const first = await harness({});
    const second = await harness({}, { api: first.api, store: first.store });
    first.api.queueUpdate(privateText('hello'));
    await first.api.waitForCalls('sendMessage');
    expect(first.seen).toHaveLength(1);
    expect(second.seen).toHaveLength(0);
  });
});

describe('messenger', () => {
  it('sends follow-ups to { chatId } and maps Telegram refusals to DeliveryError', async () => {
    const h = await harness({ webhookSecret: SECRET });
    const m = h.adapter.messenger;
    expect(m.limits).toEqual({ perSecond: 30, perConversationPerSecond: 1 });
    await m.send({ chatId: ALICE.id }, [text('Reminder: session 2 tomorrow'), { kind: 'update', text: 'no message to edit' }]);
    expect(h.api.callsTo('sendMessage').map((c) => c.body.text)).toEqual(['Reminder: session 2 tomorrow', 'no message to edit']);

    h.api.failNext('sendMessage', { status: 429, retryAfter: 7 });
    await expect(m.send({ chatId: ALICE.id }, [text('x')])).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 7000 });
    h.api.block(ALICE.id);
    await expect(m.send({ chatId: ALICE.id }, [text('x')])).rejects.toMatchObject({ code: 'unreachable' });
    h.api.failNext('sendMessage', { status: 400, description: 'Bad Request: chat not found' });
    await expect(m.send({ chatId: 99 }, [text('x')])).rejects.toMatchObject({ code: 'unreachable' });
    h.api.failNext('sendMessage', { status: 500 });
    await expect(m.send({ chatId: 99 }, [text('x')])).rejects.toMatchObject({ code: 'transient' });
    await expect(m.send({ nope: 1 }, [text('x')])).rejects.toBeInstanceOf(DeliveryError);
  });
});
