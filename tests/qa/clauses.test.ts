// A clause that sets the time of what is asked ("what did it list *when it launched*?") does not make the
// question ask when: the answer is the unit that holds what is asked, not the one with the date.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('clauses', { title: 'Open Ferry Data', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'timetable',
      title: 'The open ferry timetable',
      units: [
        { id: 'launch', kind: 'fact', text: 'In March 2019 the Harbour Board launched its open ferry timetable, the first open transport data in the region.', keywords: [] },
        { id: 'routes', kind: 'fact', text: 'At launch the open ferry timetable listed four services: the north loop, the reef shuttle, the night boat and the school run.', keywords: [] },
        { id: 'keeper', kind: 'fact', text: 'Tala Fonoti kept the open ferry timetable for the Harbour Board until 2023.', keywords: [] },
      ],
    },
    {
      id: 'fares',
      title: 'Fares',
      units: [{ id: 'card', kind: 'fact', text: 'A reloadable fare card replaced paper tickets on every ferry route in 2021.', keywords: [] }],
    },
  ]);

describe('a clause that sets a time', () => {
  const { answerer } = workshop(writePack());

  it('answers what was asked, not when, for "... when it launched"', () => {
    const a = answerer.answer('what was in the ferry timetable when it launched');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('north loop');
    // The launch date is not what was asked.
    expect(a.text).not.toContain('March 2019');
  });

  it('still asks when after "find out when" and "..., when did"', () => {
    expect(answerer.answer('how can I find out when the ferry timetable launched?').text).toContain('March 2019');
    expect(answerer.answer('what about the ferry timetable, when did it launch?').text).toContain('March 2019');
  });

  it('still asks when after "and when did ..."', () => {
    const a = answerer.answer('who kept the ferry timetable and when did it launch?');
    expect(a.text).toContain('2019');
  });
});

describe('a bare question phrase after a question', () => {
  const { answerer } = workshop(
    writeSmallPack('bare-ask', { title: 'Island Ferries', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'fares',
        title: 'Fares',
        units: [
          { id: 'rise', kind: 'statistic', text: 'Between 2021 and 2024 the adult ferry fare rose from 5 to 6.50 crowns, up 30 percent.', keywords: [] },
          { id: 'kids', kind: 'fact', text: 'Children under twelve travel free on every island ferry.', keywords: [] },
        ],
      },
    ]),
  );

  it('reads "did fares go up? by how much" as asking the figure too', () => {
    const intents = (q: string) => answerer.explain(q).analysis.intents;
    expect(intents('did the adult ferry fare go up? by how much').has('howmany')).toBe(true);
    expect(intents('did the adult ferry fare go up? and since when?').has('when')).toBe(true);
    // (A clause with words of its own is the setting, as before: "we run the ferries. did fares go up?")
    expect(intents('we run two ferries. did the adult fare go up?').has('howmany')).toBe(false);
    // (And stays the setting with a bare question after: its words are no topic.)
    const set = answerer.answer('we run two small ferries. did the adult ferry fare go up since 2021? by how much');
    expect(set.text).toContain('up 30 percent');
    expect(intents('we run two small ferries. did the adult ferry fare go up? by how much').has('howmany')).toBe(true);
    const a = answerer.answer('did the adult ferry fare go up since 2021? by how much');
    expect(a.text).toContain('up 30 percent');
  });
});
