// End to end: the real server (startServer) and core, updates posted to /telegram/webhook or served by getUpdates,
// replies observed at the local fake Bot API with the real grammY client.
import { startTestServer } from './../server.js';
import { fixtureEnv } from '../cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '../../src/app/server.js';
import { buttonPress, FakeTelegramApi, groupText, postUpdate, privateText, TEST_TOKEN, type Json, type Person } from '../../fakes/telegram-api.js';

const SECRET = 'e2e-secret_0123456789';
const QUESTION = 'What are the 3Ms of a digital utility?';

let personSeq = 7000;
/** A new person per test, so sessions and rate limits never leak between tests. */
const newPerson = (): Person => ({ id: personSeq++, first_name: 'Mere', last_name: 'Tavita' });

function startWithTelegram(api: FakeTelegramApi, env: Record<string, string>): Promise<RunningServer> {
  return startTestServer({ ...fixtureEnv(), TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: api.url, ...env });
}

const textsTo = (api: FakeTelegramApi, chatId: number): string[] =>
  api.callsTo('sendMessage').filter((c) => c.body.chat_id === chatId && c.status === 200).map((c) => String(c.body.text));

/**
 * Runs a readiness self-assessment by pressing 'Yes' under every question. `deliver` hands an update
 * to the bot and resolves once the bot has finished with it.
 */
async function readinessAllYes(api: FakeTelegramApi, person: Person, deliver: (u: Json) => Promise<void>): Promise<number> {
  await deliver(privateText('/readiness', person));
  let presses = 0;
  for (;;) {
    const question = api.lastMessageWithButtons(person.id);
    if (!question) break;
    const edits = api.callsTo('editMessageText').length;
    await deliver(buttonPress(question, 'Yes', person));
    presses++;
    expect(api.callsTo('editMessageText').length).toBe(edits + 1);
    if (presses > 40) throw new Error('the assessment did not end');
  }
  return presses;
}

