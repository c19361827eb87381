// "What's covered today?" names every part of the session: by its full titles when they fit in a chat answer, by
// the titles' heads when they do not, and, for a deck of very many parts, as many as fit and how many more.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const section = (i: number, title: string) => ({ id: `s${i}`, title, units: [{ id: `u${i}`, kind: 'fact', text: `Part ${i} of the harbour talk says what the Harbour Board did in year ${i}.`, keywords: [] }] });
const long = (n: number) => Array.from({ length: n }, (_, i) => section(i + 1, `Harbour step ${i + 1}: what the Harbour Board changed for skippers, berths and ferries that year`));

describe('the outline of a session', () => {
  it('names every part by its title\'s head when the full titles are too long', () => {
    const { answerer } = workshop(writeSmallPack('outline-heads', { title: 'Berths Online', workshop: 'Harbour Week' }, long(9)));
    const a = answerer.answer("what's covered today?");
    for (let i = 1; i <= 9; i++) expect(a.text).toContain(`Harbour step ${i}`);
    expect(a.text).not.toContain('that year');
    expect(a.text.length).toBeLessThanOrEqual(600);
  });

  it('says how many more parts there are when not even the heads fit', () => {
    const { answerer } = workshop(writeSmallPack('outline-more', { title: 'Berths Online', workshop: 'Harbour Week' }, long(40)));
    const a = answerer.answer("what's covered today?");
    expect(a.text).toContain('Harbour step 1;');
    expect(a.text).toMatch(/and \d+ more parts/);
    expect(a.text.length).toBeLessThanOrEqual(600);
  });
});
