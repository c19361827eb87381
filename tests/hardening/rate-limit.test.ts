// Per-person rate limiting, end to end through the Telegram webhook: one budget per person for questions,
// commands and button presses (a flood gets one request to slow down, then silence, while others are still
// answered), and /join codes limited on their own. The bot's clock is held, so no time passes unless a test says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../core/helpers.js';
import { buttonPress, privateText, type Person } from '../../fakes/telegram-api.js';
import { startPlatforms, TELEGRAM_SECRET, type Platforms } from './server.js';

const QUESTION = 'What are the 3Ms of a digital utility?';
const SLOW_DOWN = "You're sending messages faster than I can keep up with";
/** The default budget: 60 messages a minute, 30 at once. */
const BURST = 30;
const FLOODER: Person = { id: 5101, first_name: 'Flo' };
const OTHER: Person = { id: 5102, first_name: 'Patience' };
const COMMANDS: Person = { id: 5103, first_name: 'Cmd' };
const PRESSER: Person = { id: 5104, first_name: 'Tapper' };
const GUESSER: Person = { id: 5105, first_name: 'Guess' };
const TRAINER: Person = { id: 5106, first_name: 'Tala' };

let p: Platforms;
const clock = new TestClock();
beforeAll(async () => {
  p = await startPlatforms({ TRAINERS: `telegram:${TRAINER.id}` }, { clock });
});
afterAll(async () => {
  await p?.close();
});

const repliesTo = (who: Person): string[] =>
  p.telegram.callsTo('sendMessage').filter((c) => c.body.chat_id === who.id).map((c) => String(c.body.text));
const say = async (who: Person, text: string) => expect(await p.telegram.deliverUpdate(p.server.url, privateText(text, who), TELEGRAM_SECRET)).toBe(200);

describe('one budget per person', () => {
  it('a flooding person gets one request to slow down and then silence; someone else asking meanwhile is answered', async () => {
    const answer = p.server.runtime.answerer.answer(QUESTION).text;
    for (let i = 0; i < BURST + 20; i++) {
      await say(FLOODER, QUESTION);
      if (i === BURST + 5) await say(OTHER, QUESTION);
    }
    const flood = repliesTo(FLOODER);
    expect(flood).toHaveLength(BURST + 1);
    expect(flood.slice(0, BURST).every((t) => t === answer)).toBe(true);
    expect(flood[BURST]).toContain(SLOW_DOWN);
    expect(repliesTo(OTHER)).toEqual([answer]);
  });

  it('a minute later the flooding person is answered again', async () => {
    clock.advance(60_000);
    await say(FLOODER, QUESTION);
    expect(repliesTo(FLOODER).at(-1)).toBe(p.server.runtime.answerer.answer(QUESTION).text);
  });

  it('commands count too: a flood of /help is cut off the same way', async () => {
    for (let i = 0; i < BURST + 10; i++) await say(COMMANDS, '/help');
    const replies = repliesTo(COMMANDS);
    expect(replies).toHaveLength(BURST + 1);
    expect(replies.at(-1)).toContain(SLOW_DOWN);
  });

  it('button presses count too: a flood of presses is cut off the same way', async () => {
    await say(PRESSER, '/quiz');
    const question = p.telegram.lastMessageWithButtons(PRESSER.id)!;
    const before = p.telegram.visibleCalls().length;
    // The same (stale) button over and over: each press is handled (and answered) until the budget runs out.
    for (let i = 0; i < BURST + 10; i++) {
      expect(await p.telegram.deliverUpdate(p.server.url, buttonPress(question, question.reply_markup!.inline_keyboard[0][0].text, PRESSER), TELEGRAM_SECRET)).toBe(200);
    }
    const slowDowns = repliesTo(PRESSER).filter((t) => t.includes(SLOW_DOWN));
    expect(slowDowns).toHaveLength(1);
    // Every press is still acknowledged (the button stops spinning), but the last ones do nothing else.
    const calls = p.telegram.visibleCalls().slice(before);
    expect(calls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(BURST + 10);
    expect(calls.at(-1)?.method).toBe('answerCallbackQuery');
  });
});

describe('/join codes', () => {
  it('after 5 wrong codes in 10 minutes even the right one is refused, kindly; later it works', async () => {
    await say(TRAINER, '/cohort new Rate limited');
    const code = /Join code: ([A-Z0-9]{6})/.exec(repliesTo(TRAINER).join('\n'))![1];
    for (const wrong of ['AAAAAA', 'BBBBBB', 'CCCCCC', 'DDDDDD', 'EEEEEE']) {
      clock.advance(1000);
      await say(GUESSER, `/join ${wrong}`);
      expect(repliesTo(GUESSER).at(-1)).toMatch(/couldn't find a cohort/);
    }
    clock.advance(1000);
    await say(GUESSER, `/join ${code}`);
    expect(repliesTo(GUESSER).at(-1)).toMatch(/^That's 5 codes that didn't work in the last few minutes\. Please check the code with your trainer, then try again in 10 minutes\.$/);
    expect(await p.server.runtime.store.cohortsOf(`telegram:${GUESSER.id}`)).toEqual([]);

    clock.advance(10 * 60_000);
    await say(GUESSER, `/join ${code}`);
    expect(repliesTo(GUESSER).at(-1)).toMatch(/^Welcome to "Rate limited"!/);
  });
});
