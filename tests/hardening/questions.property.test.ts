// Property tests on the question path: any unicode text, typed to the answerer or to the bot, gets a kind reply.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, person, testRuntime } from '../core/helpers.js';
import { LEAK } from './server.js';

let rt: Awaited<ReturnType<typeof testRuntime>>;
beforeAll(async () => {
  rt = await testRuntime({ RATE_LIMIT_PER_MINUTE: '1000000' });
});
afterAll(async () => {
  await rt?.close();
});

/** Text people (and scripts) type: any unicode, lunr's query syntax, markup, huge and empty inputs. */
const typed = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.constantFrom('what', 'is', 'the', '3As', 'WoG', 'e-government', 'title:x', 'foo~2', 'bar^10', '*', '+must', '-not', ':', '~', '^', '\\', '"', '<b>', '&amp;', '\u0000', '\u202e', '\ud800', '👩🏽‍💻', '🇵🇬', 'ا', '文', '\n', ' '), { maxLength: 30 }).map((w) => w.join(' ')),
  fc.constantFrom('', ' ', '?', '/', '//', '/quiz 999999999999', '/join', '/followup', 'x'.repeat(100_000), '3'.repeat(5000)),
);

describe('answering any text', () => {
  it('the answerer answers or declines, in at most 600 characters, and never throws', () => {
    fc.assert(
      fc.property(typed, (q) => {
        const a = rt.answerer.answer(q);
        expect(typeof a.answered).toBe('boolean');
        expect(a.text.trim().length).toBeGreaterThan(0);
        expect(a.text.length).toBeLessThanOrEqual(600);
        expect(a.text).not.toMatch(LEAK);
        if (!a.answered) expect(a.sources).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('the bot replies to anything typed in a direct chat with kind text, never a stack trace', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(typed, async (text) => {
        const someone = person(rt, `prop-${n++}`);
        const replies = await someone.say(text);
        for (const m of replies) {
          if (m.kind === 'text' || m.kind === 'update') expect(m.text.trim().length).toBeGreaterThan(0);
        }
        expect(allText(replies)).not.toMatch(LEAK);
        // Only text that is empty once control characters are dropped may go unanswered.
        // eslint-disable-next-line no-control-regex -- the bot drops control characters; so does this check
        if (text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim()) expect(replies.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  // (An empty value is no press at all: the core ignores it, as it ignores an empty message.)
  it('a button press with any value gets a kind reply', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), fc.constantFrom('q:x:0:0', 'r:abc:999:yes', 'forget:confirm', 'q::::', 'r:' + 'a'.repeat(24) + ':0:yes')), async (value) => {
        const replies = await person(rt, `press-${n++}`).press(value);
        expect(replies.length).toBeGreaterThan(0);
        expect(allText(replies)).not.toMatch(LEAK);
      }),
      { numRuns: 100 },
    );
  });
});
