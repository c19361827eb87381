// Reading a trainer's "when" in their time zone: natural phrases, explicit dates, the past, and DST.
import { describe, expect, it } from 'vitest';
import { formatWhen, parseWhen } from '../../src/followups/when.js';

// Friday 27 November 2026, 18:00 in Port Moresby (UTC+10, no daylight saving).
const NOW = new Date('2026-11-27T08:00:00Z');
const PNG = 'Pacific/Port_Moresby';

const at = (input: string, now = NOW, tz = PNG) => {
  const r = parseWhen(input, now, tz);
  if (!r.ok) throw new Error(`not parsed: ${input} (${r.reason})`);
  return { iso: r.at.toISOString(), rest: r.rest };
};

describe('parseWhen', () => {
  it('reads the examples trainers use, in their zone, and keeps the rest as WHAT', () => {
    expect(at('now quiz')).toEqual({ iso: NOW.toISOString(), rest: 'quiz' });
    expect(at('in 3 days at 9:00 quiz')).toEqual({ iso: '2026-11-29T23:00:00.000Z', rest: 'quiz' });
    expect(at('next Monday 10am readiness')).toEqual({ iso: '2026-11-30T00:00:00.000Z', rest: 'readiness' });
    expect(at('2026-12-01 09:00 Bring your strategy')).toEqual({ iso: '2026-11-30T23:00:00.000Z', rest: 'Bring your strategy' });
    expect(at('tomorrow 9am: Remember the session')).toEqual({ iso: '2026-11-27T23:00:00.000Z', rest: 'Remember the session' });
    expect(at('in 2 hours hello')).toEqual({ iso: '2026-11-27T10:00:00.000Z', rest: 'hello' });
  });

  it('puts a bare date at 09:00 in the zone', () => {
    expect(at('1 Dec quiz').iso).toBe('2026-11-30T23:00:00.000Z');
  });

  it('keeps 9:00 at 9:00 local across a daylight-saving change', () => {
    // London: clocks go back on Sunday 25 October 2026; "in 3 days at 9:00" from Friday 23 October.
    const now = new Date('2026-10-23T12:00:00Z'); // 13:00 BST
    expect(at('in 3 days at 9:00 quiz', now, 'Europe/London').iso).toBe('2026-10-26T09:00:00.000Z'); // 09:00 GMT
    expect(formatWhen(new Date('2026-10-26T09:00:00.000Z'), 'Europe/London')).toBe('Mon 26 Oct 2026, 09:00 (Europe/London)');
  });

  it('says when a time has passed, and when there is no time at all', () => {
    const past = parseWhen('yesterday 9am quiz', NOW, PNG);
    expect(past).toMatchObject({ ok: false, reason: 'past' });
    expect(parseWhen('2020-01-01 09:00 hello', NOW, PNG)).toMatchObject({ ok: false, reason: 'past' });
    expect(parseWhen('quiz', NOW, PNG)).toEqual({ ok: false, reason: 'missing' });
    expect(parseWhen('please tomorrow', NOW, PNG)).toEqual({ ok: false, reason: 'missing' });
    expect(parseWhen('', NOW, PNG)).toEqual({ ok: false, reason: 'missing' });
  });

  it('says what it chose when the words give no hour, only a part of the day, or an hour without am or pm', () => {
    const guess = (input: string) => {
      const r = parseWhen(input, NOW, PNG);
      if (!r.ok) throw new Error(`not parsed: ${input}`);
      return { local: formatWhen(r.at, PNG), guess: r.guess };
    };
    // Not 18:00 (the minute it was said): the start of a working day.
    expect(guess('in 2 weeks readiness')).toEqual({ local: 'Fri 11 Dec 2026, 09:00 (Pacific/Port_Moresby)', guess: { kind: 'no-hour' } });
    expect(guess('next monday quiz')).toEqual({ local: 'Mon 30 Nov 2026, 09:00 (Pacific/Port_Moresby)', guess: { kind: 'no-hour' } });
    expect(guess('monday afternoon quiz')).toEqual({ local: 'Mon 30 Nov 2026, 14:00 (Pacific/Port_Moresby)', guess: { kind: 'part-of-day', words: 'afternoon' } });
    expect(guess('tuesday at 3 quiz')).toEqual({ local: 'Tue 1 Dec 2026, 15:00 (Pacific/Port_Moresby)', guess: { kind: 'am-pm', words: 'tuesday at 3' } });
    // Said in full: nothing guessed.
    for (const sure of ['friday 3pm quiz', 'tuesday at 03:00 quiz', 'in 3 days at 9:00 quiz', 'in 2 hours quiz', 'now quiz', 'tomorrow 9am quiz']) {
      expect(guess(sure).guess, sure).toBeUndefined();
    }
  });
});
