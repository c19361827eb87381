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
