// "How many *people* turned up to the budget meetings?" counts people: "2,500 participants" answers it, and
// the money word beside what is counted ("budget") does not make it a question about an amount of money.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('counted', { title: 'Budgets the Public Decides', workshop: 'Local Democracy Week 2025' }, [
    {
      id: 'town',
      title: 'The town budget',
      units: [
        { id: 'meetings', kind: 'statistic', text: "The town's open budget meetings drew about 2,500 participants in 2021.", keywords: [] },
        { id: 'size', kind: 'statistic', text: "The town's budget was 40 million dollars in 2021, a tenth of it decided by residents.", keywords: [] },
        { id: 'refunds', kind: 'statistic', text: 'In 2023 the town refunded 120 wrongly charged fees.', keywords: [] },
        { id: 'origin', kind: 'fact', text: 'The open budget process began in 2015 after 3,000 people signed a petition.', keywords: [] },
      ],
    },
    {
      id: 'results',
      title: 'Results year by year',
      units: [
        { id: 'proposals', kind: 'statistic', text: 'Submitted proposals grew from 310 in 2019 to 1,240 in 2023.', keywords: [] },
        { id: 'votes', kind: 'statistic', text: 'The average number of votes per proposal rose from 18 in 2019 to 46 in 2023.', keywords: [] },
        { id: 'kiosks', kind: 'fact', text: 'In 2022 the town opened 9 voting kiosks for proposals in its libraries.', keywords: [] },
        { id: 'online', kind: 'statistic', text: 'The share of votes cast on the town website was 22 per cent in 2020 and 71 per cent in 2023.', keywords: [] },
      ],
    },
  ]);

describe('what is counted', () => {
  const { answerer } = workshop(writePack());

  it('answers how many people came to the budget meetings with the participants', () => {
    const a = answerer.answer('how many people turned up to the budget meetings?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('2,500 participants');
  });

  it('reads "how many fees...?" as a count of fees, not as asking an amount of money', () => {
    const a = answerer.answer('how many fees did the town refund in 2023?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('120 wrongly charged fees');
  });

  it('still reads "how much was the budget?" as asking for an amount of money', () => {
    expect(answerer.answer('how much was the town budget in 2021?').text).toContain('40 million dollars');
  });

  it('counts the subject of "X grew from A to B": the figures after the verb are of X', () => {
    const proposals = answerer.answer('how many proposals were submitted in 2023?');
    expect(proposals.text).toContain('Submitted proposals grew from 310 in 2019 to 1,240 in 2023');
    const votes = answerer.answer('how many votes per proposal in 2023?');
    expect(votes.answered, votes.text).toBe(true);
    expect(votes.text).toContain('rose from 18 in 2019 to 46 in 2023');
  });

  it('counts a subject of several words: "the share of votes cast on the website was 22 per cent"', () => {
    const a = answerer.answer('what share of votes were online in 2023?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('71 per cent in 2023');
  });
});

describe('a gap between two figures counts nothing', () => {
  // "Yields in pilot villages were 9% higher than in other villages", "17 percentage points more likely": no count
  // of villages; "the trial covered 240 villages" is one.
  const dir = writeSmallPack('counted-gaps', { title: 'Farm Messages', workshop: 'Rural Services Week 2026' }, [
    {
      id: 'results',
      title: 'Results',
      units: [
        { id: 'yields', kind: 'statistic', text: 'After two seasons, maize yields in pilot villages were 9% higher than in comparison villages.', keywords: [] },
        { id: 'timing', kind: 'statistic', text: 'Farmers in pilot villages were 17 percentage points more likely to plant on time.', keywords: [] },
      ],
    },
    {
      id: 'design',
      title: 'How it was measured',
      units: [{ id: 'trial', kind: 'fact', text: 'The trial drew 240 villages in 6 districts by lottery, half of them to get the messages a season early.', keywords: [] }],
    },
  ]);
  const { answerer } = workshop(dir);

  it('answers "how many villages were there?" with the count of villages', () => {
    const a = answerer.answer('how many villages were there?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^The trial drew 240 villages/);
  });
});
