// Short follow-ups that ask the same of what was just said: "out of how many?" after a count wants the total the
// answer gives beside it; "why so late?" after a date wants the reason, and "late" only judges the answer.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('asked-of-the-answer', { title: 'Schools Online', workshop: 'Learning Forum 2027', location: 'Port Ellis, Norland' }, [
    {
      id: 'net',
      title: 'Connecting schools',
      units: [
        { id: 'net-count', kind: 'statistic', text: 'By 2024, 900 schools were connected, 60 per cent of the 1,500 in the country.', keywords: [] },
        { id: 'net-speed', kind: 'statistic', text: 'Connected schools get at least 20 megabits a second; 120 rural schools use satellite links.', keywords: [] },
        { id: 'net-north', kind: 'fact', text: "The rollout reached the north in May 2023, after a two-month drivers' strike.", keywords: [] },
      ],
    },
    {
      id: 'fares',
      title: 'Bus fares',
      units: [{ id: 'fares-price', kind: 'statistic', text: 'Bus fares are 50 cents for adults and 25 cents for students.', keywords: [] }],
    },
  ]);

describe('follow-ups asked of the last answer', () => {
  const { answerer } = workshop(writePack());

  it('"out of how many?" after a count', () => {
    const first = answerer.answer('how many schools are connected?');
    expect(first.text).toContain('900 schools');
    const a = answerer.answer('out of how many?', first.topic);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('of the 1,500');
  });

  it('"why so late?" after a date', () => {
    const first = answerer.answer('when did the rollout reach the north?');
    expect(first.text).toContain('May 2023');
    const a = answerer.answer('why so late?', first.topic);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain("drivers' strike");
  });
});
