// A message that tells its setting, then asks: the asking clause is the question, even when its subject points
// back at the setting ("how do *they* register") and the setting reports someone else's asking ("my manager
// keeps asking me to explain it").
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('setting-then-asking', { title: 'Ferries Online in Port Ellis', workshop: 'Harbour Services Week 2027' }, [
    {
      id: 'why',
      title: 'Why tickets moved online',
      units: [
        { id: 'queues', kind: 'fact', text: 'Under paper tickets, queues at the harbour office reached 40 minutes in summer, and an audit in 2021 found 9 per cent of fares never reached the harbour board.', keywords: [] },
        { id: 'decision', kind: 'fact', text: 'In March 2022 the harbour board decided to sell every ferry ticket online from 2023.', keywords: [] },
      ],
    },
    {
      id: 'traders',
      title: 'Traders on the booking portal',
      units: [
        { id: 'register', kind: 'fact', text: 'To register, a trader: (1) opens an account on the booking portal with its licence number; (2) uploads a hygiene certificate; (3) picks the quays it serves. The office checks the file within 5 working days.', keywords: [] },
        { id: 'help', kind: 'fact', text: 'Traders with no computer can get help at any of the 6 harbour kiosks, and registration is free.', keywords: [] },
        { id: 'volumes', kind: 'statistic', text: 'By 2024, 212 fish traders and 48 bakeries sold to the harbour canteens through the portal.', keywords: [] },
      ],
    },
  ]);

describe('a setting, then the question', () => {
  const { answerer } = workshop(writePack());

  it('reads "how do they X on Y?" by its own words, "they" being whom the setting named', () => {
    const a = answerer.answer('I have a fishing coop that wants to sell to the canteens, how do they register on the booking portal?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('(1) opens an account');
  });

  it("does not take someone else's asking in the setting for a second question", () => {
    const a = answerer.answer('why did the harbour board move tickets online? my manager keeps asking me to explain the reasoning to the crews before the summer');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('queues at the harbour office');
  });
});
