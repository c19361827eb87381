// An irregular past form is a verb, however it ends: "how many *came* by ferry?" asks how many did so, it does
// not count "comings"; so "what about by bus?" after it asks the same of the bus.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('past-forms', { title: 'Harbour Traffic', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'traffic',
      title: 'Passengers by mode',
      units: [
        { id: 'totals', kind: 'statistic', text: 'In 2026 Port Ellis handled 402,000 passengers: 161,000 by ferry, 118,000 by bus and 72,000 by car.', keywords: [] },
        { id: 'shares', kind: 'statistic', text: 'Traffic grew because the quay reopened; the share that came by ferry fell from 81 per cent in 2023 to 40 per cent in 2026.', keywords: [] },
      ],
    },
    {
      id: 'buses',
      title: 'The harbour bus',
      units: [{ id: 'bus-line', kind: 'fact', text: 'The harbour bus was added in June 2025 and stops at the quay every 20 minutes.', keywords: [] }],
    },
  ]);

describe('an irregular past form after "how many"', () => {
  const { answerer } = workshop(writePack());

  it('is what they did: "what about by bus?" after "how many came by ferry?" asks how many came by bus', () => {
    const first = answerer.answer('how many came by ferry in 2026?');
    expect(first.answered, first.text).toBe(true);
    const a = answerer.answer('what about by bus?', first.topic);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('118,000 by bus');
  });
});
