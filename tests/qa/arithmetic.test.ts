// "What's 15 percent of 240?": a sum to work out is nothing a workshop answers, though a unit with a share
// in it ("61 per cent of journeys") holds the words.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop } from './helpers.js';

describe('a sum to work out', () => {
  // An invented ferry authority's pack, with shares and counts in its units.
  const { answerer } = workshop(join(import.meta.dirname, '../fixtures/ferry-pack'));

  it.each(['whats 61 percent of 240', "what's 12% of 64?", 'what is 38 times 27', 'what is 4.1 million divided by 212', 'whats 1.6 million minus 148 thousand'])('"%s" is declined', (q) => {
    const a = answerer.answer(q);
    expect(a.answered, a.text).toBe(false);
  });

  it('still answers a question about a figure in millions', () => {
    expect(answerer.answer('how many passengers in 2019?').text).toContain('4.1 million passengers');
  });

  it('still answers a question about a share the pack gives', () => {
    expect(answerer.answer('what share of journeys are paid with a tidecard?').text).toContain('61 per cent of journeys were paid with a Tidecard');
    // (A share of a year's crossings is no sum: "of 2023" names the year.)
    expect(answerer.answer('did 88 percent of 2023 crossings leave on time').text).toContain('88 per cent of crossings left within five minutes');
  });
});
