// "When did it launch?" after "what is Tidewatch?": the pronoun stands for Tidewatch. Read alone the question is
// about nothing, so a unit elsewhere that only shares its verb or its kind of answer (a fee for "how much did it
// cost") is not answered in its place: the answer holds what "it" stands for, or the bot says it cannot tell.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('pronoun-adrift', { title: 'Booking a Berth Online', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'service',
      title: 'The booking service',
      units: [
        { id: 'def', kind: 'definition', text: "Tidewatch is the Harbour Board's online berth booking service, opened to skippers on 3 April 2023.", keywords: [] },
        { id: 'built', kind: 'fact', text: 'The service was built by Marrowsea Systems under a 2.4 million crown contract.', keywords: [] },
      ],
    },
    {
      id: 'fees',
      title: 'Berth fees',
      units: [{ id: 'amounts', kind: 'statistic', text: 'Fees in 2025 cost 85 crowns a night for a small berth and 340 crowns a night for a large one.', keywords: [] }],
    },
    {
      id: 'register',
      title: 'The harbour register',
      units: [{ id: 'pages', kind: 'fact', text: 'The harbour register lists every berth, its depth and its owner; it is updated every three years.', keywords: [] }],
    },
  ]);

describe('a pronoun follow-up read alone', () => {
  const { answerer } = workshop(writePack());

  it('does not answer with a unit that holds nothing of what the pronoun stands for', () => {
    const first = answerer.answer('what is tidewatch?');
    expect(first.text).toMatch(/^Tidewatch is/);
    const a = answerer.answer('who built it and how much did it cost', first.topic);
    expect(a.text).not.toContain('340 crowns');
  });

  it('still answers a pronoun that stands for a name the question gives first', () => {
    expect(answerer.answer('tidewatch: when did it open?').text).toContain('3 April 2023');
  });
});
