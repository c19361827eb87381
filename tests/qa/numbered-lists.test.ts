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