function expectReadinessResult(api: FakeTelegramApi, person: Person, presses: number): void {
  // The fixture pack has six indicators.
  expect(presses).toBe(6);
  const mine = (method: string) => api.callsTo(method).filter((c) => c.body.chat_id === person.id || c.body.chat_id === String(person.id));
  // Every press was answered and its question edited to show the answer, buttons gone.
  expect(api.callsTo('answerCallbackQuery').filter((c) => c.status === 200).length).toBeGreaterThanOrEqual(6);
  const edits = mine('editMessageText');
  expect(edits).toHaveLength(6);
  for (const e of edits) {
    expect(e.body.text).toMatch(/Your answer: Yes/);
    expect(e.body.reply_markup).toBeUndefined();
  }
  expect(textsTo(api, person.id).some((t) => /^Your readiness: 6\/6 \(Advanced\)$/m.test(t))).toBe(true);
  const [photo] = mine('sendPhoto');
  expect(photo!.status).toBe(200);
  expect(photo!.body.photo.data.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
}

describe('Telegram end to end: webhook', () => {
  let api: FakeTelegramApi;
  let server: RunningServer;
  /** Posts as Telegram would; `secret: null` sends no secret header at all. */
  const post = (u: Json, secret: string | null = SECRET) => api.deliverUpdate(server.url, u, secret ?? undefined);

  beforeAll(async () => {
    api = await FakeTelegramApi.start();
    server = await startWithTelegram(api, { TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_WEBHOOK_URL: 'https://bot.example.org' });
  });
  afterAll(async () => {
    await server?.close();
    await api?.close();
  });

  it('at start learned its name with getMe, set the command menu and registered the webhook with the secret', () => {
    expect(api.callsTo('getMe')).toHaveLength(1);
    expect(api.callsTo('setMyCommands')[0]!.body.commands.map((c: Json) => c.command)).toContain('readiness');
    expect(api.callsTo('setWebhook')[0]!.body).toMatchObject({ url: 'https://bot.example.org/telegram/webhook', secret_token: SECRET });
  });

  it('answers a question in a private chat with a cited answer', async () => {
    const person = newPerson();
    const expected = server.runtime.answerer.answer(QUESTION);
    expect(expected.answered).toBe(true);
    expect(await post(privateText(QUESTION, person))).toBe(200);
    const [reply] = textsTo(api, person.id);
    expect(reply).toBe(expected.text);
    expect(reply).toContain('Source');
    expect(api.callsTo('sendMessage').at(-1)?.body.parse_mode).toBeUndefined();
  });

  it('runs the readiness self-assessment on buttons alone, ending in 6/6 and a chart', async () => {
    const person = newPerson();
    const presses = await readinessAllYes(api, person, async (u) => {
      expect(await post(u)).toBe(200);
    });
    expectReadinessResult(api, person, presses);
  });

  it('refuses a wrong or missing secret with 401 and processes nothing', async () => {
    const person = newPerson();
    const update = privateText(QUESTION, person);
    const before = api.calls.length;
    expect(await post(update, null)).toBe(401);
    expect(await post(update, 'not-the-secret')).toBe(401);
    expect(api.calls.length).toBe(before);
    // Not even marked as seen: the genuine delivery of the same update is still answered.
    expect(await post(update)).toBe(200);
    expect(textsTo(api, person.id)).toHaveLength(1);
  });

  it('answers a redelivered update once', async () => {
    const person = newPerson();
    const update = privateText(QUESTION, person);
    expect(await post(update)).toBe(200);
    expect(await post(update)).toBe(200);
    expect(textsTo(api, person.id)).toHaveLength(1);
  });

  it('waits out a 429 (retry_after 1) and delivers each message once', async () => {
    // A quiz starts with two messages: the bot sends the first itself (and meets the 429); the question goes
    // back in the webhook response.
    const person = newPerson();
    api.failNext('sendMessage', { status: 429, retryAfter: 1 });
    expect(await post(privateText('/quiz', person))).toBe(200);
    const attempts = api.callsTo('sendMessage').filter((c) => c.body.chat_id === person.id);
    expect(attempts.map((c) => [c.status, Boolean(c.viaWebhookReply)])).toEqual([[429, false], [200, false], [200, true]]);
    expect(textsTo(api, person.id)).toEqual([expect.stringContaining('Knowledge quiz'), expect.stringContaining('Question 1 of')]);
  });

  it('in a group ignores plain talk and answers a mention', async () => {
    const person = newPerson();
    const chat = { id: -100_424_242, type: 'supergroup', title: 'Cohort chat' };
    expect(await post(groupText(QUESTION, { from: person, chat }))).toBe(200);
    expect(textsTo(api, chat.id)).toEqual([]);
    expect(await post(groupText(`@WorkshopTestBot ${QUESTION}`, { from: person, chat }))).toBe(200);
    expect(textsTo(api, chat.id)).toEqual([server.runtime.answerer.answer(QUESTION).text]);
  });

  it('/forget offers Yes and No buttons; No erases nothing and says so', async () => {
    const person = newPerson();
    await post(privateText('/quiz 1', person));
    await post(privateText('/forget', person));
    const question = api.lastMessageWithButtons(person.id)!;
    expect(((question.reply_markup?.inline_keyboard ?? []) as Json[][]).flat().map((b) => b.text)).toEqual(['Yes', 'No']);
    await post(buttonPress(question, 'No', person));
    expect(textsTo(api, person.id).at(-1)).toBe('Nothing was erased: your answers, results and cohorts are kept as they were.');
    expect(await server.runtime.store.listSessions(`telegram:${person.id}`)).toHaveLength(1);
  });

  it("keeps each person's Telegram name (first and last) and follows a change of it, for trainers' exports", async () => {
    const person = newPerson();
    await server.runtime.store.createCohort({ id: 'c-tg-names', code: 'TGNAME', name: 'Names', createdBy: 'telegram:1', createdAt: new Date() });
    await post(privateText('/join TGNAME', person));
    expect(await server.runtime.store.listMembers('c-tg-names')).toMatchObject([{ key: `telegram:${person.id}`, name: 'Mere Tavita' }]);
    await post(privateText('hello', { ...person, last_name: 'Tavita-Kila' }));
    expect(await server.runtime.store.listMembers('c-tg-names')).toMatchObject([{ name: 'Mere Tavita-Kila' }]);
  });

  it('turns a deep link (t.me/bot?start=CODE, arriving as /start CODE) into joining that cohort', async () => {
    const person = newPerson();
    await server.runtime.store.createCohort({ id: 'c-tg-1', code: 'K7MPQ2', name: 'Suva 2026', createdBy: 'telegram:1', createdAt: new Date() });
    await post(privateText('/start K7MPQ2', person));
    expect(textsTo(api, person.id)).toEqual([expect.stringContaining('Welcome to "Suva 2026"')]);
    // The person is now a member, with their private chat as the follow-up address.
    const [member] = await server.runtime.store.listMembers('c-tg-1');
    expect(member).toMatchObject({ key: `telegram:${person.id}`, address: { chatId: person.id }, reachable: true });
    // A bare /start greets instead.
    await post(privateText('/start', person));
    expect(textsTo(api, person.id).at(-1)).toMatch(/^Hello!/);
  });
});

describe('Telegram end to end: long polling', () => {
  let api: FakeTelegramApi;
  let server: RunningServer;
  /** Queues an update for getUpdates and waits until the bot has sent everything for it. */
  const deliver = async (u: Json) => {
    const before = api.visibleCalls().length;
    api.queueUpdate(u);
    // grammY asks for the next batch (offset past this update) only once it has finished with this one.
    await api.waitFor(() => api.highestOffset > u.update_id);
    expect(api.visibleCalls().length).toBeGreaterThan(before);
  };

  beforeAll(async () => {
    api = await FakeTelegramApi.start();
    server = await startWithTelegram(api, {});
  });
  afterAll(async () => {
    await server?.close();
    await api?.close();
  });

  it('polls (after clearing any webhook) instead of serving a webhook route', async () => {
    expect(api.callsTo('deleteWebhook')).toHaveLength(1);
    expect(await postUpdate(server.url, privateText('hi'), undefined)).toBe(404);
  });

  it('answers a question with a cited answer', async () => {
    const person = newPerson();
    await deliver(privateText(QUESTION, person));
    expect(textsTo(api, person.id)).toEqual([server.runtime.answerer.answer(QUESTION).text]);
  });

  it('runs the readiness self-assessment on buttons alone', async () => {
    const person = newPerson();
    const presses = await readinessAllYes(api, person, deliver);
    expectReadinessResult(api, person, presses);
  });

  it('stops polling promptly when the server closes: the held getUpdates is cancelled, not waited out', async () => {
    await api.waitFor(() => api.pendingPolls === 1);
    await server.close();
    // 499: the bot hung up on its 25-second long poll (a poll left to run out would end with 200).
    const aborted = await api.waitFor(() => api.callsTo('getUpdates').find((c) => c.status === 499));
    expect(aborted.body).toMatchObject({ timeout: 25 });
    // And it confirmed the offset of what it handled with a short call, so nothing is handled twice after a restart.
    expect(api.callsTo('getUpdates').some((c) => c.body.limit === 1 && !c.body.timeout)).toBe(true);
    expect(api.pendingPolls).toBe(0);
  });
});
