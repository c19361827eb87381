// "And the year before?" after a figure for 2024: the same question about 2023, counted from the year the last
// question named, or else the latest year its answer gives.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('relative-years', { title: 'Safe Crossings', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'traffic',
      title: 'Passengers by year',
      units: [
        { id: 'y2022', kind: 'statistic', text: 'In 2022 the island ferries carried 351,000 passengers.', keywords: [] },
        { id: 'y2023', kind: 'statistic', text: 'In 2023 the island ferries carried 380,000 passengers.', keywords: [] },
        { id: 'y2024', kind: 'statistic', text: 'In 2024 the island ferries carried 412,000 passengers, the most on record.', keywords: [] },
      ],
    },
    {
      id: 'fares',
      title: 'Fares',
      units: [{ id: 'fare', kind: 'fact', text: 'A single crossing costs 4 crowns; the fare rose from 3 crowns on 1 March 2024.', keywords: [] }],
    },
  ]);

describe('a year counted from the last answer', () => {
  const { answerer } = workshop(writePack());

  it('"and the year before?" asks about the year before the one just given', () => {
    const first = answerer.answer('how many passengers did the ferries carry in 2024?');
    expect(first.text).toContain('412,000');
    const before = answerer.answer('and the year before?', first.topic);
    expect(before.answered, before.text).toBe(true);
    expect(before.text).toContain('380,000');
    const earliest = answerer.answer('how many passengers in 2022?');
    expect(earliest.text).toContain('351,000');
    const after = answerer.answer('what about the year after?', earliest.topic);
    expect(after.text).toContain('380,000');
  });
});
