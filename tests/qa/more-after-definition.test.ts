// "Tell me more" after a definition from the glossary: the glossary belongs to no section, so there is no "next
// unit" to give; the deck's own unit about the same thing is the more there is to say.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

function writePack(): string {
  const dir = writeSmallPack('more-after-definition', { title: 'Harbour Data Day', workshop: 'Port Ellis Forum 2025' }, [
    {
      id: 'testing',
      title: 'Trying things safely',
      units: [
        { id: 'pilots', kind: 'fact', text: 'Port Ellis runs small pilots with two berths before any rule changes for the whole harbour.', keywords: [] },
        { id: 'trial-zones', kind: 'fact', text: 'The harbour board keeps trial zones where new crane software and tariff rules are tested with real ships for six months.', keywords: [] },
        { id: 'trial-review', kind: 'fact', text: 'After six months the board publishes what the trial showed and decides whether to keep the change.', keywords: [] },
      ],
    },
    {
      id: 'tides',
      title: 'Tides',
      units: [{ id: 'tide-tables', kind: 'fact', text: 'Tide tables are published every Monday for the coming fortnight.', keywords: [] }],
    },
  ]);
  writeFileSync(
    join(dir, 'glossary.json'),
    JSON.stringify([
      { term: 'Trial zone', expansion: 'A part of the harbour where new software or rules are tried out before wider use.', synonyms: [] },
      { term: 'Bollard', expansion: 'A short thick post on the quay that ships tie their lines to.', synonyms: [] },
    ]),
  );
  return dir;
}

describe('"tell me more" after a glossary definition', () => {
  const { answerer } = workshop(writePack());

  it('gives the unit about the same thing, with the rest of its section, each once', () => {
    const defined = answerer.answer('what is a trial zone?');
    expect(defined.text).toContain('A part of the harbour where new software or rules are tried out');
    const more = answerer.answer('tell me more', defined.topic);
    expect(more.answered).toBe(true);
    expect(more.text).toContain('trial zones where new crane software and tariff rules are tested');
    // (The next unit of that section fits in the same answer.)
    expect(more.text).toContain('After six months the board publishes');
    expect(more.text).not.toContain('Port Ellis runs small pilots');
    // Then the section's unit before them, which nothing has shown yet; then no more.
    const again = answerer.answer('go on', more.topic);
    expect(again.text).toMatch(/^Earlier in this part: Port Ellis runs small pilots with two berths/);
    const last = answerer.answer('more', again.topic);
    expect(last.text).toBe('That\'s all the workshop material says about "Trying things safely".');
  });

  it('says there is no more when the deck says nothing else about the term', () => {
    const defined = answerer.answer('what does bollard mean?');
    expect(defined.text).toContain('A short thick post on the quay');
    const more = answerer.answer('tell me more', defined.topic);
    expect(more, more.text).toMatchObject({ answered: false });
    expect(more.text).toMatch(/^That's all the workshop material says about that/);
  });
});

describe('"tell me more" on an invented ferry authority\'s pack', () => {
  // Readiness items that name the deck's sections about them; acronyms many units name.
  const { answerer } = workshop(join(import.meta.dirname, '../fixtures/ferry-pack'));

  it('continues with a unit of the sections the item names', () => {
    const item = answerer.answer('how many harbours show real-time departures?');
    expect(item.text).toMatch(/^Real-time departure information: 56 of the 120 harbours/);
    const more = answerer.answer('tell me more', item.topic);
    expect(more.text).toMatch(/^Real-time positions come from the AIS transponder/);
  });

  it('after a readiness item the deck speaks of in other words, still goes on in the sections it names', () => {
    const item = answerer.answer('what is contactless payment?');
    expect(item.text).toMatch(/^Contactless payment: 48 of the 120 harbours/);
    const more = answerer.answer('tell me more', item.topic);
    expect(more.text).toMatch(/^The Tidecard is the MFA's contactless smartcard/);
  });

  it('does not give again what a run of "more" showed before an "and X?" in the same section', () => {
    const staff = answerer.answer('how many staff does the MFA employ?');
    expect(staff.text).toMatch(/^The MFA employs 1,340 staff/);
    const lifeline = answerer.answer('tell me more', staff.topic);
    expect(lifeline.text).toMatch(/^A lifeline route is a route/);
    const age = answerer.answer('and how old are its vessels?', lifeline.topic);
    expect(age.text).toMatch(/^The average MFA vessel is 23 years old/);
    const more = answerer.answer('tell me more', age.topic);
    expect(more.text).toMatch(/^Earlier in this part: The Marrowsea Ferry Authority \(MFA\) runs 38 routes/);
    expect(answerer.answer('tell me more', more.topic).text).toBe('That\'s all the workshop material says about "The ferry network".');
  });

  it('after an acronym, gives the unit that spells it out among those that name it', () => {
    const defined = answerer.answer('what does MFA stand for?');
    expect(defined.text).toMatch(/^MFA: Marrowsea Ferry Authority/);
    const more = answerer.answer('tell me more', defined.topic);
    expect(more.text).toMatch(/^The Marrowsea Ferry Authority \(MFA\) runs 38 routes/);
  });
});
