// "Which country led the ranking in 2024?" -> "why did they do so well?": the reason for what the last answer
// said, which here the same unit gives ("...credited its ..."). Asked of all of the last answer, not only of the
// names in it: a unit that merely names the country, or what the ranking measures, is not why it came first.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('why-followup', { title: 'Ranking Harbour Services: What the Port Index Measures', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'index',
      title: 'What the index measures',
      units: [
        { id: 'purpose', kind: 'fact', text: 'The Port Service Index compares how harbours serve passengers and freight companies online, from booking a berth to paying dues.', keywords: [] },
        { id: 'method', kind: 'fact', text: 'Each harbour is scored from 0 to 1 on 24 questions, and the scores are published every two years.', keywords: [] },
        { id: 'change', kind: 'fact', text: 'The 2024 ranking added 4 questions on step-free access, because passengers in wheelchairs had complained that no index asked about them.', keywords: [] },
      ],
    },
    {
      id: 'results',
      title: 'Results by edition',
      units: [
        { id: 'r2022', kind: 'fact', text: 'In 2022 Portugal ranked first on the Port Service Index, up from fifth in 2020.', keywords: [] },
        { id: 'r2024', kind: 'fact', text: 'In 2024 Chile ranked first on the Port Service Index, up from ninth. Its ports authority credited the single online berth booking and publishing waiting times every hour.', keywords: [] },
        { id: 'holm', kind: 'fact', text: 'Chile has 6 ports, which handle about 3,000 ferry calls a year and employ 1,400 people.', keywords: [] },
      ],
    },
  ]);

describe('"why?" after an answer', () => {
  const { answerer } = workshop(writePack());

  it('asks why what the last answer said holds, and the unit that gives the reason answers', () => {
    const first = answerer.answer('which country led the ranking in 2024');
    expect(first.text).toContain('Chile ranked first');
    for (const q of ['why did they do so well?', 'why?']) {
      const a = answerer.answer(q, first.topic);
      expect(a.answered, q).toBe(true);
      // (Sure of it, and the reason first: not hedged beside a unit that only shares the year and the ranking.)
      expect(a.text, q).toMatch(/^In 2024 Chile ranked first.*berth booking/);
    }
  });
});
