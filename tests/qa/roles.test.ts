// A pack's irregular verbs ("taught", "written") bridge to the question's words like any other; and "who were
// the *authors* of X?" asks who wrote X, which a deck may say without the role's word ("written by Ana Lopez").
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('roles', { title: 'Measuring Harbour Services', workshop: 'Harbour Data Week 2025', presenter: 'Iris Vane' }, [
    {
      id: 'report',
      title: 'The first harbour report',
      units: [
        { id: 'report-message', kind: 'fact', text: "The first Harbour Services Report's key message is that harbours need shared booking systems before new apps.", keywords: [] },
        { id: 'report-regions', kind: 'fact', text: 'The first Harbour Services Report found the largest gaps in Northern Province and Coastal District.', keywords: [] },
        { id: 'report-origin', kind: 'fact', text: 'The first Harbour Services Report, "Open Berths", was written by Mara Okoye and Tomas Lind and published by the Harbour Board in 2021.', keywords: [] },
        { id: 'report-release', kind: 'fact', text: 'The first Harbour Services Report was released online in June 2021 by the Harbour Board.', keywords: [] },
      ],
    },
    {
      id: 'works',
      title: 'Harbour works',
      units: [
        { id: 'pilots', kind: 'fact', text: 'The first harbour pilots were taught by Captain Ruth Amsel in 2018.', keywords: [] },
        { id: 'quays', kind: 'fact', text: 'Two new quays were built in 2019 with money from the harbour levy.', keywords: [] },
      ],
    },
  ]);

describe('irregular verbs of the pack', () => {
  const { answerer } = workshop(writePack());

  it('answers "who instructed X?" from a pack that says who taught them', () => {
    const a = answerer.answer('who instructed the first harbour pilots?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('Ruth Amsel');
  });
});

describe('who, by role', () => {
  const { answerer } = workshop(writePack());

  it('answers "who were the authors of X?" from the unit saying who wrote it', () => {
    const a = answerer.answer('who were the authors of the first harbour services report?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('Mara Okoye');
  });

  it('gives no names for a role the deck never fills ("who were the translators of X?")', () => {
    expect(answerer.answer('who were the translators of the first harbour services report?').text).not.toContain('Mara Okoye');
  });
});
