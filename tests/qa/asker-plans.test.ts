// "What should we do first if we want to copy this?": the asker's own plan says nothing of the topic, and its
// "this" is the whole programme, not the last answer. It asks where to begin, whatever was asked before.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('asker-plans', { title: 'Berths Online', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'results',
      title: 'Results',
      units: [{ id: 'survey', kind: 'statistic', text: 'In the 2026 survey, 84% of skippers were satisfied with online berth booking, against 39% in 2018.', keywords: [] }],
    },
    {
      id: 'lessons',
      title: 'Lessons',
      units: [{ id: 'start', kind: 'fact', text: 'Where to start: begin with one quay and the busiest berth type, and keep the phone line open until most skippers book online.', keywords: ['first steps'] }],
    },
  ]);

describe("the asker's own plan", () => {
  const { answerer } = workshop(writePack());

  it.each(['what should we do first if we want to copy this', 'where do we start if we want to do the same?'])('"%s" after another answer asks where to begin', (q) => {
    const first = answerer.answer('how many skippers were satisfied with online booking?');
    expect(first.text).toContain('84% of skippers');
    const a = answerer.answer(q, first.topic);
    expect(a.text).toMatch(/^Where to start: begin with one quay/);
  });
});
