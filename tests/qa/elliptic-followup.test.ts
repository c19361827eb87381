// "Who paid?" right after the cost of the programme says nothing of what was paid for: a question word and a verb
// alone ask it of the last topic, not of any unit that says "pay".
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('elliptic', { title: 'Clean Quays', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'money',
      title: 'What it cost',
      units: [{ id: 'cost', kind: 'statistic', text: 'The quay programme cost 36.9 million crowns: the Harbour Board paid 60% and the Marrowsea Fund 40%.', keywords: [] }],
    },
    {
      id: 'fees',
      title: 'Berth fees',
      units: [{ id: 'pay', kind: 'fact', text: 'Each skipper pays a yearly base fee of 180 crowns plus a charge for every night at a berth.', keywords: [] }],
    },
  ]);

describe('a question word and a verb after an answer', () => {
  const { answerer } = workshop(writePack());

  it('asks it of the last topic', () => {
    const first = answerer.answer('how much did the quay programme cost?');
    expect(first.text).toContain('36.9 million');
    const a = answerer.answer('who paid', first.topic);
    expect(a.text).toContain('Harbour Board paid 60%');
    expect(a.text).not.toContain('180 crowns');
  });

  it('reads the same words alone as a question of their own', () => {
    expect(answerer.answer('who pays a base fee?').text).toContain('180 crowns');
  });
});
