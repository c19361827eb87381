// "What do the letters BQI stand for?": the letters are the acronym's own, not something else asked about.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () => {
  const dir = writeSmallPack('acronym-letters', { title: 'Port Scores', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'scores',
      title: 'Scores',
      units: [
        { id: 'bqi', kind: 'definition', text: 'The Berth Quality Index (BQI) scores each port on its berths, cranes and waiting times.', keywords: [] },
        { id: 'bqi-2024', kind: 'statistic', text: 'In 2024 the BQI covered 140 ports, up from 90 in 2020.', keywords: [] },
      ],
    },
  ]);
  writeFileSync(join(dir, 'glossary.json'), JSON.stringify([{ term: 'BQI', expansion: 'Berth Quality Index: the score of a port on its berths, cranes and waiting times.', synonyms: [] }]));
  return dir;
};

describe('the letters of an acronym', () => {
  const { answerer } = workshop(writePack());

  it('answers "what do the letters BQI stand for?"', () => {
    const a = answerer.answer('what do the letters BQI stand for');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('Berth Quality Index');
  });

  it('answers "what do the initials in BQI stand for?"', () => {
    expect(answerer.answer('what do the initials in BQI stand for?').text).toContain('Berth Quality Index');
  });
});

describe('initials as the topic', () => {
  const { answerer } = workshop(
    writeSmallPack('initials', { title: 'Port Letters', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'letters',
        title: 'Letters to boat owners',
        units: [
          { id: 'initials', kind: 'fact', text: 'Each letter to a boat owner carries the initials of the officer who wrote it, so that replies reach the right desk.', keywords: [] },
          { id: 'sent', kind: 'statistic', text: 'The harbour office sent 4,000 letters to boat owners in 2024.', keywords: [] },
        ],
      },
    ]),
  );

  it('answers "what do the initials on a letter stand for?" from the unit on initials', () => {
    expect(answerer.answer('What do the initials on a letter stand for?').text).toContain('initials of the officer');
  });
});


describe('a question word left at the end', () => {
  const writeNrw = () => {
    const dir = writeSmallPack('word-last', { title: 'Water Losses', workshop: 'Utilities Forum 2025' }, [
      {
        id: 'plan',
        title: 'The plan',
        units: [
          { id: 'goal', kind: 'fact', text: 'Cutting NRW is the first goal of the plan, with a target set for 2030.', keywords: [] },
          { id: 'team', kind: 'fact', text: 'The NRW team of the board meets every month to review meters and leaks.', keywords: [] },
        ],
      },
    ]);
    writeFileSync(join(dir, 'glossary.json'), JSON.stringify([{ term: 'NRW', expansion: 'Non-revenue water: water lost before it reaches a paying customer.', synonyms: [] }]));
    return dir;
  };
  const { answerer } = workshop(writeNrw());

  it('reads "NRW means what?" and "tell me what NRW stands for" as asking what NRW is', () => {
    for (const q of ['NRW means what?', 'tell me what NRW stands for', 'what NRW means']) {
      const a = answerer.answer(q);
      expect(a.answered, q).toBe(true);
      expect(a.text, q).toMatch(/^NRW: Non-revenue water/);
    }
  });
});
