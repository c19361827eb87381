// The session's own setting: a name its title gives ("Tendering Without Paper in Marrowsea") is what every unit
// speaks of, named or not, so "why did Marrowsea move to e-tendering?" is answered by the unit that gives the
// reasons, though that unit never says "Marrowsea".
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('session-setting', { title: 'Tendering Without Paper: The Marrowsea Story', workshop: 'Procurement Week 2027' }, [
    {
      id: 'intro',
      title: 'About this session',
      units: [
        { id: 'scope', kind: 'fact', text: 'This session tells how Marrowsea moved its public tenders from paper to one national website between 2019 and 2022.', keywords: [] },
        { id: 'agenda', kind: 'list', text: 'The agenda: (1) why move off paper; (2) how the website works; (3) results in Marrowsea so far.', keywords: [] },
      ],
    },
    {
      id: 'why',
      title: 'Why move off paper',
      units: [
        { id: 'reasons', kind: 'list', text: 'The ministry gave three reasons to move to e-tendering: (1) transparency, so every bid is on record; (2) competition, so suppliers anywhere can bid; (3) speed, as paper tenders took 62 days on average.', keywords: [] },
        { id: 'cost', kind: 'statistic', text: 'Paper tendering cost each supplier about 1,800 dollars per bid in printing and travel.', keywords: [] },
      ],
    },
    {
      id: 'results',
      title: 'Results',
      units: [{ id: 'share', kind: 'statistic', text: 'By 2023, 96 per cent of tenders in Marrowsea ran online.', keywords: [] }],
    },
  ]);

describe("the session's own setting", () => {
  const { answerer } = workshop(writePack());

  it('is not asked of every unit: the reasons answer why the place of the title moved', () => {
    const a = answerer.answer('why did Marrowsea move to e-tendering?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^The ministry gave three reasons to move to e-tendering/);
  });

  it('still picks the unit that names it when that one answers', () => {
    expect(answerer.answer('what share of tenders in Marrowsea ran online by 2023?').text).toContain('96 per cent');
  });
});
