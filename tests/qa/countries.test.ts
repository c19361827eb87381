// A pack may count countries as "economies" or "Member States" in some units and as "countries" in others:
// "how many countries does it cover?" is answered by the count of economies it covers, not by a region's count.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('countries', { title: 'The Harbour Index', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'index',
      title: 'The Harbour Index',
      units: [
        { id: 'coverage', kind: 'statistic', text: 'The Harbour Index covers 120 economies in both the 2021 edition and the 2023 update.', keywords: [] },
        { id: 'groups', kind: 'statistic', text: 'In the 2023 Harbour Index, the 120 economies split into Group A with 40 economies, Group B with 50 and Group C with 30.', keywords: [] },
      ],
    },
    {
      id: 'regions',
      title: 'Regions',
      units: [
        { id: 'africa', kind: 'statistic', text: 'In the 2023 Harbour Index, East Africa had eight countries in Group A and 12 countries in Group C.', keywords: [] },
        { id: 'asia', kind: 'statistic', text: 'In the 2023 Harbour Index, South Asia had three countries in Group A and five countries in Group B.', keywords: [] },
        { id: 'europe', kind: 'statistic', text: 'In the 2023 Harbour Index, Europe had 20 countries in Group A and only two in Group C.', keywords: [] },
      ],
    },
  ]);

describe('countries, by the name a pack gives them', () => {
  const { answerer } = workshop(writePack());

  it('answers "how many countries does it cover?" with the economies it covers', () => {
    expect(answerer.answer('how many countries does the harbour index cover?').text).toContain('120 economies');
  });

  it('still gives a region its own count of countries', () => {
    expect(answerer.answer('how many countries in south asia are in group a?').text).toContain('South Asia had three countries');
  });
});

describe('"which twelve countries...?"', () => {
  const { answerer } = workshop(
    writeSmallPack('which-n', { title: 'The Harbour Index', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'tiers',
        title: 'Tiers',
        units: [
          { id: 'tier-1', kind: 'statistic', text: '46 countries are in Tier 1 of the 2024 Harbour Index, and twelve of them reached a perfect score of 100.', keywords: [] },
          { id: 'perfect-2020', kind: 'fact', text: 'In the 2020 Harbour Index, Estonia, Denmark and Singapore reached a perfect score of 100.', keywords: [] },
          { id: 'tier-5', kind: 'statistic', text: '20 countries are in Tier 5 of the 2024 Harbour Index.', keywords: [] },
        ],
      },
    ]),
  );

  it('asks for the countries themselves: a unit that only counts them does not answer', () => {
    const a = answerer.answer('which twelve countries got the perfect score of 100?');
    expect(a.answered, a.text).toBe(false);
  });

  it('reads "which are the twelve countries that...?" alike', () => {
    const a = answerer.answer('Which are the twelve countries that got a perfect score of 100 in 2024?');
    expect(a.answered, a.text).toBe(false);
  });

  it('answers from a unit that names them', () => {
    expect(answerer.answer('which three countries got a perfect score of 100 in 2020?').text).toContain('Estonia, Denmark and Singapore');
  });
});

describe('a count of two of a series together', () => {
  const { answerer } = workshop(
    writeSmallPack('together', { title: 'The Harbour Index', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'tiers',
        title: 'The five tiers',
        units: [
          { id: 't1', kind: 'statistic', text: '46 countries are in Tier 1 of the 2024 Harbour Index.', keywords: [] },
          { id: 't3', kind: 'statistic', text: '31 countries are in Tier 3 and 20 in Tier 4.', keywords: [] },
          { id: 't25', kind: 'statistic', text: 'Tier 2 and Tier 5 together hold the remaining 23 of the 120 countries assessed.', keywords: [] },
        ],
      },
    ]),
  );

  it('declines a count of one of them', () => {
    const a = answerer.answer('how many countries are in tier 5?');
    expect(a.answered, a.text).toBe(false);
  });

  it('answers a count of both, and of a tier counted alone', () => {
    expect(answerer.answer('how many countries are in tier 2 and tier 5 together?').text).toContain('23');
    expect(answerer.answer('how many countries are in tier 1?').text).toContain('46');
  });
});

describe('counts in one unit, one of them joint', () => {
  const { answerer } = workshop(
    writeSmallPack('together-guard', { title: 'Accounts and Grades', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'accounts',
        title: 'Accounts',
        units: [
          { id: 'tiers', kind: 'statistic', text: 'Tier 1 accounts hold 120 thousand users. Tier 2 and Tier 3 together hold 43 thousand users.', keywords: [] },
          { id: 'grades', kind: 'statistic', text: 'Grade 1 has 3,400 staff and Grade 2 has 2,100 staff. Ministries and unions worked together on the new grading scheme.', keywords: [] },
        ],
      },
    ]),
  );

  it('still answers a count given alone, beside a joint one', () => {
    expect(answerer.answer('how many users are in tier 1?').text).toContain('120 thousand');
    expect(answerer.answer('how many users do tier 2 and tier 3 hold together?').text).toContain('43 thousand');
  });

  it('does not take "worked together" for a joint count', () => {
    expect(answerer.answer('how many staff are in grade 1?').text).toContain('3,400');
  });
});

