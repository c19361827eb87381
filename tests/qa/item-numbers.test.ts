// A list's item numbers, "(1) why change; (2) ...", order its items: they are no figure, so an agenda that names
// a topic does not answer "how much" or "how many" of it in place of the unit that gives the figures (not even
// when the session's title, over the agenda, holds the question's verb).
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('item-numbers', { title: 'Every Hour Dropped', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'intro',
      title: 'Every Hour Dropped: the session',
      units: [
        {
          id: 'agenda',
          kind: 'list',
          text: 'Agenda: (1) why change; (2) the new booking desk; (3) harbour fees; (4) berth waiting times; (5) lost luggage; (6) where to start.',
          keywords: [],
        },
      ],
    },
    {
      id: 'waits',
      title: 'What changed at the quay',
      units: [{ id: 'waits-fell', kind: 'fact', text: 'Berth waiting times fell from 14 hours in 2019 to 5 hours in 2024, the fastest at any port on the coast.', keywords: [] }],
    },
  ]);

describe('item numbers of a list', () => {
  const { answerer } = workshop(writePack());

  it('are no figure: "how much have X dropped?" is answered by the unit with the figures', () => {
    const a = answerer.answer('how much have berth waiting times dropped?');
    expect(a.answered, a.text).toBe(true);
    // (The agenda may still come second: it names the topic.)
    expect(a.text).toMatch(/^(I'm not certain, but these two look closest: )?Berth waiting times fell from 14 hours/);
  });
});
