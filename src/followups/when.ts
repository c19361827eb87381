// Reads a trainer's "when" ("now", "tomorrow 9am", "in 3 days at 9:00") in their time zone, and shows times back.
// The English parser only: the package's root also loads fifteen other languages' parsers (about 3 MB of heap in
// the server) for the same `parse` (chrono's root `parse` is the English casual parser).
import * as chrono from 'chrono-node/en';
import { DateTime } from 'luxon';

/**
 * What the bot chose because the words did not say: no hour at all ("in 2 weeks", "next Monday": the start of a
 * working day), a part of the day ("friday afternoon"), or an hour without am/pm that reads as the afternoon
 * ("friday at 3"). A follow-up with a guess is confirmed with the trainer before it is scheduled.
 */
export type WhenGuess = { kind: 'no-hour' } | { kind: 'part-of-day'; words: string } | { kind: 'am-pm'; words: string };

export type WhenResult =
  | { ok: true; at: Date; /** The text after the time: the follow-up's WHAT. */ rest: string; guess?: WhenGuess }
  | { ok: false; reason: 'missing' | 'past'; at?: Date };

/** A little slack for "now" and for clocks that moved on while the command was parsed. */
const PAST_TOLERANCE_MS = 60_000;

/** True when `at` is in the past, beyond the slack that "now" is given. */
export const hasPassed = (at: Date, now: Date): boolean => at.getTime() < now.getTime() - PAST_TOLERANCE_MS;

/** Hour used when only a date is given ("next Monday", "1 Dec", "in 2 weeks"): the start of a workshop day. */
export const DEFAULT_HOUR = 9;

/** Working hours for a part of the day, rather than chrono's 6:00 for "morning" or 22:00 for "tonight". */
const PART_OF_DAY: Record<string, number> = { morning: 9, afternoon: 14, evening: 18, tonight: 18 };

/** Without am or pm, an hour up to this is read as the afternoon ("at 3" is 15:00, not 03:00). */
const LAST_AFTERNOON_HOUR = 6;

/**
 * Parses a time at the start of `input`, read in `timeZone`, relative to `now`.
 * chrono only knows fixed offsets, so it reads wall-clock fields at today's offset and luxon then
 * places them in the zone, which keeps "in 3 days at 9:00" right across a daylight-saving change.
 */
export function parseWhen(input: string, now: Date, timeZone: string): WhenResult {
  const trimmed = input.trim();
  const nowZoned = DateTime.fromJSDate(now, { zone: timeZone });
  const read = (t: string) => chrono.parse(t, { instant: now, timezone: nowZoned.offset }, { forwardDate: true })[0];
  let result = read(trimmed);
  if (!result || trimmed.slice(0, result.index).trim() !== '') return { ok: false, reason: 'missing' };
  // chrono reads "at 3 a readiness re-check" as 3 am: an article after the hour is not a meridiem.
  const article = /\s[ap]$/i.exec(result.text);
  if (article && /^\s+[a-z]/i.test(trimmed.slice(result.index + result.text.length))) {
    result = read(trimmed.slice(0, result.index + result.text.length - article[0].length)) ?? result;
  }

  const rest = trimmed
    .slice(result.index + result.text.length)
    .replace(/^\s*[:,;|–—-]?\s*/, '')
    .trim();
  const { at, guess } = toInstant(result, timeZone);
  if (hasPassed(at, now)) return { ok: false, reason: 'past', at };
  // "now" and times within the tolerance go out at once.
  return { ok: true, at: at.getTime() < now.getTime() ? now : at, rest, ...(guess ? { guess } : {}) };
}

function toInstant(result: chrono.ParsedResult, timeZone: string): { at: Date; guess?: WhenGuess } {
  const s = result.start;
  const tags = [...s.tags(), ...result.tags()];
  // An explicit zone in the text ("9am UTC"), a duration in hours or minutes ("in 2 hours") or "now" is exact.
  if (s.isCertain('timezoneOffset') || tags.includes('result/relativeDateAndTime') || tags.includes('casualReference/now')) {
    return { at: result.date() };
  }
  let hour = s.get('hour') ?? 0;
  let minute = s.get('minute') ?? 0;
  let second = s.get('second') ?? 0;
  let guess: WhenGuess | undefined;
  if (!s.isCertain('hour')) {
    // "in 2 weeks" keeps the minute it was said at (03:42); "next Monday" says no hour: a working hour it is.
    const part = Object.keys(PART_OF_DAY).find((p) => tags.includes(`casualReference/${p}`));
    hour = part ? PART_OF_DAY[part]! : DEFAULT_HOUR;
    minute = 0;
    second = 0;
    guess = part ? { kind: 'part-of-day', words: part } : { kind: 'no-hour' };
  } else if (!s.isCertain('meridiem') && hour >= 1 && hour <= LAST_AFTERNOON_HOUR && !/\b0\d[:.h]/.test(result.text)) {
    hour += 12;
    guess = { kind: 'am-pm', words: result.text };
  }
  const local = DateTime.fromObject(
    { year: s.get('year') ?? undefined, month: s.get('month') ?? undefined, day: s.get('day') ?? undefined, hour, minute, second },
    { zone: timeZone },
  );
  return local.isValid ? { at: local.toJSDate(), ...(guess ? { guess } : {}) } : { at: result.date() };
}

/** "Panama time" for America/Panama; "UTC" for UTC. */
export function zoneLabel(timeZone: string): string {
  if (/^(Etc\/)?(UTC|GMT|Zulu|Universal)$/i.test(timeZone)) return 'UTC';
  const city = timeZone.split('/').pop() ?? timeZone;
  return timeZone.includes('/') && !/^GMT[+-]/.test(city) ? `${city.replace(/_/g, ' ')} time` : timeZone;
}

/** "Wed 16 Dec at 09:00 Panama time" (with the year when it is not this year's), for confirmations. */
export function formatSpoken(at: Date, timeZone: string, now: Date): string {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const sameYear = local.year === DateTime.fromJSDate(now, { zone: timeZone }).year;
  return `${local.toFormat(sameYear ? 'ccc d LLL' : 'ccc d LLL yyyy')} at ${local.toFormat('HH:mm')} ${zoneLabel(timeZone)}`;
}

/** "Tue 1 Dec 2026, 09:00 (America/Panama)". */
export function formatWhen(at: Date, timeZone: string): string {
  return `${DateTime.fromJSDate(at, { zone: timeZone }).toFormat('ccc d LLL yyyy, HH:mm')} (${timeZone})`;
}

/** "2026-12-01 09:00" in the zone, for lists and CSV cells. */
export function formatShort(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('yyyy-LL-dd HH:mm');
}
