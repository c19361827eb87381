// An answer gives the unit's own words whole and then its citation: a section with a long list of sources has
// that list cut to leave the answer room, never the answer cut to make room for the sources.
import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_CHARS } from '../../src/qa/format.js';
import { workshop, writeSmallPack } from './helpers.js';

const longSource =
  'Harbour Board annual report 2024 (press launch, Port Ellis); Coastal Freight Review, issue 12 (2023); Port Ellis council minutes of 3 May 2022 as reported by the Ellis Gazette and the Island Times; Sea Trust working paper 59 (2018)';
const reply =
  'Port Ellis moved every berth booking online in 2021. Bookings that once took three days by fax now take about ten minutes, and the board says no-shows fell by a third. Small operators without a computer can still book at the harbour office, where staff enter the booking for them. The last fax machine was switched off in March 2022, and the savings paid for two new pilot boats and the training of six harbour clerks.';

describe('citations', () => {
  const { answerer } = workshop(
    writeSmallPack('citations', { title: 'Online Harbours', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'bookings',
        title: 'Port Ellis: online berth bookings',
        source: longSource,
        units: [{ id: 'booking-online', kind: 'fact', text: reply, keywords: [] }],
      },
    ]),
  );

  it('keep the whole answer and shorten a long list of sources', () => {
    const a = answerer.answer('what did port ellis pay for with the savings from online berth booking?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('two new pilot boats and the training of six harbour clerks.');
    expect(a.text).toContain('(Source: Port Ellis: online berth bookings');
    expect(a.text.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
  });
});

describe('an answer from two sections', () => {
  const { answerer } = workshop(
    writeSmallPack('two-sections', { title: 'Online Harbours', workshop: 'Harbour Data Week 2025' }, [
      { id: 'ellis', title: 'Ferries at Port Ellis', source: longSource, units: [{ id: 'ellis-ferries', kind: 'statistic', text: 'Port Ellis runs 12 ferry crossings a day to the outer islands.', keywords: [] }] },
      { id: 'vale', title: 'Ferries at Port Vale', source: longSource, units: [{ id: 'vale-ferries', kind: 'statistic', text: 'Port Vale runs 9 ferry crossings a day to the outer islands.', keywords: [] }] },
    ]),
  );

  it('names both sections in its citation', () => {
    const a = answerer.answer('how many ferry crossings a day go to the outer islands?');
    expect(a.text).toContain('12 ferry crossings');
    expect(a.text).toContain('9 ferry crossings');
    expect(a.text).toContain('(Source: Ferries at Port Ellis; Ferries at Port Vale)');
    expect(a.text.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
  });
});

describe('an answer from two sections, one unit with a figure', () => {
  const { answerer } = workshop(
    writeSmallPack('two-sections-figure', { title: 'Online Harbours', workshop: 'Harbour Data Week 2025' }, [
      { id: 'ellis', title: 'Ferries at Port Ellis', source: longSource, units: [{ id: 'ellis-ferries', kind: 'statistic', text: 'Port Ellis runs 12 ferry crossings a day to the outer islands.', keywords: [], figure: 'Figure 4' }] },
      { id: 'vale', title: 'Ferries at Port Vale', source: longSource, units: [{ id: 'vale-ferries', kind: 'statistic', text: 'Port Vale runs 9 ferry crossings a day to the outer islands.', keywords: [] }] },
    ]),
  );

  it('still names both sections', () => {
    const a = answerer.answer('how many ferry crossings a day go to the outer islands?');
    expect(a.text).toContain('(Source: Ferries at Port Ellis, Figure 4; Ferries at Port Vale)');
  });
});
