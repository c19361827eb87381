// "And how many people use it?" after "how many services does the app offer?": a question of its own, pointing
// back at the app with "it"; not the last question asked again about people (a count of people elsewhere).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () => {
  const dir = writeSmallPack('and-pronoun', { title: 'One App for the Islands', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'reach',
      title: 'Who is online',
      units: [{ id: 'online', kind: 'statistic', text: 'About 61,000 people, or 74 per cent of the islands, were using the internet in 2024.', keywords: [] }],
    },
    {
      id: 'app',
      title: 'IslandGo, one app for many services',
      units: [
        { id: 'what', kind: 'definition', text: 'IslandGo is the islands council single government app, launched in 2021.', keywords: [] },
        { id: 'services', kind: 'statistic', text: 'IslandGo brings together 140 services from 12 council departments, in 3 languages.', keywords: [] },
        { id: 'users', kind: 'statistic', text: 'Registered IslandGo users grew from 4,100 in 2021 to 38,500 in 2024.', keywords: [] },
      ],
    },
    {
      id: 'pay',
      title: 'Paying the council by phone',
      units: [
        { id: 'fees', kind: 'fact', text: 'People can pay harbour dues, water bills and school fees by mobile money through one council number.', keywords: [] },
        { id: 'fee-share', kind: 'statistic', text: 'In 2024, 62 per cent of council fees were paid by phone, against 9 per cent in 2020.', keywords: [] },
      ],
    },
    {
      id: 'help',
      title: 'Help for those without a phone',
      units: [
        { id: 'desks', kind: 'fact', text: 'Every island keeps a help desk at the post office where staff fill in forms for people who need help.', keywords: [] },
        { id: 'visits', kind: 'statistic', text: 'The help desks had 9,800 visits in 2024, most of them from people over 65.', keywords: [] },
      ],
    },
    {
      id: 'sms',
      title: 'Text message alerts',
      units: [
        { id: 'alerts', kind: 'fact', text: 'Ferry delays and storm warnings are sent by text message to people who register a number.', keywords: [] },
        { id: 'alert-count', kind: 'statistic', text: 'About 12,000 numbers were registered for alerts at the end of 2024.', keywords: [] },
      ],
    },
  ]);
  writeFileSync(join(dir, 'glossary.json'), JSON.stringify([{ term: 'IslandGo', expansion: 'The islands council single government app.', synonyms: [] }]));
  return dir;
};

describe('"and" before a question of its own that points back', () => {
  const { answerer } = workshop(writePack());

  it('reads the pronoun as the last topic', () => {
    const first = answerer.answer('how many services does the islandgo app offer');
    expect(first.text).toContain('140 services');
    const a = answerer.answer('and how many ppl use it?', first.topic);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('38,500');
    expect(a.text).not.toContain('61,000');
  });
});
