// "Examples of shared registers?", and "examples?" after "what is a shared register?": instances of the thing,
// which the unit that names some ("such as ...") gives; not the definition again, and not "which one do you
// mean?" because many parts of the deck name the thing.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('examples', { title: 'One Record, Many Services: Shared Registers in Local Government', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'registers',
      title: 'Shared registers',
      units: [
        { id: 'what', kind: 'definition', text: 'A shared register is the one trusted record of something that every council office reads, instead of keeping its own copy.', keywords: [] },
        { id: 'kinds', kind: 'fact', text: 'Councils keep shared registers of things such as residents, addresses, parcels of land and licensed boats; the address register is used most.', keywords: [] },
        { id: 'owner', kind: 'fact', text: 'Each shared register has one owner, who answers for its quality and decides who may change it.', keywords: [] },
      ],
    },
    {
      id: 'use',
      title: 'Using the registers',
      units: [
        { id: 'reuse', kind: 'fact', text: 'Offices reuse a shared register through an interface, so a resident who moves tells the council once.', keywords: [] },
        { id: 'audit', kind: 'fact', text: 'Every change to a shared register is logged, and residents can see who looked at their record.', keywords: [] },
        { id: 'cost', kind: 'fact', text: 'Running the shared registers costs the five councils 1.2 million crowns a year.', keywords: [] },
      ],
    },
  ]);

describe('asking for examples', () => {
  const { answerer } = workshop(writePack());

  it('is answered by the unit that names instances', () => {
    for (const q of ['examples of shared registers?', 'can you give some examples of shared registers']) {
      const a = answerer.answer(q);
      expect(a.answered, q).toBe(true);
      expect(a.text, q).toMatch(/residents, addresses, parcels of land/);
    }
  });

  it('after an answer, "examples?" asks for instances of what it was about', () => {
    const first = answerer.answer('what is a shared register?');
    expect(first.text).toContain('one trusted record');
    for (const q of ['examples?', 'give me some examples', 'like what?']) {
      const a = answerer.answer(q, first.topic);
      expect(a.answered, q).toBe(true);
      expect(a.text, q).toMatch(/residents, addresses, parcels of land/);
    }
  });
});
