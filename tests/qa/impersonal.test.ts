// "What do they mean by X?": "they" is no one in particular, so the question asks about X itself, not about
// what the last answer was about.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('impersonal', { title: 'Gaps in Port Services', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'gaps',
      title: 'Where small ports fall behind',
      units: [
        { id: 'gaps-list', kind: 'list', text: 'Small ports face three gaps: the berth gap, the skills gap and the tariff gap.', keywords: [] },
        { id: 'berth-gap', kind: 'definition', text: 'Berth gap: ships wait offshore for two days on average because too few berths can take them.', keywords: [] },
        { id: 'skills-gap', kind: 'definition', text: 'Skills gap: one pilot in three will retire within five years, with no trainees to follow.', keywords: [] },
        { id: 'tariff-gap', kind: 'definition', text: 'Tariff gap: fees differ tenfold between neighbouring ports for the same service.', keywords: [] },
      ],
    },
  ]);

describe('"what do they mean by X?"', () => {
  const { answerer } = workshop(writePack());

  it('answers with the unit on X, not the one about what was asked just before', () => {
    const first = answerer.answer('how long do ships wait offshore?');
    expect(first.text).toMatch(/^Berth gap: ships wait offshore/);
    const next = answerer.answer('what do they mean by the skills gap?', first.topic);
    expect(next.answered, next.text).toBe(true);
    expect(next.text).toMatch(/^Skills gap: one pilot in three/);
  });

  it('still reads "they" in a question of its own as the last topic', () => {
    const first = answerer.answer('what is the skills gap?');
    expect(first.text).toMatch(/^Skills gap/);
    const next = answerer.answer('how many of them are about to retire?', first.topic);
    expect(next.answered, next.text).toBe(true);
    expect(next.text).toContain('one pilot in three');
  });
});
