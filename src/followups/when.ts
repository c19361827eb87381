// Reads a trainer's "when" ("now", "tomorrow 9am", "in 3 days at 9:00") in their time zone, and shows times back.
import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';

export type WhenResult =
  | { ok: true; at: Date; /** The text after the time: the follow-up's WHAT. */ rest: string }
  | { ok: false; reason: 'missing' | 'past'; at?: Date };

/** A little slack for "now" and for clocks that moved on while the command was parsed. */
const PAST_TOLERANCE_MS = 60_000;

/** Hour used when only a date is given ("next Monday", "1 Dec"): the start of a workshop day. */
const DEFAULT_HOUR = 9;

/**
 * Parses a time at the start of `input`, read in `timeZone`, relative to `now`.
 * chrono only knows fixed offsets, so it reads wall-clock fields at today's offset and luxon then
 * places them in the zone, which keeps "in 3 days at 9:00" right across a daylight-saving change.
 */
export function parseWhen(input: string, now: Date, timeZone: string): WhenResult {
  const trimmed = input.trim();
  const nowZoned = DateTime.fromJSDate(now, { zone: timeZone });
  const result = chrono.parse(trimmed, { instant: now, timezone: nowZoned.offset }, { forwardDate: true })[0];
  if (!result || trimmed.slice(0, result.index).trim() !== '') return { ok: false, reason: 'missing' };

  const rest = trimmed
    .slice(result.index + result.text.length)
    .replace(/^\s*[:,;|–—-]?\s*/, '')
    .trim();
  const at = toInstant(result, timeZone);
  if (at.getTime() < now.getTime() - PAST_TOLERANCE_MS) return { ok: false, reason: 'past', at };
  // "now" and times within the tolerance go out at once.
  return { ok: true, at: at.getTime() < now.getTime() ? now : at, rest };
}

function toInstant(result: chrono.ParsedResult, timeZone: string): Date {
  const s = result.start;
  const tags = [...s.tags(), ...result.tags()];
  // An explicit zone in the text ("9am UTC") or a pure duration ("in 2 hours") is already exact.
  if (s.isCertain('timezoneOffset') || tags.includes('result/relativeDateAndTime') || tags.includes('casualReference/now')) {
    return result.date();
  }
  const relative = tags.some((t) => t.startsWith('result/relative') || t.startsWith('casualReference/'));
  const dateOnly = !s.isCertain('hour') && !relative;
  const local = DateTime.fromObject(
    {
      year: s.get('year') ?? undefined,
      month: s.get('month') ?? undefined,
      day: s.get('day') ?? undefined,
      hour: dateOnly ? DEFAULT_HOUR : (s.get('hour') ?? 0),
      minute: dateOnly ? 0 : (s.get('minute') ?? 0),
      second: dateOnly ? 0 : (s.get('second') ?? 0),
    },
    { zone: timeZone },
  );
  return local.isValid ? local.toJSDate() : result.date();
}

/** "Tue 1 Dec 2026, 09:00 (Pacific/Port_Moresby)". */
export function formatWhen(at: Date, timeZone: string): string {
  return `${DateTime.fromJSDate(at, { zone: timeZone }).toFormat('ccc d LLL yyyy, HH:mm')} (${timeZone})`;
}

/** "2026-12-01 09:00" in the zone, for lists and CSV cells. */
export function formatShort(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('yyyy-LL-dd HH:mm');
}
