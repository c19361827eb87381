// Clipped words people type ("recs", "docs") are English words too ("rec", "doc"), so spelling correction
// leaves them be: they are read as the whole word, unless the pack itself uses the short form.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const pack = (extra: object[] = []) =>
  writeSmallPack('clippings', { title: 'Reviewing the Harbour Authority', workshop: 'Ports Governance Forum 2025' }, [
    {
      id: 'review',
      title: 'The harbour review',
      units: [
        { id: 'recommendations', kind: 'statistic', text: 'The independent harbour review made 14 recommendations, 9 of them on safety.', keywords: [] },
        { id: 'panel', kind: 'fact', text: 'A panel of three former pilots led the harbour review in 2023.', keywords: [] },
        ...extra,
      ],
    },
  ]);

describe('clipped words', () => {
  it('reads "recs" as recommendations', () => {
    const a = workshop(pack()).answerer.answer('how many recs did the harbour review make?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('14 recommendations');
  });

  it('keeps the short form when the pack uses it ("REC" as a name)', () => {
    const { answerer } = workshop(pack([{ id: 'rec', kind: 'fact', text: 'The Regional Electricity Committee (REC) runs the harbour grid.', keywords: [] }]));
    expect(answerer.answer('who runs the REC?').text).toContain('Regional Electricity Committee');
  });
});
