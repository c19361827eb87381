// The stemmer takes the "s" off "bus" and "buses" alike, so the two stem apart ("bu", "buse"), as "census" and
// "censuses" do: a question in one number finds a pack that says the other.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('us-plurals', { title: 'Harbour Transport Online', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'permits',
      title: 'Driver permits',
      units: [
        { id: 'ferries', kind: 'fact', text: 'A Class F driver permit, for ferries, lasts 5 years.', keywords: [] },
        { id: 'buses', kind: 'fact', text: 'A Class D driver permit, for buses, lasts 3 years.', keywords: [] },
        { id: 'census', kind: 'fact', text: 'The harbour census counted 1,240 vessels in 2024.', keywords: [] },
        { id: 'survey', kind: 'fact', text: 'The harbour survey counted 310 vessels in 2023.', keywords: [] },
      ],
    },
  ]);

describe('words ending in -us and their plurals', () => {
  const { answerer } = workshop(writePack());

  it('finds "buses" for a question about a bus', () => {
    const a = answerer.answer('how long does a bus driver permit last?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^A Class D driver permit/);
    expect(a.text).not.toContain('Class F');
  });

  it('finds "census" for a question about censuses', () => {
    const a = answerer.answer('how many vessels did the harbour censuses count?');
    expect(a.text).toMatch(/^The harbour census counted 1,240/);
    expect(a.text).not.toContain('310');
  });
});
