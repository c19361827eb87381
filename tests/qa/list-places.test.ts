// A list the question counts in its own words ("the 3 stages" of a deck's "three levels"), and a place in the
// list the last answer gave ("the middle one", "the last one").
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

describe('lists by their number and their places', () => {
  const { answerer } = workshop(
    writeSmallPack('list-places', { title: 'Open Harbours', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'openness',
        title: 'Harbour openness',
        units: [
          { id: 'openness-levels', kind: 'list', text: 'The harbour openness framework has three levels: open timetables, open berths and open cargo records.', keywords: [] },
          { id: 'openness-timetables', kind: 'definition', text: 'Open timetables, the first level of harbour openness, publish sailing times for anyone to reuse.', keywords: [] },
          { id: 'openness-berths', kind: 'definition', text: 'Open berths, the second level of harbour openness, let shippers book a berth online and see what is free.', keywords: [] },
          { id: 'openness-cargo', kind: 'definition', text: 'Open cargo records, the third level of harbour openness, let the public follow what passes through the port.', keywords: [] },
        ],
      },
      {
        id: 'ferries',
        title: 'Ferry lines and quays',
        units: [
          { id: 'ferry-lines', kind: 'list', text: 'The ferry service has two depots and four lines: F1, F2, F3 and F4.', keywords: [] },
          { id: 'ferry-f2', kind: 'fact', text: 'F2, the second ferry line, runs from the old town to the lighthouse.', keywords: [] },
          { id: 'ferry-f4', kind: 'fact', text: 'F4, the fourth ferry line, runs from the ferry terminal to the island.', keywords: [] },
          { id: 'quays', kind: 'list', text: 'The harbour has three quays: North Quay, Mill Quay and Salt Quay.', keywords: [] },
          { id: 'quay-mill', kind: 'fact', text: 'Mill Quay, the third quay to open, dates from 1910.', keywords: [] },
          { id: 'quay-north', kind: 'fact', text: 'North Quay, the second quay to open, dates from 1885.', keywords: [] },
        ],
      },
      {
        id: 'berth-data',
        title: 'Open berth data',
        units: [
          { id: 'berth-data-kinds', kind: 'list', text: 'The harbour publishes three kinds of open berth data: schedules, prices and waiting times.', keywords: [] },
          { id: 'berth-data-waiting', kind: 'fact', text: 'Waiting times, the third kind of open berth data, show how long ships queue outside the harbour.', keywords: [] },
        ],
      },
      {
        id: 'divides',
        title: 'Divides between harbours',
        units: [
          { id: 'divides-list', kind: 'list', text: 'The harbour world is one of divides: the berth divide, the cargo divide, the tariff gap and the skills divide.', keywords: [] },
          { id: 'divide-cargo', kind: 'fact', text: 'The cargo divide: the largest 1% of harbours handle more than half of all cargo, and the gap is growing.', keywords: [] },
          { id: 'divide-skills', kind: 'fact', text: 'The skills divide: small harbours cannot hire the data staff they need to publish open berth data.', keywords: [] },
          { id: 'divide-first-step', kind: 'fact', text: 'The first step for a small harbour is to publish its berth schedule, which needs no data staff.', keywords: [] },
        ],
      },
      {
        id: 'survey',
        title: 'The harbour survey',
        units: [
          { id: 'survey-reach', kind: 'statistic', text: 'The 2023 harbour survey covered 212 ports, from the whole of the northern coast.', keywords: [] },
          { id: 'survey-timetables', kind: 'statistic', text: 'Timetable measures look at the harbour as a whole: in 2023 there were 17 of them, from sailing lists to delay notices.', keywords: [] },
          { id: 'survey-total', kind: 'statistic', text: 'In 2023 the survey counted 48 open-data measures: 17 on timetables, 19 on berths and 12 on cargo.', keywords: [] },
        ],
      },
    ]),
  );

  it('answers "the 3 stages" with the unit that gives three levels', () => {
    const a = answerer.answer('what r the 3 stages of harbour openness');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('three levels');
  });

  it('reads "the middle one" and "the last one" as places in the list just given', () => {
    const list = answerer.answer('what are the levels of harbour openness?');
    expect(list.text).toContain('three levels');
    const middle = answerer.answer("what's the middle one about?", list.topic);
    expect(middle.answered, middle.text).toBe(true);
    expect(middle.text).toMatch(/^Open berths/);
    const last = answerer.answer('and the last one?', list.topic);
    expect(last.answered, last.text).toBe(true);
    expect(last.text).toMatch(/^Open cargo records/);
  });

  it('finds the list after "three kinds of open berth data:", its noun not right before the colon', () => {
    const kinds = answerer.answer('what kinds of open berth data does the harbour publish?');
    expect(kinds.text).toContain('three kinds of open berth data');
    const last = answerer.answer('and the last one?', kinds.topic);
    expect(last.text).toMatch(/^Waiting times, the third kind/);
  });

  it('counts the list by the number before its colon, and trusts only places in the same order', () => {
    const lines = answerer.answer('what lines does the ferry service have?');
    expect(lines.text).toContain('four lines');
    const last = answerer.answer('and the last one?', lines.topic);
    expect(last.text).not.toMatch(/^F2/);
    // ("Mill Quay, the third quay to open" is third by age, not the last of the list.)
    const quays = answerer.answer('what quays does the harbour have?');
    expect(quays.text).toContain('three quays');
    const lastQuay = answerer.answer('and the last one?', quays.topic);
    expect(lastQuay.text).not.toMatch(/^Mill Quay/);
  });

  it('asks about a listed item by its name when no unit gives its place', () => {
    const list = answerer.answer('what divides are there between harbours?');
    expect(list.text).toContain('the cargo divide');
    const second = answerer.answer('tell me more about the second one', list.topic);
    expect(second.answered, second.text).toBe(true);
    expect(second.text).toContain('The cargo divide: the largest 1%');
    // (The answer gives the question back as it was asked, not as it was read.)
    expect(second.question).toBe('tell me more about the second one');
    // ("The first step" is a step, not an item of the list.)
    const step = answerer.answer('what is the first step for a small harbour?', list.topic);
    expect(step.text).toMatch(/^The first step for a small harbour/);
  });

  it('takes "altogether" as asking the total, not as a topic word', () => {
    const a = answerer.answer('how many measures altogether in 2023?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^In 2023 the survey counted 48/);
  });
});
