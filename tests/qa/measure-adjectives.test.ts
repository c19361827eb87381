// "How accurate is X?" asks for X's accuracy: an adjective after "how" that measures a noun the pack uses
// (WordNet's attribute links, "accurate" for "accuracy") is a question the pack can answer, not one about
// something it never states.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('measure-adjectives', { title: 'Ferry Tracking in Port Ellis', workshop: 'Harbour Services Week 2027' }, [
    {
      id: 'tracker',
      title: 'The live ferry tracker',
      units: [
        { id: 'accuracy', kind: 'statistic', text: 'The live tracker predicts arrivals to within two minutes; its accuracy rose from 64 per cent in 2021 to 91 per cent in 2024 after the harbour added radar data.', keywords: [] },
        { id: 'users', kind: 'statistic', text: 'About 12,000 passengers open the tracker each day.', keywords: [] },
      ],
    },
    {
      id: 'tickets',
      title: 'Tickets',
      units: [{ id: 'share', kind: 'statistic', text: 'By 2023, 71 per cent of ferry tickets in Port Ellis were bought online.', keywords: [] }],
    },
  ]);

describe('an adjective that measures what the pack names', () => {
  const { answerer } = workshop(writePack());

  it('"how accurate" is answered by the accuracy', () => {
    const a = answerer.answer('how accurate is the ferry tracker?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('91 per cent');
  });

  it('still declines a measure the pack never gives', () => {
    expect(answerer.answer('how heavy is a ferry?').answered).toBe(false);
  });
});
