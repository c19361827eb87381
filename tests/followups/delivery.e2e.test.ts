// End to end through startServer: a cohort on Telegram, Slack and the console gets a follow-up once each,
// through injected 429s, 5xx answers and a person who blocked the bot; the trainer gets the delivery report.
import { startTestServer } from './../server.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '../../src/app/server.js';
import { TestClock } from '../core/helpers.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { FakeTelegramApi, privateText, TEST_TOKEN, type Person } from '../../fakes/telegram-api.js';
import { BOT_TOKEN, directMessage, postEvent, SIGNING_SECRET } from '../slack/helpers.js';
import { allText } from './harness.js';

const SECRET = 'followup-e2e_secret';
const TRAINER: Person = { id: 4100, first_name: 'Tala', last_name: 'Trainer' };
const MEMBERS: Person[] = [
  { id: 4201, first_name: 'Ana' },
  { id: 4202, first_name: 'Ben' },
  { id: 4203, first_name: 'Cara' },
  { id: 4204, first_name: 'Dev', last_name: 'Blocked' },
];
const BLOCKED = MEMBERS[3];
const SLACK_USER = 'U0MEMBER1';
const MESSAGE = 'Please read section 3 before Monday.';

let telegram: FakeTelegramApi;
let slack: FakeSlackApi;
let server: RunningServer;
const clock = new TestClock();

const okSends = (chatId: number) => telegram.callsTo('sendMessage').filter((c) => Number(c.body.chat_id) === chatId && c.status === 200);
const textsTo = (chatId: number) => okSends(chatId).map((c) => String(c.body.text));
const tg = async (text: string, from: Person) => expect(await telegram.deliverUpdate(server.url, privateText(text, from), SECRET)).toBe(200);

beforeAll(async () => {
  telegram = await FakeTelegramApi.start();
  slack = await new FakeSlackApi().start();
  server = await startTestServer(
    {
    SCHEDULER_DISABLED: 'false',
    TRAINERS: `telegram:${TRAINER.id}`,
    SCHEDULER_INTERVAL_MS: '50',
    TELEGRAM_BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: telegram.url,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_BOT_USERNAME: 'WorkshopTestBot',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    },
    { clock },
  );
});

afterAll(async () => {
  await server?.close();
  await telegram?.close();
  await slack?.close();
});

describe('a follow-up across platforms, end to end', () => {
  it('reaches every reachable member exactly once through 429, 5xx and 403, and reports the blocked one', async () => {
    await tg('/cohort new Across platforms', TRAINER);
    const code = /Join code: ([A-Z0-9]{6})/.exec(textsTo(TRAINER.id).join('\n'))![1];
    expect(textsTo(TRAINER.id).join('\n')).toContain(`https://t.me/WorkshopTestBot?start=${code}`);

    for (const m of MEMBERS) await tg(`/join ${code}`, m);
    expect(textsTo(MEMBERS[0]!.id).join('\n')).toContain('Welcome to "Across platforms"');
    expect((await postEvent(server.url, directMessage(SLACK_USER, 'D0MEMBER1', `/join ${code}`))).status).toBe(200);
    await slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage' && String(c.body.text).includes('Welcome')));
    const consoleKey = 'console:cleo';
    allText(
      await server.runtime.bot.handle({
        user: { platform: 'console', id: 'cleo', name: 'Cleo' },
        conversation: { id: consoleKey, type: 'direct' },
        address: { userKey: consoleKey },
        text: `/join ${code}`,
      }),
    );

    await tg(`/followup ${code} in 10 minutes ${MESSAGE}`, TRAINER);
    expect(textsTo(TRAINER.id).join('\n')).toMatch(/Follow-up \S+ scheduled for Fri 27 Nov 2026, 08:10 \(UTC\)[\s\S]*6 members now/);

    // The platform misbehaves: the first sends are refused with a 429, then two 5xx; one member has blocked the bot.
    telegram.failNext('sendMessage', { status: 429, retryAfter: 1 });
    telegram.failNext('sendMessage', { status: 500, times: 2 });
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    telegram.block(BLOCKED!.id);
    const sentBefore = telegram.callsTo('sendMessage').length;

    // Time passes on the scheduler's clock, ten times faster than real time, until the trainer has the report.
    const pump = setInterval(() => clock.advance(1000), 100);
    try {
      clock.advance(10 * 60_000);
      await telegram.waitFor(() => textsTo(TRAINER.id).some((t) => t.includes('Sent: ')), 20_000);
    } finally {
      clearInterval(pump);
    }

    const followupSends = telegram.callsTo('sendMessage').slice(sentBefore);
    expect(followupSends.filter((c) => c.status === 429)).toHaveLength(1);
    expect(followupSends.filter((c) => c.status === 500)).toHaveLength(2);
    for (const m of MEMBERS.filter((x) => x !== BLOCKED)) {
      expect(textsTo(m.id).filter((t) => t.includes(MESSAGE)), `telegram:${m.id}`).toHaveLength(1);
    }
    expect(okSends(BLOCKED!.id).filter((c) => String(c.body.text).includes(MESSAGE))).toHaveLength(0);
    expect(followupSends.some((c) => Number(c.body.chat_id) === BLOCKED!.id && c.status === 403)).toBe(true);
    const slackPosts = slack.callsTo('chat.postMessage').filter((c) => String(c.body.text).includes(MESSAGE));
    expect(slackPosts.filter((c) => c.response?.ok === true)).toHaveLength(1);
    const inbox = (await server.runtime.consoleInbox.take(consoleKey)).flat();
    expect(allText(inbox).split(MESSAGE).length - 1).toBe(1);

    const report = textsTo(TRAINER.id).find((t) => t.includes('Sent: '))!;
    expect(report).toContain('Sent: 5 · Unreachable: 1 · Failed: 0 (of 6)');
    expect(report).toContain('Unreachable (blocked the bot or left the platform): Dev Blocked');
    expect((await server.runtime.store.getUser(`telegram:${BLOCKED!.id}`))?.reachable).toBe(false);
  });
});
