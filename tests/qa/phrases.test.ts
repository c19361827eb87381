// A unit that says a run of the question's words as the question says them ("a register of registers") comes
// before one that only holds each word, when both could answer; it orders the answers, it does not make the bot
// surer of any.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('phrases', { title: 'Harbour Records Today', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'registers',
      title: 'Harbour registers',
      units: [
        { id: 'register-what', kind: 'definition', text: 'A harbour register is the authoritative list of the vessels, berths or pilots of a port, kept by one office that answers for it.', keywords: [] },
        { id: 'register-kinds', kind: 'list', text: 'Common registers are the vessel register, the berth register and the pilot register; each port keeps at least the first.', keywords: [] },
        { id: 'register-overview', kind: 'fact', text: 'Port Ellis keeps a register of registers: one page naming every register the port holds, who owns it and how others may read it.', keywords: [] },
      ],
    },
    {
      id: 'cargo',
      title: 'Cargo',
      units: [
        { id: 'cargo-ledger', kind: 'fact', text: 'Cargo manifests flow from the shipping lines to customs, then on to the harbour master, a day before each vessel docks.', keywords: [] },
        { id: 'cargo-checks', kind: 'fact', text: 'Customs checks the manifest against the harbour master record of what docks, and flags any vessel whose manifest came late.', keywords: [] },
      ],
    },
  ]);

describe('runs of the question\'s own words', () => {
  const { answerer } = workshop(writePack());

  it('answers "what is a register of registers" with the unit that says it, not the definition of a register', () => {
    for (const q of ["what is a 'register of registers'?", 'what do they mean by a register of registers']) {
      const a = answerer.answer(q);
      expect(a.answered, q).toBe(true);
      expect(a.text, q).toContain('Port Ellis keeps a register of registers');
      expect(a.text, q).not.toContain('A harbour register is the authoritative list');
    }
  });

  it('still gives the definition of a register when asked what a register is', () => {
    const a = answerer.answer('what is a harbour register?');
    expect(a.text).toMatch(/^A harbour register is the authoritative list/);
  });
});
