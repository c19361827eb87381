// A comparative is the pack's own word, compared: "happier" asks about what the pack calls "happy", "cheaper"
// about "cheap". (A superlative, "which was highest?", asks for the top of a ranking instead.)
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('comparatives', { title: 'Ferries for Everyone', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'survey',
      title: 'What riders told us',
      units: [
        { id: 'happy', kind: 'statistic', text: 'In the 2024 survey 81 per cent of riders said they were happy with the booking app, against 52 per cent with the old kiosks.', keywords: [] },
        { id: 'riders', kind: 'statistic', text: 'Riders made 2.4 million trips in 2024, most of them between Port Ellis and Marrowsea.', keywords: [] },
      ],
    },
    {
      id: 'fares',
      title: 'Fares',
      units: [{ id: 'cheap', kind: 'fact', text: 'Return tickets are cheap off-peak: a return costs 4 dollars before 07:00 and after 19:00.', keywords: [] }],
    },
  ]);

describe('a comparative of a word the pack uses', () => {
  const { answerer } = workshop(writePack());

  it('is read as that word: "happier" finds what riders were happy with', () => {
    const a = answerer.answer('are riders happier now?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('81 per cent of riders said they were happy');
  });
});
