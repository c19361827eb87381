// The city the session was held in, named only on its title slide, is no topic of the pack: "how do permits work
// in <that city>?" asks of a place the pack says nothing about, and is declined; the session's own facts still
// answer questions about where it was held.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('setting-place', { title: 'Parking Permits Online in Valdmere', workshop: 'Pacific City Services Forum 2027', location: 'Suva, Fiji', presenter: 'Ana Reis' }, [
    {
      id: 'intro',
      title: 'About this session',
      units: [{ id: 'intro-title', kind: 'title', text: 'Parking Permits Online in Valdmere is presented by Ana Reis at the Pacific City Services Forum 2027 in Suva.', keywords: [] }],
    },
    {
      id: 'permits',
      title: 'Resident permits',
      units: [
        { id: 'permits-how', kind: 'fact', text: 'In Valdmere, residents apply for a parking permit on the council portal; the permit is checked by number plate, so there is no paper disc.', keywords: [] },
        { id: 'permits-count', kind: 'statistic', text: 'Valdmere issued 41,000 resident parking permits in 2025.', keywords: [] },
      ],
    },
  ]);

describe('the place the session was held in', () => {
  const { answerer } = workshop(writePack());

  it('declines "how do parking permits work in suva?"', () => {
    const a = answerer.answer('how do parking permits work in suva?');
    expect(a.answered, a.text).toBe(false);
  });

  it('still answers the same question of the pack\'s own city, and where the session is held', () => {
    expect(answerer.answer('how do parking permits work in valdmere?').text).toContain('council portal');
    expect(answerer.answer('where is the workshop being held?').text).toContain('Suva');
  });
});
