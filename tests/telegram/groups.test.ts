// Trainers on Telegram: results asked for in a group go only to a private chat; confirmations on buttons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '../../src/app/server.js';
import { buttonPress, FakeTelegramApi, GROUP, groupText, privateText, TEST_TOKEN, type Json, type Person } from '../../fakes/telegram-api.js';
import { fixtureEnv } from '../cli.js';
import { startTestServer } from '../server.js';

const SECRET = 'groups-secret_0123456789';
const TRAINER: Person = { id: 5101, first_name: 'Tala', last_name: 'Trainer' };
const MEMBER: Person = { id: 5102, first_name: 'Mere', last_name: 'Tavita' };

let api: FakeTelegramApi;
let server: RunningServer;
let code: string;
const post = async (u: Json) => expect(await api.deliverUpdate(server.url, u, SECRET)).toBe(200);
const sent = (method: string, chatId: number) => api.callsTo(method).filter((c) => String(c.body.chat_id) === String(chatId) && c.status === 200);
const texts = (chatId: number) => sent('sendMessage', chatId).map((c) => String(c.body.text));

beforeAll(async () => {
  api = await FakeTelegramApi.start();
  server = await startTestServer({
    ...fixtureEnv(),
    TELEGRAM_BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: api.url,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_BOT_USERNAME: 'WorkshopTestBot',
    TRAINERS: `telegram:${TRAINER.id}`,
  });
  await post(privateText('/cohort new Riverton 2027', TRAINER));
  code = /Join code: ([A-Z0-9]{6})/.exec(texts(TRAINER.id).join('\n'))![1]!;
  await post(privateText(`/join ${code}`, MEMBER));
  await post(privateText('Where does the wombat registry keep its ledgers?', MEMBER));
});
afterAll(async () => {
  await server?.close();
  await api?.close();
});

describe('a follow-up confirmation on Telegram buttons', () => {
  it('"in 2 weeks a readiness re-check" asks with Yes / Change buttons; Yes schedules the readiness check', async () => {
    await post(privateText(`/followup ${code} in 2 weeks a readiness re-check`, TRAINER));
    const question = api.lastMessageWithButtons(TRAINER.id)!;
    expect(question.text).toMatch(new RegExp(`^Send a readiness re-check to ${code} \\(1 person\\) on .* at 09:00 `));
    const buttons = ((question.reply_markup?.inline_keyboard ?? []) as Json[][]).flat();
    expect(buttons.map((b) => b.text)).toEqual(['Yes', 'Change']);
    for (const b of buttons) expect(Buffer.byteLength(String(b.callback_data))).toBeLessThanOrEqual(64);
    await post(buttonPress(question, 'Yes', TRAINER));
    expect(texts(TRAINER.id).at(-1)).toMatch(/scheduled for .*, 09:00 \(.*\): a readiness re-check to "Riverton 2027"/);
  });
});

describe('trainer commands sent in a Telegram supergroup', () => {
  it('/export sends the CSV to the trainer privately and tells the group only that', async () => {
    const before = api.calls.length;
    await post(groupText(`/export@WorkshopTestBot ${code}`, { from: TRAINER }));
    const after = api.calls.slice(before);
    const [document] = after.filter((c) => c.method === 'sendDocument');
    expect(String(document!.body.chat_id)).toBe(String(TRAINER.id));
    expect(document!.body.document.data.toString('utf8')).toContain('Mere Tavita');
    expect(after.filter((c) => String(c.body.chat_id) === String(GROUP.id)).map((c) => [c.method, c.body.text])).toEqual([
      ['sendMessage', "I've sent it to you privately."],
    ]);
  });

  it('/cohorts, /report and /unanswered answer privately too; nothing about the cohort reaches the group', async () => {
    const before = api.calls.length;
    for (const command of ['/cohorts', `/report ${code}`, '/unanswered']) await post(groupText(command, { from: TRAINER }));
    const after = api.calls.slice(before);
    const toGroup = after.filter((c) => String(c.body.chat_id) === String(GROUP.id));
    expect(toGroup.map((c) => c.body.text)).toEqual(Array(3).fill("I've sent it to you privately."));
    const toTrainer = after.filter((c) => String(c.body.chat_id) === String(TRAINER.id)).map((c) => String(c.body.text)).join('\n');
    expect(toTrainer).toContain(code);
    expect(toTrainer).toContain('Report for "Riverton 2027"');
    expect(toTrainer).toContain('wombat registry');
  });

  it('refuses, and says how to get it, when the trainer has not started a private chat with the bot', async () => {
    api.block(TRAINER.id); // Telegram answers 403 for a private chat the person never opened (or blocked)
    const before = api.calls.length;
    await post(groupText(`/export ${code}`, { from: TRAINER }));
    const after = api.calls.slice(before);
    expect(after.filter((c) => c.method === 'sendDocument' && c.status === 200)).toEqual([]);
    const toGroup = after.filter((c) => String(c.body.chat_id) === String(GROUP.id) && c.status === 200);
    expect(toGroup).toHaveLength(1);
    expect(toGroup[0]!.body.text).toMatch(/only in a private chat.*t\.me\/WorkshopTestBot.*\/export/s);
    expect(toGroup[0]!.body.text).not.toContain('Mere');
  });

  it('a participant’s own commands still answer in the group', async () => {
    await post(groupText('/help', { from: MEMBER }));
    expect(texts(GROUP.id).at(-1)).toContain('/quiz');
  });
});

