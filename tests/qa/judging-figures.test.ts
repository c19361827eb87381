// "Is that a lot?" after a figure asks how it compares: another unit that puts the figure beside others answers
// it ("almost half of those surveyed"), not the same figure again; with no such unit, the figure out of how many.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

describe('"is that a lot?"', () => {
  const { answerer } = workshop(
    writeSmallPack('judging', { title: 'Online Harbours', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'booking',
        title: 'Online booking',
        units: [{ id: 'booking-count', kind: 'statistic', text: 'Online berth booking: 91 of the 193 member ports offer it.', keywords: [] }],
      },
      {
        id: 'services',
        title: 'What ports put online',
        units: [
          { id: 'services-compared', kind: 'statistic', text: 'Most member ports publish timetables online (155) and take card payments (145); 91 ports, almost half of those surveyed, offer online berth booking.', keywords: [] },
        ],
      },
      {
        id: 'pilots',
        title: 'Pilots',
        units: [{ id: 'pilot-count', kind: 'statistic', text: 'In 2024, 80 of the 198 harbour districts had a pilot service of their own.', keywords: [] }],
      },
    ]),
  );

  it('answers with the unit that compares the figure', () => {
    const first = answerer.answer('how many member ports offer online berth booking?');
    expect(first.text).toContain('91');
    const next = answerer.answer('is that a lot compared to the others?', first.topic);
    expect(next.answered, next.text).toBe(true);
    expect(next.text).toContain('almost half');
  });

  it('gives the figure out of how many when nothing else compares it', () => {
    const first = answerer.answer('how many harbour districts had their own pilot service in 2024?');
    const next = answerer.answer('is that alot?', first.topic);
    expect(next.answered, next.text).toBe(true);
    expect(next.text).toContain('80 of the 198');
  });
});
