// Retries on a held clock, through the real Telegram messenger and the local fake Bot API:
// a 429 is retried no sooner than Telegram asked, and a member whose sends keep failing is given up after 8 tries.
import { Api } from 'grammy';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramMessenger } from '../../adapters/telegram/messenger.js';
import type { Scheduler } from '../../src/followups/scheduler.js';
import { FakeTelegramApi, TEST_TOKEN } from '../../fakes/telegram-api.js';
import { allText, followupHarness, person, TRAINER, type Harness } from './harness.js';

let api: FakeTelegramApi;
let h: Harness;
let scheduler: Scheduler;
beforeAll(async () => {
  api = await FakeTelegramApi.start();
});
afterAll(async () => {
  await api.close();
});
beforeEach(async () => {
  h = await followupHarness();
  scheduler = h.scheduler({ telegram: createTelegramMessenger(new Api(TEST_TOKEN, { apiRoot: api.url })) });
});
afterEach(async () => {
  await h.close();
});

const sendsTo = (chatId: string) => api.callsTo('sendMessage').filter((c) => String(c.body.chat_id) === chatId);

async function cohortWith(chatId: string): Promise<string> {
  const code = await h.cohort();
  await person(h.rt, chatId, 'telegram').say(`/join ${code}`);
  await h.trainer.say(`/followup ${code} now Hello`);
  return code;
}

describe('retries', () => {
  it('waits as long as a 429 asks before trying again', async () => {
    await cohortWith('4301');
    api.failNext('sendMessage', { status: 429, retryAfter: 1 });
    await scheduler.tick();
    expect(sendsTo('4301').map((c) => c.status)).toEqual([429]);
    // Nothing more goes out on Telegram until the second it asked for has passed (in pacing time).
    expect(Math.max(...h.pacer.waits)).toBeGreaterThanOrEqual(1000);

    h.clock.advance(900);
    await scheduler.tick();
    expect(sendsTo('4301').map((c) => c.status)).toEqual([429]);

    h.clock.advance(100);
    await scheduler.tick();
    expect(sendsTo('4301').map((c) => c.status)).toEqual([429, 200]);
    expect(allText(await h.inbox(TRAINER))).toContain('Sent: 1 · Unreachable: 0 · Failed: 0 (of 1)');
  });

  it('gives up after 8 tries of a send that keeps failing, and names the member in the report', async () => {
    await cohortWith('4302');
    api.failNext('sendMessage', { status: 502, times: 20 });
    for (let i = 0; i < 12; i++) {
      await scheduler.tick();
      h.clock.advance(5 * 60_000); // the longest backoff
    }
    expect(sendsTo('4302').map((c) => c.status)).toEqual(Array(8).fill(502));
    // The tries to one chat kept Telegram's one message per second per chat: 8 sends span 7 s of pacing time.
    expect(h.pacer.now()).toBeGreaterThanOrEqual(7 * 1000);
    const report = allText(await h.inbox(TRAINER));
    expect(report).toContain('Sent: 0 · Unreachable: 0 · Failed: 1 (of 1)');
    expect(report).toContain('Failed after several tries: Person 4302');
  });
});
