// "How many ferries does the board run? I'm from the transport office in Tanzania and we want to compare": where
// the asker is from is who asks, not what is asked about; a place the pack never names there is no reason to decline.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('asker-from', { title: 'Safe Crossings', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'fleet',
      title: 'The ferry fleet',
      units: [
        { id: 'size', kind: 'statistic', text: 'The Port Ellis Ferry Board runs 14 ferries on 6 routes to the outer islands.', keywords: [] },
        { id: 'age', kind: 'fact', text: 'The oldest ferry was built in 1988; four new ferries arrive in 2026.', keywords: [] },
      ],
    },
    {
      id: 'fares',
      title: 'Fares',
      units: [{ id: 'fare', kind: 'fact', text: 'A single crossing costs 4 crowns; the fare rose from 3 crowns on 1 March 2024.', keywords: [] }],
    },
  ]);

describe('where the asker is from', () => {
  const { answerer } = workshop(writePack());

  it('says who asks, not what is asked about', () => {
    const a = answerer.answer("how many ferries does the board run? i'm from the transport office in Tanzania and we want to compare");
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('14 ferries');
  });

  it('is still a place asked about when the question itself names it', () => {
    expect(answerer.answer('how many ferries run in Tanzania?').answered).toBe(false);
  });

  it('is not a condition the asker is in', () => {
    expect(answerer.answer("can i get a fare refund if i'm in a hurry?").answered).toBe(false);
  });
});
