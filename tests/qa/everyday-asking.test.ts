// Everyday ways of asking that name no topic of their own ("what's the story with the bell?" asks about the bell): "how long was the window *open*?" asks the window's
// length of time (the answer says "ran for three weeks"), and "the whole thing" in "how much did the whole thing
// cost?" is the programme, not a topic called "whole".
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('everyday-asking', { title: 'Counting Port Ellis', workshop: 'Harbour Data Week 2025', location: 'Port Ellis, Norland', presenter: 'Ada Brandt', organisation: 'Norland Harbour Board' }, [
    {
      id: 'window',
      title: 'The online window',
      units: [
        { id: 'window-dates', kind: 'fact', text: 'The online booking window ran for three weeks, from 1 to 21 March 2026, before the summer timetable.', keywords: [] },
        { id: 'window-file', kind: 'fact', text: 'Clerks see the whole booking file on screen and can open it from any harbour office.', keywords: [] },
        { id: 'window-reply', kind: 'fact', text: 'The harbour office replies to every booking request within 24 hours, and to complaints within five working days.', keywords: [] },
      ],
    },
    {
      id: 'history',
      title: 'Before the apps',
      units: [
        { id: 'bell', kind: 'fact', text: 'In 1650 the harbour master hung a brass bell on the pier, which fishermen rang to call out the lifeboat crew.', keywords: [] },
        { id: 'radio', kind: 'fact', text: 'Radio replaced the pier bell in 1932, and the first booking app followed in 2019.', keywords: [] },
      ],
    },
    {
      id: 'money',
      title: 'Money',
      units: [
        { id: 'budget', kind: 'statistic', text: 'The programme was budgeted at 1.84 million dollars for 2020-2026 and spent 1.71 million dollars.', keywords: [] },
        { id: 'fares', kind: 'fact', text: 'A ferry ticket costs 2.40 dollars within the harbour and 4.50 dollars to Marrowsea.', keywords: [] },
      ],
    },
  ]);

describe('everyday ways of asking', () => {
  const { answerer } = workshop(writePack());

  it('"how long was the window open?" asks for its length of time', () => {
    const a = answerer.answer('how long was the online window open?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^The online booking window ran for three weeks/);
  });

  it('"how fast...?" asks for a length of time', () => {
    for (const q of ['how fast does the harbour office reply to a booking request?', 'how quickly do they answer complaints']) {
      const a = answerer.answer(q);
      expect(a.answered, `${q}: ${a.text}`).toBe(true);
      expect(a.text, q).toMatch(/^The harbour office replies to every booking request within 24 hours/);
    }
  });

  it('"how much did the whole thing cost?" asks what the programme cost', () => {
    const a = answerer.answer('how much did the whole thing cost?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^(I'm not certain, but this looks closest: )?The programme was budgeted at 1.84 million dollars/);
  });

  it('"what\'s the story with X?" asks to be told about X', () => {
    for (const q of ["whats the story with the brass bell", "what's the deal with the brass bell?"]) {
      const a = answerer.answer(q);
      expect(a.answered, `${q}: ${a.text}`).toBe(true);
      expect(a.text, q).toMatch(/^In 1650 the harbour master hung a brass bell/);
    }
  });

  it('"where does she work?" after the presenter asks for her organisation, not the venue', () => {
    const first = answerer.answer('who is giving the talk?');
    expect(first.text).toContain('Ada Brandt');
    const a = answerer.answer('where does she work?', first.topic);
    expect(a.text).toContain('Norland Harbour Board');
  });

  it('"where are we having this workshop?" asks where it is held', () => {
    for (const q of ['where r we having this workshop again', 'where are we having the workshop?']) expect(answerer.answer(q).text, q).toContain('held in Port Ellis, Norland');
  });
});
