// "How often?" asks for a frequency ("every three months", "annually", "every second Tuesday"), alone or after
// another question.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('frequency', { title: 'The Island Water Bulletin', workshop: 'Atoll Utilities Day 2025' }, [
    {
      id: 'bulletin',
      title: 'The water bulletin',
      units: [
        { id: 'first', kind: 'fact', text: 'The water board first printed the Island Water Bulletin in 2012, with news on tank levels and repairs.', keywords: [] },
        { id: 'reach', kind: 'statistic', text: 'The Island Water Bulletin now reaches 42 villages on the atoll, in print and by text message.', keywords: [] },
        { id: 'cycle', kind: 'fact', text: 'The water board publishes the Island Water Bulletin every three months, before each billing cycle.', keywords: [] },
        { id: 'editor', kind: 'fact', text: 'Mere Tautahi edits the Island Water Bulletin for the water board.', keywords: [] },
      ],
    },
    {
      id: 'tanks',
      title: 'Roof tanks',
      units: [{ id: 'owners', kind: 'statistic', text: 'In 2024, 1,800 households on the atoll owned a roof tank.', keywords: [] }],
    },
    {
      id: 'board',
      title: 'The water board',
      units: [
        { id: 'members', kind: 'fact', text: 'The water board has seven members: five elected by the villages and two named by the council, which meets every second Tuesday.', keywords: [] },
        { id: 'budget', kind: 'statistic', text: 'The water board spent 2.1 million on repairs in 2024, most of it on the lagoon pipeline.', keywords: [] },
      ],
    },
  ]);

describe('how often', () => {
  const { answerer } = workshop(writePack());

  it('answers "how often" with the unit that says how often', () => {
    expect(answerer.answer('how often is the water bulletin published?').text).toContain('every three months');
  });

  it('answers "how often" with a day of the week ("every second Tuesday")', () => {
    const a = answerer.answer('how often does the council meet?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('every second Tuesday');
  });

  it('reads a bare "how often?" with the last topic', () => {
    const first = answerer.answer('when was the island water bulletin first printed?');
    expect(first.text).toContain('2012');
    const then = answerer.answer('how often?', first.topic);
    expect(then.answered, then.text).toBe(true);
    expect(then.text).toContain('every three months');
  });

  it('does not carry what the last question counted into "how often is it published?"', () => {
    const first = answerer.answer('how many villages does the water bulletin reach?');
    expect(first.text).toContain('42 villages');
    expect(answerer.answer('how often is it published?', first.topic).text).toContain('every three months');
  });

  it('declines "how often" when the pack never says how often', () => {
    expect(answerer.answer('how often are roof tanks replaced?').answered).toBe(false);
  });
});

describe('a frequency written as a number of things in each period', () => {
  // "2 free tank checks a year": how often, though no "every" or "annually" says it.
  const dir = writeSmallPack('frequency-count', { title: 'Tank Care', workshop: 'Atoll Utilities Day 2026' }, [
    {
      id: 'checks',
      title: 'Tank checks',
      units: [
        { id: 'who', kind: 'fact', text: 'Tank checks are done by the water board’s six field officers, who carry test kits and a tablet.', keywords: [] },
        { id: 'how-often', kind: 'fact', text: 'Each household gets 2 free tank checks a year, booked by text message.', keywords: [] },
        { id: 'found', kind: 'statistic', text: 'In 2025 the tank checks found cracks in 310 tanks and salt in 45.', keywords: [] },
      ],
    },
  ]);
  const { answerer } = workshop(dir);

  it('answers "how often does a household get a tank check?" with it', () => {
    const a = answerer.answer('how often does a household get a tank check?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^Each household gets 2 free tank checks a year/);
  });
});
