// Two units that answer a question equally well, or nearly: the ranking cannot tell which one is meant, so the
// answer gives both (cited). Sure of the best, it gives that one first and offers the other as another reading
// ("Or perhaps: ..."); less sure, it says it is not certain of either. A glossary entry and a unit on what it names
// agree, and are given without doubt; a clear winner is given alone.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/content/load.js';
import { CALIBRATION } from '../../src/qa/calibration.js';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('ties', { title: 'Harbour Services Today', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'booking',
      title: 'Harbour booking',
      units: [
        { id: 'paper', kind: 'fact', text: 'Harbour booking began on paper in Lisbon in 1998, with a ledger kept at the gate.', keywords: [] },
        { id: 'fees', kind: 'fact', text: 'Harbour fees are set each year by the port council and published in March.', keywords: [] },
      ],
    },
    {
      id: 'tides',
      title: 'Tide tables',
      units: [{ id: 'tides', kind: 'fact', text: 'Tide tables are published by the coastal survey every week.', keywords: [] }],
    },
    {
      id: 'web',
      title: 'Ports on the web',
      // (Another section: not a neighbour that would join the answer anyway.)
      units: [{ id: 'online', kind: 'fact', text: 'Online harbour booking began in Mombasa in 2004, when the port put its berth list on the web.', keywords: [] }],
    },
  ]);

describe('a tie between two units', () => {
  const { answerer } = workshop(writePack());

  it('gives both units when they answer equally well, the second as another reading', () => {
    const a = answerer.answer('where did harbour booking begin?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^Harbour booking began on paper in Lisbon .+ Or perhaps: Online harbour booking began in Mombasa/);
    expect(a.sources.length).toBeGreaterThanOrEqual(1);
  });

  it('gives a clear winner alone', () => {
    const a = answerer.answer('when are harbour fees published?');
    expect(a.text).toMatch(/^Harbour fees are set each year/);
    expect(a.text).not.toContain('Mombasa');
  });
});

const writeDesks = () =>
  writeSmallPack('near-ties', { title: 'Harbour Services Today', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'lisbon',
      title: 'Booking in Lisbon',
      units: [{ id: 'desk', kind: 'fact', text: 'Harbour booking in Lisbon is run by Ana Reis, from a desk at the gate.', keywords: [] }],
    },
    {
      id: 'mombasa',
      title: 'Booking in Mombasa',
      units: [{ id: 'council', kind: 'fact', text: 'The Port Council runs harbour booking in Mombasa, from its office on the quay.', keywords: [] }],
    },
  ]);

describe('a near tie between two units', () => {
  const { answerer } = workshop(writeDesks());

  it('gives both when one leads the other by a little, though it scores high: the second is often the one meant', () => {
    const read = answerer.explain('who runs harbour booking?');
    const [first, second] = read.ranked;
    // (Not an exact tie, and the best one scores as "sure": only the margin says the two are close.)
    expect(first!.score - second!.score).toBeGreaterThan(0.05);
    expect(read.confidence).toBeGreaterThanOrEqual(CALIBRATION.sure);
    const a = answerer.answer('who runs harbour booking?');
    expect(a.text).toMatch(/^The Port Council runs harbour booking in Mombasa.+ Or perhaps: Harbour booking in Lisbon is run by Ana Reis/);
  });
});

const writeLongTies = () =>
  writeSmallPack('long-ties', { title: 'Harbour Services Today', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'booking',
      title: 'Harbour booking',
      units: [
        {
          id: 'paper',
          kind: 'fact',
          text: 'Harbour booking began on paper in Lisbon in 1998, with a ledger kept at the gate. Each berth had a page, and the harbour master signed every change by hand. Captains had to send a runner to the gate to reserve a berth, and disputes over who had written earlier were settled by the clerk on duty.',
          keywords: [],
        },
      ],
    },
    {
      id: 'web',
      title: 'Harbour booking on the web',
      units: [
        {
          id: 'online',
          kind: 'fact',
          text: 'Online harbour booking began in Mombasa in 2004, when the port put its berth list on the web, after shipping lines had asked for years to see berths from sea. Other ports in the region followed within five years, most of them with the same software and the same paper forms scanned as a fallback.',
          keywords: [],
        },
      ],
    },
  ]);

