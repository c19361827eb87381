// "What are the four stages of X?" of a pack that gives X's "four rungs": the number names the list, whatever
// the pack calls its items.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('numbered-lists', { title: 'Safe Harbours', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'ladder',
      title: 'The Harbour Safety Ladder',
      units: [
        { id: 'rungs', kind: 'list', text: 'The Harbour Safety Ladder has four rungs: watch, warn, hold and close.', keywords: [] },
        { id: 'origin', kind: 'fact', text: 'The Harbour Safety Ladder was drawn up by pilots after the storms of 2019.', keywords: [] },
      ],
    },
    {
      id: 'start',
      title: 'Getting started',
      units: [{ id: 'first-stages', kind: 'list', text: 'First stages for a port authority: map the berths, train two pilots and test the radio.', keywords: [] }],
    },
  ]);

describe('a list named by its number', () => {
  const { answerer } = workshop(writePack());

  it('answers "what are the four stages of the safety ladder?" with its four rungs', () => {
    const a = answerer.answer('what are the four stages of the harbour safety ladder?');
    expect(a.text).toContain('watch, warn, hold and close');
  });

  it('does not take a list of another length for it', () => {
    const a = answerer.answer('what are the six stages of the harbour safety ladder?');
    expect(a.text).not.toContain('watch, warn, hold and close');
  });
});

describe('a number that counts something else', () => {
  const { answerer } = workshop(
    writeSmallPack('numbered-other', { title: 'Port Complaints', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'complaints',
        title: 'Complaints',
        units: [
          { id: 'deadline', kind: 'fact', text: 'A complaint to the harbour office must be answered within five working days.', keywords: [] },
          { id: 'tribunal', kind: 'fact', text: 'An appeal goes to the port tribunal, which sits four times a year in Apia.', keywords: [] },
          { id: 'first-steps', kind: 'list', text: 'First steps for a new harbour office: publish opening hours, name a complaints officer and train the staff.', keywords: [] },
        ],
      },
    ]),
  );

  it('does not take "within five working days" for the five steps of the complaints procedure', () => {
    expect(answerer.answer('what are the five steps of the complaints procedure?').text).not.toContain('five working days');
  });

  it('does not take "four times a year" for the four steps of an appeal', () => {
    expect(answerer.answer('what are the four steps of an appeal to the port tribunal?').text).not.toContain('four times a year');
  });
});

describe('an item of a numbered list, asked by its place', () => {
  // An invented harbour authority's pack whose unit numbers its stages, each a clause of its own.
  const { answerer } = workshop(
    writeSmallPack('numbered-items', { title: 'Closing a Harbour', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'closure',
        title: 'How a harbour closes',
        units: [
          {
            id: 'stages',
            kind: 'list',
            text: 'A harbour closure goes through four stages: (1) watch, when the wind passes 40 knots; (2) warn, when the harbour master radios every berth; (3) hold, when no vessel may leave; and (4) close, when the gates are shut and the quay is cleared. Closures are logged by the port office.',
            keywords: [],
          },
          { id: 'count', kind: 'statistic', text: 'Port Ellis closed its harbour 14 times in 2024.', keywords: [] },
        ],
      },
    ]),
  );

  it('gives that item with the words that introduce the list, and keeps the topic for the next', () => {
    const list = answerer.answer('what are the stages of a harbour closure?');
    expect(list.text).toContain('(1) watch');
    const third = answerer.answer("what's the third one about?", list.topic);
    expect(third.answered, third.text).toBe(true);
    expect(third.text).toMatch(/^A harbour closure goes through four stages: \(3\) hold, when no vessel may leave\. \(Source: /);
    const last = answerer.answer('and the last one?', third.topic);
    expect(last.text).toMatch(/^A harbour closure goes through four stages: \(4\) close, when the gates are shut and the quay is cleared\. \(Source: /);
  });

  it('gives no item past the end of the list', () => {
    const list = answerer.answer('what are the stages of a harbour closure?');
    expect(answerer.answer('and the fifth one?', list.topic).text).not.toContain('(5)');
  });
});
