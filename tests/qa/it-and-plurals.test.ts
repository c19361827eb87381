// "It" stands for one thing. After "which companies were involved?", "who paid for it?" is not about the
// companies (there are several); it asks who paid for the project, as it would alone. After "how many cases did
// its report look at?", "when was it published?" is the report.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('it-and-plurals', { title: 'Ferries Online', workshop: 'Coastal Transport Forum 2027', location: 'Port Ellis, Norland' }, [
    {
      id: 'who',
      title: 'Who was involved',
      units: [
        { id: 'who-partners', kind: 'list', text: 'Partners: two telecom companies, Kelnet and Sarovia Mobile, carried the text alerts; the Norland Ferry Office ran the service; the Port Ellis council gave the pier space.', keywords: [] },
        { id: 'who-funder', kind: 'fact', text: 'The Harbour Trust paid for the pilot, giving 90,000 euros over two years.', keywords: [] },
      ],
    },
    {
      id: 'review',
      title: 'The review',
      units: [
        { id: 'review-cases', kind: 'statistic', text: "The ferry board's review looked at 120 cases of missed sailings.", keywords: [] },
        { id: 'review-when', kind: 'fact', text: 'The review was published in September 2025.', keywords: [] },
      ],
    },
  ]);

describe('"it" after a question about several things', () => {
  const { answerer } = workshop(writePack());

  it('"who paid for it?" after "which companies were involved?" asks who paid', () => {
    const first = answerer.answer('which companies were involved?');
    expect(first.text).toContain('Kelnet');
    const a = answerer.answer('who paid for it?', first.topic);
    expect(a.text).toMatch(/^The Harbour Trust paid for the pilot/);
    const b = answerer.answer('how much did they give?', a.topic);
    expect(b.text).toContain('90,000 euros');
  });

  it('"when was it published?" after a question naming one report is about the report', () => {
    const first = answerer.answer("how many cases did the board's review look at?");
    expect(first.text).toContain('120 cases');
    const a = answerer.answer('when was it published?', first.topic);
    expect(a.text).toContain('September 2025');
  });
});
