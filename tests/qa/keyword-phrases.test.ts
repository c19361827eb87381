// "What went wrong?" is all everyday words, which alone never justify an answer; but a unit its author keyed with
// that very phrase says it answers it. ("Along the way" says nothing of the topic.)
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('keyword-phrases', { title: 'Berths Online', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'rollout',
      title: 'Rollout',
      units: [
        { id: 'problems', kind: 'bullet', text: 'Problems met: on opening day the booking site crashed for 9 hours, and 18% of skippers had no harbour account.', keywords: ['what went wrong', 'problems'] },
        { id: 'fixes', kind: 'bullet', text: 'The Harbour Board fixed these by moving the site to the government cloud and opening a phone line.', keywords: ['fixed'] },
      ],
    },
  ]);

describe('a question that says a unit\'s keyword phrase', () => {
  const { answerer } = workshop(writePack());

  it.each(['what went wrong?', 'so what went wrong along the way'])('"%s" is answered by that unit', (q) => {
    const a = answerer.answer(q);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^Problems met: on opening day/);
  });
});
