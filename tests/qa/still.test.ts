// "Is X still running?" asks whether X goes on: a unit that says it stopped, lapsed or remains answers it, not only
// one that gives X's old figures.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

describe('"is it still...?"', () => {
  const { answerer } = workshop(
    writeSmallPack('still', { title: 'Community Ferries', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'coop',
        title: 'Ferry co-ops',
        units: [
          { id: 'riders', kind: 'statistic', text: 'Port Ellis ferry co-op meetings drew more than 16,000 members in 1999 and about 20,000 in 2000, according to the historian Ana Ruiz.', keywords: [] },
          { id: 'suspended', kind: 'fact', text: 'A study by the Sea Trust on Port Ellis found that the council support for the co-op declined over time and that a later council suspended the scheme.', keywords: [] },
          { id: 'founded', kind: 'fact', text: 'Ferry co-ops were pioneered in Port Ellis, the capital of the Isle of Ware, after fishing families began to share boats between the islands.', keywords: [] },
        ],
      },
    ]),
  );

  it('answers "is port ellis still doing it?" with what became of it', () => {
    expect(answerer.answer('is port ellis still doing it?').text).toContain('suspended the scheme');
  });

  it('still gives the figures when they are asked for', () => {
    expect(answerer.answer('how many members did the port ellis ferry co-op meetings draw in 2000?').text).toContain('20,000');
  });
});
