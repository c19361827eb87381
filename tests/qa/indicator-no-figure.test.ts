// A readiness item the pack gives no figure for is given, when it answers, by its name and what it means: "the
// deck gives no figure for how many have it" is for a question that asks how many, not for "what is it?".
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

function writePack(): string {
  const dir = writeSmallPack('indicator-no-figure', { title: 'Ready Harbours', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'booking',
      title: 'Berth booking',
      units: [{ id: 'booking-desk', kind: 'fact', text: 'Port Ellis has booked berths online since 2021.', keywords: [] }],
    },
  ]);
  const indicator = {
    id: 'tide-feed',
    name: 'Live tide feed',
    definition: 'The harbour publishes its tide gauge readings every ten minutes as open data.',
    question: 'Does your harbour publish a live tide feed?',
    sections: ['booking'],
    nextStep: 'Publish the gauge readings as open data.',
  };
  writeFileSync(join(dir, 'indicators.json'), JSON.stringify({ set: { name: 'Harbour readiness', source: 'The session' }, indicators: [indicator] }));
  return dir;
}

describe('a readiness item with no figure', () => {
  const { answerer } = workshop(writePack());

  it('is given by what it means when asked what it is', () => {
    const a = answerer.answer('what is a live tide feed?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('Live tide feed: The harbour publishes its tide gauge readings');
    expect(a.text).not.toContain('gives no figure');
  });

  it('says there is no figure when asked how many have it', () => {
    const a = answerer.answer('how many harbours have a live tide feed?');
    expect(a.text).toContain('gives no figure');
  });
});
