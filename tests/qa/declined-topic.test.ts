// A question the bot declines still says what the conversation is about when the pack has most of what it names:
// "who paid for it?" after it asks of that, not of the answer before it. Nothing was given, so "tell me more"
// has nothing to go on from.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('declined-topic', { title: 'Harbour Services Online', workshop: 'Island Transport Week 2026' }, [
    {
      id: 'ferries',
      title: 'The ferry timetable',
      units: [{ id: 'timetable', kind: 'fact', text: 'The ferry timetable is set each spring by the Island Ferry Company and printed in May.', keywords: [] }],
    },
    {
      id: 'app',
      title: 'The BerthGo app',
      units: [
        { id: 'built', kind: 'fact', text: 'Harbour Tech built the BerthGo booking app in 2024; skippers book a berth in it in under a minute.', keywords: [] },
        { id: 'funding', kind: 'fact', text: 'The BerthGo app was paid for by the Port Ellis Harbour Board, with a grant from the Island Transport Fund.', keywords: [] },
      ],
    },
  ]);

describe('the topic a declined question leaves', () => {
  const { answerer } = workshop(writePack());

  it('"who paid for it?" after a declined question about the app asks who paid for the app', () => {
    const first = answerer.answer('who sets the ferry timetable?');
    expect(first.text).toContain('Island Ferry Company');
    const declined = answerer.answer('whats the star rating of the berthgo booking app?', first.topic);
    expect(declined.answered, declined.text).toBe(false);
    const a = answerer.answer('who paid for it?', declined.topic ?? first.topic);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('Port Ellis Harbour Board');
  });

  it('"tell me more" after it says there is nothing to go on from, not more of an answer never given', () => {
    const declined = answerer.answer('whats the star rating of the berthgo booking app?');
    expect(declined.answered).toBe(false);
    const more = answerer.answer('tell me more', declined.topic);
    expect(more.answered).toBe(false);
    expect(more.text).not.toContain('BerthGo');
  });
});
