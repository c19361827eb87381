// "West Africa" in a pack that writes "West and Central Africa": a place named together with another is the
// pack's own, not a place outside it.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

describe('places named together', () => {
  const { answerer } = workshop(
    writeSmallPack('named-together', { title: 'Open Harbours', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'regions',
        title: 'Harbours by region',
        units: [
          { id: 'region-west', kind: 'statistic', text: 'In 2024, West and Central Africa had six harbours with open berth data, up from two in 2020; its other 16 harbours publish none.', keywords: [] },
          { id: 'region-east', kind: 'statistic', text: 'In 2024, East and Southern Africa had nine harbours with open berth data, up from five in 2020.', keywords: [] },
          { id: 'region-asia', kind: 'statistic', text: 'In 2024, South Asia had four harbours with open berth data.', keywords: [] },
        ],
      },
    ]),
  );

  it('answers about "West Africa" from the unit on West and Central Africa', () => {
    const a = answerer.answer('west africa, any progress since 2020?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('West and Central Africa had six harbours');
  });

  it('still declines a place the pack does not name', () => {
    const a = answerer.answer('north africa, any progress since 2020?');
    expect(a.answered, a.text).toBe(false);
  });
});
