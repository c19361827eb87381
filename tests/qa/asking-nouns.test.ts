// A word that usually asks for the answer's form ("in three *points*", "the full *form*") is a pack's own noun
// when one of its glossary terms says it: "how many points do you get if you're homeless?" asks about the
// pack's points.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () => {
  const dir = writeSmallPack('asking-nouns', { title: 'Homes Online', workshop: 'City Housing Forum 2026' }, [
    {
      id: 'points',
      title: 'How priority is worked out',
      units: [
        { id: 'points-given', kind: 'list', text: 'Points are given as follows: 150 for being homeless, 100 for a serious medical need, 50 for overcrowding.', keywords: [] },
        { id: 'points-bands', kind: 'fact', text: 'Applicants with 300 or more are in Band A, the most urgent.', keywords: [] },
      ],
    },
    {
      id: 'problems',
      title: 'What went wrong',
      units: [{ id: 'homeless-online', kind: 'statistic', text: 'In the first month, 420 homeless applicants finished the online form without help.', keywords: [] }],
    },
  ]);
  writeFileSync(join(dir, 'glossary.json'), JSON.stringify([{ term: 'Housing need points', expansion: 'Points given for each kind of housing need; their total sets the band.', synonyms: [] }]));
  return dir;
};

describe("a glossary term's asking word", () => {
  const { answerer } = workshop(writePack());

  it('"how many points do you get if you\'re homeless?" gets the points', () => {
    const a = answerer.answer("how many points do you get if you're homeless?");
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('150 for being homeless');
  });
});
