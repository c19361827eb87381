// "Is that above the average?" after a figure: a yes/no question whose subject points back at the last answer
// asks about the thing that answer was about, and the unit that says so is the answer.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('points-back', { title: 'What Water Costs', workshop: 'Utilities Forum 2025' }, [
    {
      id: 'bills',
      title: 'Water bills in 2024',
      units: [
        { id: 'national', kind: 'statistic', text: 'The national average water bill was 48 dollars a month in 2024, and 52 dollars in the capital.', keywords: [] },
        { id: 'north', kind: 'statistic', text: "In 2024 the North district's average bill was 41 dollars a month, less than in the country as a whole, mostly because its towns are small.", keywords: [] },
        { id: 'south', kind: 'statistic', text: "The South district's average bill was 55 dollars a month in 2024, the highest of any district.", keywords: [] },
      ],
    },
  ]);

describe('a yes/no question that points back', () => {
  const { answerer } = workshop(writePack());

  it('answers "is that above the national average?" from the unit on what was just asked about', () => {
    const first = answerer.answer("what was the north district's average bill?");
    expect(first.text).toContain('41 dollars');
    const next = answerer.answer('is that above the national average?', first.topic);
    expect(next.text).toMatch(/^In 2024 the North district's average bill was 41 dollars a month, less than in the country as a whole/);
  });

  it('reads the same question alone as about the national average', () => {
    expect(answerer.answer('what is the national average bill?').text).toMatch(/^The national average water bill was 48 dollars/);
  });
});

describe('"the first one", "the latest version" after a question about several', () => {
  const { answerer } = workshop(
    writeSmallPack('one-of-them', { title: 'Rules for Water', workshop: 'Utilities Forum 2025' }, [
      {
        id: 'code',
        title: 'The water code',
        units: [
          { id: 'versions', kind: 'fact', text: 'The water code has had three versions, each wider than the last.', keywords: [] },
          { id: 'original', kind: 'fact', text: 'The first water code, issued in 1990 by the Ministry of Works, covered only pipes.', keywords: [] },
          { id: 'current', kind: 'fact', text: 'The latest water code was adopted in 2019 and covers pipes, meters and billing.', keywords: [] },
          { id: 'review', kind: 'fact', text: 'A review panel looks at the code every five years and proposes changes to the minister.', keywords: [] },
        ],
      },
    ]),
  );

  it('reads "when did the very first one come out?" as asking about the first of them', () => {
    const first = answerer.answer('how many versions of the water code have there been?');
    expect(first.text).toContain('three versions');
    const next = answerer.answer('when did the very first one come out?', first.topic);
    expect(next.answered, next.text).toBe(true);
    expect(next.text).toContain('1990');
  });
});

describe('"how many of those...?" after a count', () => {
  const { answerer } = workshop(
    writeSmallPack('of-those', { title: 'The Utility Census', workshop: 'Utilities Forum 2025' }, [
      {
        id: 'census',
        title: 'The 2024 census',
        units: [
          { id: 'coverage', kind: 'statistic', text: 'The 2024 census covered 52 utilities, with focal points from 40 utilities gathering and submitting their own data.', keywords: [] },
          { id: 'method', kind: 'fact', text: 'The census asks each utility 60 questions about leaks, billing and staff.', keywords: [] },
          { id: 'release', kind: 'fact', text: 'The 2024 census results were released in March 2025.', keywords: [] },
        ],
      },
    ]),
  );

  it('counts the same things as the question before, not the verb that follows', () => {
    const first = answerer.answer('how many utilities did the 2024 census cover?');
    expect(first.text).toContain('52 utilities');
    const next = answerer.answer('and how many of those actually submitted their data themselves?', first.topic);
    expect(next.answered, next.text).toBe(true);
    expect(next.text).toContain('40 utilities');
  });
});

describe('"that person" after an answer that named someone', () => {
  const { answerer } = workshop(
    writeSmallPack('that-person', { title: 'Running a Water Board', workshop: 'Utilities Forum 2025' }, [
      {
        id: 'board',
        title: 'Who runs the board',
        units: [
          { id: 'head', kind: 'fact', text: 'Each water board is led by a chief engineer, named for five years, who reports to the regional council and chairs its monthly meeting.', keywords: [] },
          { id: 'staff', kind: 'statistic', text: 'A typical board has 40 staff, most of them in the field crews that fix leaks.', keywords: [] },
        ],
      },
      {
        id: 'people',
        title: 'People and water',
        units: [{ id: 'use', kind: 'statistic', text: 'Each person in the region uses about 120 litres of water a day.', keywords: [] }],
      },
    ]),
  );

  it('reads "that person" as whoever the last answer named, like "he" or "she"', () => {
    const first = answerer.answer('who leads a water board?');
    expect(first.text).toContain('chief engineer');
    const next = answerer.answer('who does that person report to?', first.topic);
    expect(next.answered, next.text).toBe(true);
    expect(next.text).toContain('reports to the regional council');
  });
});

describe('"by what year?" after a figure', () => {
  const { answerer } = workshop(
    writeSmallPack('by-what-year', { title: 'Ports Ahead', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'outlook',
        title: 'The outlook',
        units: [
          { id: 'demand', kind: 'statistic', text: 'Berth demand will grow by 60% by 2032, most of it at the two deep-water terminals.', keywords: [] },
          { id: 'crews', kind: 'fact', text: 'Pilot crews are trained at the harbour school every spring.', keywords: [] },
          { id: 'apps', kind: 'statistic', text: 'Berth booking apps are run by 42 ports, 70 per cent of those in the network.', keywords: [] },
        ],
      },
    ]),
  );

  it('asks the year of what was just asked about', () => {
    const first = answerer.answer('how much will berth demand grow?');
    expect(first.text).toContain('60%');
    for (const q of ['by what year', 'in which year?']) {
      const next = answerer.answer(q, first.topic);
      expect(next.answered, q).toBe(true);
      expect(next.text, q).toContain('2032');
    }
  });

  it('reads "in percent?" after a count as the same figure asked as a share', () => {
    const first = answerer.answer('how many ports run a berth booking app?');
    expect(first.text).toContain('42 ports');
    const next = answerer.answer('in percent?', first.topic);
    expect(next.answered, next.text).toBe(true);
    expect(next.text).toContain('70 per cent');
  });
});
