// A question may name a more specific way of doing what the pack says plainly: "who *built* it?" of a pack
// that says who *created* it. WordNet's narrower verbs bridge the two, at part credit, and only where the
// pack writes its word as a verb ("created"), never a noun ("place") that is a verb too.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('narrower', { title: 'Tides and Public Records', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'portal',
      title: 'The tide portal',
      units: [
        { id: 'redesign', kind: 'fact', text: 'The Tidewater Portal was redesigned by the Harbour Board in 2021, with larger charts.', keywords: [] },
        { id: 'origin', kind: 'fact', text: 'The Tidewater Portal was created by the Coastal Records Office in 2016.', keywords: [] },
        { id: 'rules', kind: 'fact', text: 'The tide rulebook is the standard way harbours publish tide tables, and the Harbour Board keeps it up to date.', keywords: [] },
        { id: 'rules-origin', kind: 'fact', text: 'The tide rulebook was developed by the Coastal Survey Unit in 2012.', keywords: [] },
        { id: 'refunds', kind: 'statistic', text: 'In 2020 the Harbour Board agreed to refund 4,700 wrongly issued bills for moorings.', keywords: [] },
        { id: 'use', kind: 'fact', text: 'Fishers check the Tidewater Portal before leaving harbour; about 4,000 visit it each week.', keywords: [] },
        { id: 'fees', kind: 'fact', text: 'Tide tables on the portal are free; printed almanacs cost a small fee.', keywords: [] },
      ],
    },
    {
      id: 'venue',
      title: 'About the week',
      units: [{ id: 'where', kind: 'fact', text: 'Harbour Data Week takes place at the old customs house; the venue opens at 8:00.', keywords: [] }],
    },
  ]);

describe('narrower verbs', () => {
  const { answerer } = workshop(writePack());

  it('answers "who built X?" from the unit saying who created it, not from one saying who redesigned it', () => {
    const a = answerer.answer('who built the tidewater portal?');
    expect(a.text).toMatch(/^The Tidewater Portal was created by the Coastal Records Office/);
  });

  it('reads "came up with" as making something new ("developed")', () => {
    expect(answerer.answer('who came up with the tide rulebook?').text).toMatch(/^The tide rulebook was developed by the Coastal Survey Unit/);
  });

  it('reads "pay back" as repaying, which the pack says as "refund"', () => {
    const a = answerer.answer('how many bills did the harbour board agree to pay back?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('4,700');
  });

  it('does not read "parking" as a way of placing things when the pack only says "takes place"', () => {
    const a = answerer.answer('is there parking at the venue?');
    expect(a.answered, a.text).toBe(false);
  });
});
