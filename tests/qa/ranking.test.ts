// "Which country ranked first?" asks for the top of a ranking, which a pack may say as "topped" or "led",
// even in a unit that also numbers a series ("the second edition", "the third").
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('ranking', { title: 'Water Utility Benchmarks', workshop: 'Atoll Utilities Day 2025' }, [
    {
      id: 'league',
      title: 'The Blue Tap Index',
      units: [
        { id: 'editions', kind: 'fact', text: 'The second edition of the Blue Tap Index, in 2021, covered 40 countries. The third, in 2023, covered 52 countries; Panama topped it, followed by Chile.', keywords: [] },
        { id: 'first-edition', kind: 'fact', text: 'The Blue Tap Index began in 2019 with a pilot among twelve utilities.', keywords: [] },
        { id: 'method', kind: 'fact', text: 'Utilities are scored on metered connections, repair times and published leak figures.', keywords: [] },
      ],
    },
    {
      id: 'tanks',
      title: 'Roof tanks',
      units: [
        { id: 'owners', kind: 'statistic', text: 'In 2024, 1,800 households on the atoll owned a roof tank.', keywords: [] },
        { id: 'cleaning', kind: 'fact', text: 'Tanks should be cleaned before each wet season so that the first rain flushes the gutters.', keywords: [] },
        { id: 'meters', kind: 'fact', text: 'Smart meters report each connection\'s use to the control room every hour.', keywords: [] },
      ],
    },
  ]);

describe('the top of a ranking', () => {
  const { answerer } = workshop(writePack());

  it('answers "which country ranked first in 2023?" from the unit that says who topped it', () => {
    expect(answerer.answer('which country came out on top in the 2023 Blue Tap Index?').text).toContain('Panama topped it');
    expect(answerer.answer('which country ranked first in the 2023 Blue Tap Index?').text).toContain('Panama topped it');
  });
});
