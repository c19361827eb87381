// Slack names: asked of users.info, kept for an hour, asked again after it, never holding a reply up for long.
import { describe, expect, it } from 'vitest';
import { createSlackNames, slackDisplayName } from '../../adapters/slack/names.js';

describe('slackDisplayName', () => {
  it('prefers the display name, then the full name, then the handle', () => {
    expect(slackDisplayName({ name: 'mere.t', real_name: 'Mere Tavita', profile: { display_name: 'Mere', real_name: 'Mere Tavita' } })).toBe('Mere');
    expect(slackDisplayName({ name: 'mere.t', profile: { display_name: ' ', real_name: 'Mere Tavita' } })).toBe('Mere Tavita');
    expect(slackDisplayName({ name: 'mere.t' })).toBe('mere.t');
    expect(slackDisplayName(undefined)).toBeUndefined();
  });
});

describe('createSlackNames', () => {
  it('asks once an hour per person, and follows a rename after that', async () => {
    let t = 0;
    const asked: string[] = [];
    let current = 'Mere';
    const nameOf = createSlackNames({ lookup: async (id) => (asked.push(id), current), now: () => t });
    expect(await nameOf('U1')).toBe('Mere');
    current = 'Mere Tavita';
    t += 59 * 60_000;
    expect(await nameOf('U1')).toBe('Mere');
    t += 2 * 60_000;
    expect(await nameOf('U1')).toBe('Mere Tavita');
    expect(asked).toEqual(['U1', 'U1']);
  });

  it('keeps the last name known when Slack refuses (no users:read scope), and does not wait for a slow answer', async () => {
    let t = 0;
    let fail = false;
    const nameOf = createSlackNames({
      lookup: async () => {
        if (fail) throw new Error('missing_scope');
        return 'Mere';
      },
      now: () => t,
    });
    expect(await nameOf('U1')).toBe('Mere');
    fail = true;
    t += 2 * 60 * 60_000;
    expect(await nameOf('U1')).toBe('Mere');

    const slow = createSlackNames({ lookup: () => new Promise((r) => setTimeout(() => r('Late'), 200)), waitMs: 20 });
    expect(await slow('U2')).toBeUndefined();
    await new Promise((r) => setTimeout(r, 250));
    expect(await slow('U2')).toBe('Late');
  });
});