describe('a near tie between two long units', () => {
  const { answerer } = workshop(writeLongTies());

  it("gives the best one and the second's sentence that answers, when the two are too long together", () => {
    const a = answerer.answer('where did harbour booking begin?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text.length).toBeLessThanOrEqual(600);
    expect(a.text).toMatch(/^Harbour booking began on paper in Lisbon .+ Or perhaps: Online harbour booking began in Mombasa in 2004, [^.]+\. \(Source/);
  });
});

describe('a fact of the session', () => {
  // (A tuning pack's own title slide and units, where a unit that says "hold" came close to "where is it being held?".)
  const { answerer } = workshop(join(packageRoot(), 'eval', 'packs', 'cybersecurity', 'content'));

  it('is given without a unit of the deck that only shares a word with the question', () => {
    const a = answerer.answer('and where is it being held?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^The workshop was held in /);
    expect(a.text).not.toContain('Tier 2');
  });
});

/** A pack whose glossary spells out an agency that a unit also speaks of. */
function writeAgencyPack(): string {
  const dir = writeSmallPack('glossed', { title: 'Safe Harbours', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'agencies',
      title: 'Who does what',
      units: [
        { id: 'pha', kind: 'definition', text: 'The Port Harbour Agency (PHA) inspects every harbour in Ruritania each year. It does not run ferries; it licenses pilots and can close a quay.', keywords: ['pha', 'inspection'] },
        { id: 'ferries', kind: 'fact', text: 'Ferries are run by four private companies under ten-year contracts.', keywords: [] },
      ],
    },
  ]);
  writeFileSync(join(dir, 'glossary.json'), JSON.stringify([{ term: 'PHA', expansion: 'Port Harbour Agency: the Ruritanian body that inspects harbours and licenses pilots.', synonyms: ['port harbour agency'] }]));
  return dir;
}

describe('a glossary entry and a unit on the same thing', () => {
  const { answerer } = workshop(writeAgencyPack());

  it('gives both without doubt: they agree, they are not two readings of the question', () => {
    const a = answerer.answer('what is the PHA?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('the Ruritanian body that inspects harbours');
    expect(a.text).toContain('It does not run ferries');
    expect(a.text).not.toMatch(/not certain/);
  });
});

const unitOf = (id: string, title: string, text: string) => ({ id, title, units: [{ id, kind: 'fact', text, keywords: [] }] });

describe('a near tie whose two units only just fit', () => {
  // (Together they fit in 600 characters, but not with the words that say the bot is not sure.)
  const lisbon =
    'Harbour booking began on paper in Lisbon in 1998, with a ledger kept at the gate. Each berth had a page, and the harbour master signed every change by hand, so a captain sent a runner ashore to reserve one, and the clerk on duty settled any quarrel over who had asked first. Fees were paid in cash at the same gate, and the ledger was copied out once a month for the port council.';
  const mombasa = 'Online harbour booking began in Mombasa in 2004, when the port put its berth list on the web for shipping lines after years of their asking.';
  const { answerer } = workshop(
    writeSmallPack('just-fits', { title: 'Harbour Services Today', workshop: 'Harbour Data Week 2025' }, [
      unitOf('paper', 'Harbour booking', lisbon),
      unitOf('online', 'Harbour booking on the web', mombasa),
    ]),
  );

  it('shows both whole or by their sentences, never one of them cut away', () => {
    const a = answerer.answer('where did harbour booking begin?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text.length).toBeLessThanOrEqual(600);
    expect(a.text).toMatch(/^Harbour booking began on paper in Lisbon .+ Or perhaps: Online harbour booking began in Mombasa/);
    expect(a.text).not.toContain('…');
  });
});

describe('a near tie of two units too long to go together', () => {
  // (One long sentence each: neither can be cut to the part that answers.)
  const long = (place: string, year: string) =>
    `Harbour booking began in ${place} in ${year}, when the harbour master, after a decade of disputes between captains, clerks, pilots and the shipping lines over who had asked first for which berth and on what terms, agreed with the port council that every request would be written into one ledger kept at the gate and read aloud each morning to whoever was waiting there.`;
  const { answerer } = workshop(
    writeSmallPack('too-long', { title: 'Harbour Services Today', workshop: 'Harbour Data Week 2025' }, [
      unitOf('lisbon', 'Harbour booking in Lisbon', long('Lisbon', '1998')),
      unitOf('porto', 'Harbour booking in Porto', long('Porto', '1999')),
    ]),
  );

  it('gives the best one alone, and still says it is not sure', () => {
    const read = answerer.explain('where did harbour booking begin?');
    expect(read.ranked[0]!.score - read.ranked[1]!.score).toBeLessThanOrEqual(CALIBRATION.runnerUpGap);
    const a = answerer.answer('where did harbour booking begin?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^I'm not certain, but this looks closest: Harbour booking began in (Lisbon|Porto)/);
    expect(a.sources).toHaveLength(1);
  });
});
