// "Phase D" is one of a series, written as one word; the word must not read as a form of "phase" ("phased"), nor
// "Zone E" as "zone", or the letter that says which one is lost.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('series-letters', { title: 'Ferries Online in Port Ellis', workshop: 'Harbour Services Week 2027' }, [
    {
      id: 'rollout',
      title: 'The rollout',
      units: [
        { id: 'phases', kind: 'fact', text: 'The rollout is phased: each phase adds quays, and a phase starts only when the one before has run for three months.', keywords: [] },
        { id: 'phase-a', kind: 'fact', text: 'Phase A opened online booking on the two city quays in March 2023.', keywords: [] },
        { id: 'phase-d', kind: 'fact', text: 'Phase D brings the outer islands online in May 2026, with offline ticket checks for crews.', keywords: [] },
      ],
    },
    {
      id: 'zones',
      title: 'Fare zones',
      units: [{ id: 'zones', kind: 'fact', text: 'Fares are set for four zones: Zone A, the harbour; Zone B, the near islands; Zone C, the far islands; and Zone D, the outer reefs, at 9 crowns a trip.', keywords: [] }],
    },
  ]);

describe('one of a series named by a letter', () => {
  const { answerer } = workshop(writePack());

  it('finds the unit on that one ("phase D", typed in lower case)', () => {
    const a = answerer.answer('when does phase d start?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('Phase D brings the outer islands online in May 2026');
    expect(a.text).not.toContain('The rollout is phased');
  });

  it('declines one the pack does not have ("zone E")', () => {
    expect(answerer.answer('what is the fare for Zone E?').answered).toBe(false);
  });
});
