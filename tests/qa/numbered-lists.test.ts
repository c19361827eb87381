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
