// A pack may say one thing twice: a summary unit that repeats its neighbour's sentence. An answer that joins
// the two says it once.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('repeats', { title: 'Village Water Laws', workshop: 'Atoll Utilities Day 2025' }, [
    {
      id: 'laws',
      title: 'Water laws',
      units: [
        {
          id: 'summary',
          kind: 'statistic',
          text: 'Most island councils have a water safety bylaw (48), a leak reporting rule (41) and a drought plan (36); 22 councils, about a third of those surveyed, have rules on rainwater tanks.',
          keywords: [],
        },
        { id: 'tanks', kind: 'statistic', text: '22 councils, or about a third of those surveyed, have rules on rainwater tanks.', keywords: [] },
        { id: 'meters', kind: 'statistic', text: '30 councils (50 per cent) read household meters every month.', keywords: [] },
      ],
    },
    {
      id: 'phones',
      title: 'Phones on ferries',
      units: [
        { id: 'underway', kind: 'fact', text: 'Skippers must not use a phone at the wheel.', keywords: [] },
        { id: 'moored', kind: 'fact', text: 'Skippers may use a phone at the wheel once the ferry is moored at the wharf.', keywords: [] },
      ],
    },
    {
      id: 'training',
      title: 'Training',
      units: [{ id: 'course', kind: 'fact', text: 'Plumbers on the atoll take a two-day water safety course each year.', keywords: [] }],
    },
  ]);

describe('a pack that says one thing twice', () => {
  const { answerer } = workshop(writePack());

  it('says it once when the answer runs on into the unit that repeats it', () => {
    const a = answerer.answer('how many councils have water rules');
    expect(a.text).toContain('water safety bylaw (48)');
    expect(a.text.match(/have rules on rainwater tanks/g)).toHaveLength(1);
  });

  it('does not take "must not" for a repeat of "may": both are said', () => {
    const a = answerer.answer('can skippers use a phone at the wheel?');
    expect(a.text).toContain('must not use a phone');
    expect(a.text).toContain('once the ferry is moored');
  });

  it('still answers from the short unit when it alone is asked about', () => {
    expect(answerer.answer('what share of councils surveyed have rules on tanks').text).toMatch(/^22 councils, or about a third/);
  });
});
