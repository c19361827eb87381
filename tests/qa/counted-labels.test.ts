// What a figure counts, said the way slides say it: a label and then its figures ("Crossings made: 6,400 in
// 2019, ..."), the plural after a figure's modifiers ("46 quayside help kiosks"), and a figure verb whose figure
// comes after a comma ("the share of X fell at first, from 22 per cent ...").
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('counted-labels', { title: 'Ferries Online in Port Ellis', workshop: 'Harbour Services Week 2027' }, [
    {
      id: 'volumes',
      title: 'Volumes by year',
      units: [
        { id: 'bookings', kind: 'statistic', text: 'Bookings made online: 6,400 in 2019, 71,000 in 2020, 118,500 in 2021 and 151,900 in 2023.', keywords: [] },
        { id: 'staff', kind: 'statistic', text: 'In 2023 the booking office had 14 clerks, down from 31 in 2019, and 2 of its 5 counters closed.', keywords: [] },
        { id: 'open-data', kind: 'statistic', text: 'Open data on bookings: 6 (9%) of the 64 harbours in 2025 publish it.', keywords: [] },
        { id: 'kiosks', kind: 'fact', text: 'Booking is free. Travellers with no phone can book at any of the 46 quayside harbour help kiosks, which opened in 2023.', keywords: [] },
        { id: 'kiosk-use', kind: 'statistic', text: 'After the help kiosks opened, the share of travellers over 70 who book online rose from 12 to 31 per cent.', keywords: [] },
      ],
    },
    {
      id: 'islanders',
      title: 'Who books',
      units: [
        { id: 'island-share', kind: 'statistic', text: 'The share of passengers from the outer islands fell at first, from 22 per cent in 2019 to 17 per cent in 2020, because many had no internet; it rose to 38 per cent in 2023.', keywords: [] },
        { id: 'young', kind: 'statistic', text: 'Young people made up 54 per cent of online customers in 2023, up from 47 per cent in 2020.', keywords: [] },
      ],
    },
  ]);

describe('what a figure counts', () => {
  const { answerer } = workshop(writePack());

  it('is what the label before its figures names', () => {
    const a = answerer.answer('how many bookings in 2023?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('151,900 in 2023');
  });

  it('is not what a label names when its figure counts something else ("6 (9%) of the 64 harbours")', () => {
    expect(answerer.answer('how many bookings were made in 2025?').answered).toBe(false);
  });

  it('is the plural that heads the words after a figure, past a few modifiers ("46 quayside harbour help kiosks")', () => {
    const a = answerer.answer('how many help kiosks are there?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('46 quayside harbour help kiosks');
  });

  it("is a figure verb's subject, when the figure comes after a comma", () => {
    const a = answerer.answer('what % of passengers are from the outer islands?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^The share of passengers from the outer islands/);
  });
});
