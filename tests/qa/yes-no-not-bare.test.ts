// "Is it compulsory?" after "what's the PTS?" asks whether something holds of the term, not what it is: a short
// yes/no question is no bare term, so the unit that says whether it holds answers, not the definition again.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

function writePack(): string {
  const dir = writeSmallPack('yes-no-not-bare', { title: 'Ferries Online in Port Ellis', workshop: 'Harbour Services Week 2027' }, [
    {
      id: 'pts',
      title: 'The Port Tally Standard',
      units: [
        { id: 'what', kind: 'definition', text: 'The Port Tally Standard (PTS) is the harbour board\u2019s common way for quays to publish what they load and unload each day.', keywords: [] },
        { id: 'tiers', kind: 'fact', text: 'A PTS record has two tiers: a short public summary, and a detailed table for auditors.', keywords: [] },
        { id: 'mandatory', kind: 'fact', text: 'In March 2024 the harbour board announced that using the PTS becomes a requirement for every quay, and records are mandatory from 2025.', keywords: [] },
      ],
    },
  ]);
  writeFileSync(join(dir, 'glossary.json'), JSON.stringify([{ term: 'PTS', expansion: 'Port Tally Standard: the harbour board\u2019s standard for daily cargo records.', synonyms: ['port tally standard'] }]));
  return dir;
}

describe('a short yes/no question about a term', () => {
  const { answerer } = workshop(writePack());

  it('is answered by the unit that says whether it holds, not the definition just given', () => {
    const first = answerer.answer("what's the PTS?");
    expect(first.text).toContain('common way for quays');
    const a = answerer.answer('is it compulsory?', first.topic);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('becomes a requirement for every quay');
    expect(a.text).not.toContain('common way for quays');
  });

  it('leaves a bare term asking what it is', () => {
    const a = answerer.answer('PTS?');
    expect(a.text).toContain('Port Tally Standard');
    expect(a.text).not.toMatch(/^In March 2024/);
  });
});
