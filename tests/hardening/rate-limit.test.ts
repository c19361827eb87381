// Per-person rate limiting, end to end through the Telegram webhook: one person flooding is asked to slow down
// while another person is still answered. The scheduler's clock is held, so the limiter sees no time pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../core/helpers.js';
import { privateText, type Person } from '../fakes/telegram-api.js';
import { startPlatforms, TELEGRAM_SECRET, type Platforms } from './server.js';

const QUESTION = 'What are the 3As of digital exclusion?';
const SLOW_DOWN = "You're asking faster than I can keep up with";
const FLOODER: Person = { id: 5101, first_name: 'Flo' };
const OTHER: Person = { id: 5102, first_name: 'Patience' };

let p: Platforms;
const clock = new TestClock();
beforeAll(async () => {
  // The default limit: 30 questions a minute, with a burst of 10.
  p = await startPlatforms({}, { clock });
});
afterAll(async () => {
  await p?.close();
});

const repliesTo = (who: Person): string[] =>
  p.telegram.callsTo('sendMessage').filter((c) => c.body.chat_id === who.id).map((c) => String(c.body.text));
const ask = async (who: Person) => expect(await p.telegram.deliverUpdate(p.server.url, privateText(QUESTION, who), TELEGRAM_SECRET)).toBe(200);

describe('per-person rate limiting of questions', () => {
  it('a flooding person is asked to slow down; someone else asking meanwhile is answered', async () => {
    const answer = p.server.runtime.answerer.answer(QUESTION).text;
    for (let i = 0; i < 25; i++) {
      await ask(FLOODER);
      if (i === 20) await ask(OTHER);
    }
    const flood = repliesTo(FLOODER);
    expect(flood).toHaveLength(25);
    expect(flood.slice(0, 10).every((t) => t === answer)).toBe(true);
    expect(flood.slice(10).every((t) => t.startsWith(SLOW_DOWN))).toBe(true);
    expect(repliesTo(OTHER)).toEqual([answer]);
  });

  it('a minute later the flooding person is answered again', async () => {
    clock.advance(60_000);
    await ask(FLOODER);
    expect(repliesTo(FLOODER).at(-1)).toBe(p.server.runtime.answerer.answer(QUESTION).text);
  });

  it('commands are not questions: /help still works for the person who was flooding', async () => {
    for (let i = 0; i < 15; i++) await ask(FLOODER);
    expect(repliesTo(FLOODER).at(-1)).toContain(SLOW_DOWN);
    expect(await p.telegram.deliverUpdate(p.server.url, privateText('/help', FLOODER), TELEGRAM_SECRET)).toBe(200);
    expect(repliesTo(FLOODER).at(-1)).not.toContain(SLOW_DOWN);
  });
});
