// "And in 2023?" after a figure asks the same question of another year. Read alone it names nothing but the
// year, so a unit elsewhere in the deck that merely says 2023 is no answer: when the deck gives no figure for
// that year, the bot says it cannot find it.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('bare-year', { title: 'Harbour Records Online', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'scanning',
      title: 'Scanning the harbour records',
      units: [{ id: 'pages', kind: 'statistic', text: 'By the end of 2025, 38 million pages of harbour records had been scanned by the archive team.', keywords: [] }],
    },
    {
      id: 'licence',
      title: 'Reusing the scans',
      units: [{ id: 'open', kind: 'fact', text: 'Since January 2023 the scans are free to reuse under the Port Ellis open licence, with the source credited.', keywords: [] }],
    },
  ]);

describe('a bare year as a follow-up', () => {
  const { answerer } = workshop(writePack());

  it('is not answered by a unit elsewhere that only names the year', () => {
    const first = answerer.answer('how many pages have been scanned?');
    expect(first.text).toMatch(/^By the end of 2025, 38 million pages/);
    const a = answerer.answer('and in 2023?', first.topic);
    expect(a.text).not.toContain('open licence');
    expect(a.answered, a.text).toBe(false);
  });
});
