// Slips in short words: "aply" for the pack's "apply" (a letter left out of a short word), and "runing" for
// "running" (a short verb's doubled consonant left single), which WordNet's suffix rules would otherwise read as a
// form of the noun "rune". English words stay as typed.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('short-slips', { title: 'Berths Online', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'booking',
      title: 'Booking a berth',
      units: [
        { id: 'steps', kind: 'list', text: 'To apply for a berth, skippers take three steps: sign in, pick the dates and pay the deposit.', keywords: [] },
        { id: 'costs', kind: 'statistic', text: 'Running the booking service costs the Harbour Board 380,000 crowns a year.', keywords: [] },
        { id: 'kinds', kind: 'list', text: 'There are two kinds of berth: a day berth and a season berth.', keywords: [] },
      ],
    },
  ]);

describe('slips in short words', () => {
  const { answerer } = workshop(writePack());
  const words = (q: string) => answerer.explain(q).analysis.words;

  it('reads a short word with a letter left out as the pack word it was meant to be', () => {
    expect(words('how do i aply for a berth')).toContain('apply');
    expect(answerer.answer('how do i aply for a berth').text).toMatch(/^To apply for a berth/);
  });

  it('reads "runing" as "running": no form of "rune"', () => {
    expect(words('what are the runing costs')).toContain('running');
  });

  it('leaves English words and their forms as typed', () => {
    expect(words('we are hoping to book a berth')).toContain('hoping');
    expect(words('is the apps list long')).toContain('apps');
    // (The plural of a word of three letters: not a slip for the pack's "kinds".)
    expect(words('do kids have to pay for a berth')).toContain('kids');
  });
});
