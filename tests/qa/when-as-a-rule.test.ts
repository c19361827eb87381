// "When do they happen?" after "what is a safety inspection?": what happens as a rule happens at a stage ("at the
// end of each season"), not on a date; and "they" are the inspections, never the session on the title slide.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('when-as-a-rule', { title: 'Safe Crossings', workshop: 'Harbour Services Week 2025', date: 'Tuesday, 14 October 2025' }, [
    {
      id: 'inspect',
      title: 'Safety inspections',
      units: [
        { id: 'what', kind: 'definition', text: 'A safety inspection is a review in which two harbour surveyors check a ferry against the Safe Crossings Code. It is held at the end of each sailing season and after any repair to the hull.', keywords: [] },
        { id: 'result', kind: 'fact', text: 'A ferry either passes or fails; a ferry that fails may not carry passengers until it is inspected again.', keywords: [] },
      ],
    },
    {
      id: 'fares',
      title: 'Fares',
      units: [{ id: 'fare', kind: 'fact', text: 'A single crossing costs 4 crowns; the fare rose from 3 crowns on 1 March 2024.', keywords: [] }],
    },
  ]);

describe('"when" asked of what happens as a rule', () => {
  const { answerer } = workshop(writePack());

  it('is answered by the stage it happens at, not by the session date', () => {
    const first = answerer.answer('what is a safety inspection?');
    expect(first.text).toMatch(/^A safety inspection is a review/);
    const a = answerer.answer('when do they happen?', first.topic);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('end of each sailing season');
    expect(a.text).not.toContain('14 October 2025');
  });
});
