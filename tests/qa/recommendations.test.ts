// "Which recommendation (number) is about X?" asks which of a document's recommendations says X: the unit that
// names it, not the bot's own next step for a readiness item on X.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

describe('"which recommendation...?"', () => {
  const dir = writeSmallPack('recommendations', { title: 'The Harbour Code', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'code',
      title: 'The harbour code',
      units: [
        { id: 'code-structure', kind: 'fact', text: 'The 2021 harbour code makes 30 recommendations to port authorities, grouped under five principles.', keywords: [] },
        { id: 'code-screening', kind: 'fact', text: 'Recommendation 12 of the harbour code asks port authorities to screen new by-laws for booking obstacles before they are adopted.', keywords: [] },
      ],
    },
  ]);
  writeFileSync(
    join(dir, 'indicators.json'),
    JSON.stringify({
      set: { name: 'Harbour readiness' },
      indicators: [
        {
          id: 'bylaw-screening',
          name: 'Screening of by-laws',
          definition: 'New and amended port by-laws are screened for booking obstacles.',
          question: 'Does your port screen new by-laws for booking obstacles?',
          sections: ['code'],
          nextStep: 'Add a booking-obstacles check to the template every new port by-law goes through.',
        },
      ],
    }),
  );
  const { answerer } = workshop(dir);

  it('answers with the recommendation the code makes, not a next step', () => {
    const a = answerer.answer('which recommendation of the harbour code is the one about screening by-laws for booking obstacles?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('Recommendation 12');
  });

  it('still gives next steps when asked for advice', () => {
    const a = answerer.answer('what do you recommend we do about screening by-laws for booking obstacles?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/template every new port by-law/);
  });
});
