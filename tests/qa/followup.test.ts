// Which questions lean on the last answer, as people type them in a chat.
import { describe, expect, it } from 'vitest';
import { readFollowup } from '../../src/qa/followup.js';

describe('reading a follow-up', () => {
  it.each(['tell me more', 'more', 'go on', 'ok, tell me a bit more', 'can you say more about that?', 'continue', 'anything else?'])('"%s" asks for more of the same topic', (q) => {
    expect(readFollowup(q)).toEqual({ kind: 'more' });
  });

  it.each([
    ['and the innovation divide?', 'the innovation divide'],
    ['what about group C?', 'group C'],
    ['how about for Estonia?', 'Estonia'],
    ['and in 2020?', 'in 2020'],
    ['data protection too?', 'data protection'],
  ])('"%s" asks the last question again about %j', (q, rest) => {
    expect(readFollowup(q)).toEqual({ kind: 'instead', rest, pointing: false });
  });

  it.each([
    ['and how many people use it?', true],
    ['and when did they start?', true],
    ['and what about it?', false],
    ['and who runs them?', true],
  ])('"%s" is a question of its own that points back: %s', (q, pointing) => {
    expect(readFollowup(q)).toMatchObject({ kind: 'instead', pointing });
  });

  it.each(['source?', 'whats the source', 'who said that? wheres the data from', 'where does this data come from', 'according to who?'])('"%s" asks where the last answer comes from', (q) => {
    expect(readFollowup(q)).toEqual({ kind: 'source' });
  });

  it.each(['what are the sources of data for the index?', 'source of funding for the programme?'])('"%s" asks about sources, not about the last answer', (q) => {
    expect(readFollowup(q)?.kind).not.toBe('source');
  });

  it.each(['why?', 'by when?', 'what year?', 'by what year', 'in which year?', 'in percent?', 'as a percentage?', 'why does it matter', 'who publishes it', 'how has that number changed since 2021?'])('"%s" leans on the last answer', (q) => {
    expect(readFollowup(q)?.kind).toBe('leaning');
  });

  it.each(['What is a whole-of-government approach?', 'How many countries have a national data strategy?', 'who gave the presentation'])('"%s" stands alone', (q) => {
    expect(readFollowup(q)).toBeUndefined();
  });
});
