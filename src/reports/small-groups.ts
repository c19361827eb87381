// What a report may show of fewer than MIN_GROUP people: how many, and how they spread, never who or the averages.
import type { Content } from '../content/schema.js';
import { READINESS_LEVELS, readinessAnswersFromSession, readinessLevel, scoreReadiness } from '../quiz/readiness.js';
import type { SessionRecord } from '../store/types.js';
import { MIN_GROUP } from '../cohorts/access.js';

/** A spread of one person would be that person's result: it is shown from two. */
const MIN_SPREAD = 2;

const QUIZ_BANDS: readonly { name: string; from: number }[] = [
  { name: 'under 50%', from: 0 },
  { name: '50–79%', from: 0.5 },
  { name: '80% or more', from: 0.8 },
];

const more = (n: number) => `${MIN_GROUP - n} more to go`;

/** "Early 1 · Developing 0 · ...": how many fall in each band, in the bands' order. */
const spread = (bands: readonly string[], of: readonly string[]): string => bands.map((b) => `${b} ${of.filter((x) => x === b).length}`).join(' · ');

/** The readiness part of a report for 1 to MIN_GROUP - 1 people who completed it (their latest checks). */
export function smallReadiness(content: Content, latest: readonly SessionRecord[]): string[] {
  const max = content.indicators.length;
  const levels = latest.map((s) => readinessLevel(scoreReadiness(content, readinessAnswersFromSession(s.items, s.answers)).score, max).name);
  return [
    latest.length >= MIN_SPREAD
      ? `Their latest levels (no names): ${spread(READINESS_LEVELS.map((l) => l.name), levels)}.`
      : 'With one person, even the spread of levels would be their own result, so it is not shown.',
    `Hidden until ${MIN_GROUP} people have completed it (${more(latest.length)}): the average score, the share answering Yes to each indicator and the chart, so that no one's answers can be read off them.`,
  ];
}

/** The quiz part of a report for 1 to MIN_GROUP - 1 people who took one: `shares` are their latest scores (0-1). */
export function smallQuiz(shares: readonly number[]): string[] {
  const band = (x: number) => [...QUIZ_BANDS].reverse().find((b) => x >= b.from)!.name;
  return [
    shares.length >= MIN_SPREAD
      ? `Their latest scores (no names): ${spread(QUIZ_BANDS.map((b) => b.name), shares.map(band))}.`
      : 'With one person, even the spread of scores would be their own result, so it is not shown.',
    `Hidden until ${MIN_GROUP} people have taken it (${more(shares.length)}): the average scores.`,
  ];
}
