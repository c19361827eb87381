// A pack may count money in a currency no standard lists ("MRX 40", "96 million rix"): its glossary says what the
// currency is, and a figure next to that code or name is an amount of money.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

function writePack(): string {
  const dir = writeSmallPack('own-currency', { title: 'Ferry Passes in Marrowsea', workshop: 'Harbour Services Week 2027' }, [
    {
      id: 'passes',
      title: 'The monthly ferry pass',
      units: [
        { id: 'uptake', kind: 'statistic', text: 'The monthly ferry pass was bought by 12,400 people in 2023, up from 3,100 in 2021.', keywords: [] },
        { id: 'price', kind: 'fact', text: 'A monthly ferry pass is MRX 40 for adults and MRX 15 for students, sold online and at the quay.', keywords: [] },
      ],
    },
    {
      id: 'budget',
      title: 'Funding',
      units: [{ id: 'build', kind: 'fact', text: 'Building the booking website took 14 months and 9 people at the harbour board; its running costs are shared with the port.', keywords: [] }],
    },
  ]);
  writeFileSync(join(dir, 'glossary.json'), JSON.stringify([{ term: 'MRX', expansion: 'Marrowsea rix, the national currency.', synonyms: ['rix'] }]));
  return dir;
}

function writeLetterPack(): string {
  const dir = writeSmallPack('own-currency-letter', { title: 'Ferry Passes in Marrowsea', workshop: 'Harbour Services Week 2027' }, [
    {
      id: 'phases',
      title: 'Phases',
      units: [
        { id: 'phase-3', kind: 'fact', text: 'Phase 3 (2024) put ticket machines on 12 quays and trained 40 crew members.', keywords: [] },
        { id: 'phase-4', kind: 'fact', text: 'Phase 4 (2025 to 2027) adds season passes on phones and a link to the island register. It is funded with V3.2 million in the 2026 budget.', keywords: [] },
      ],
    },
  ]);
  writeFileSync(join(dir, 'glossary.json'), JSON.stringify([{ term: 'Velari', expansion: "Marrowsea's currency (V).", synonyms: ['V'] }]));
  return dir;
}

describe("the pack's own currency by one letter", () => {
  const { answerer } = workshop(writeLetterPack());

  it('makes a figure written against that letter an amount of money ("V3.2 million")', () => {
    const a = answerer.answer('how much money for phase 4?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('V3.2 million');
  });
});

describe("the pack's own currency", () => {
  const { answerer } = workshop(writePack());

  it('makes a figure next to its code an amount of money', () => {
    const a = answerer.answer('how much does a monthly pass cost?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('A monthly ferry pass is MRX 40');
    expect(a.text).not.toContain('12,400');
  });

  it('answers "how much is a monthly pass?", no money word said, with its price', () => {
    const a = answerer.answer('how much is a monthly pass?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^A monthly ferry pass is MRX 40/);
  });

  it('leaves other figures alone: months and people are no price', () => {
    expect(answerer.answer('how much did building the website cost?').answered).toBe(false);
  });
});
