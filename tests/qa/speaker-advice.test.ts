// "Any advice from the speaker?" asks for the speaker's own advice: a unit that opens as someone's advice ("Ana
// Reis's advice: ...") gives it, wherever it stands; "where should we start?" still gets where to begin.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('speaker-advice', { title: 'Berths on Time', workshop: 'Harbour Data Week 2025', presenter: 'Ana Reis' }, [
    {
      id: 'start',
      title: 'Where to start',
      units: [{ id: 'start-steps', kind: 'list', text: 'Where to start: (1) count your berths; (2) publish the tide tables; (3) open online booking for ferries first.', keywords: [] }],
    },
    {
      id: 'lessons',
      title: 'Lessons from Port Ellis',
      units: [
        { id: 'lesson-pilot', kind: 'fact', text: 'The pilot at Port Ellis ran for six months in 2022 with three ferry operators.', keywords: [] },
        { id: 'lesson-advice', kind: 'fact', text: "Ana Reis's advice: never switch off the paper ledger until the online bookings have run a full season without a gap.", keywords: [] },
      ],
    },
  ]);

describe('advice asked of the speaker', () => {
  const { answerer } = workshop(writePack());

  it.each(['any advice from the speaker?', 'any tips from the presenter'])('"%s" gives the unit that opens as her advice', (q) => {
    const a = answerer.answer(q);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^Ana Reis's advice: never switch off the paper ledger/);
  });

  it('leaves "where should we start?" to where to begin', () => {
    expect(answerer.answer('where should we start?').text).toMatch(/^Where to start: \(1\) count your berths/);
  });
});
