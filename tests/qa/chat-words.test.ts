// Chat words for a part of something, where it belongs and what it is asked in ("the enablers *bit*", "does it *sit*
// under?", "in this *context*") say how a participant talks, not what about: they must not count against the answer.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('chat-words', { title: 'The Harbour Index', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'parts',
      title: 'How the index is built',
      units: [
        { id: 'total', kind: 'statistic', text: 'The 2024 Harbour Index is built from 48 key indicators: 17 in the BSI, 9 in the SSI, 6 in the DSI and 16 in the HEI.', keywords: [] },
        { id: 'hei', kind: 'definition', text: 'The Harbour Enablers Index (HEI) captures strategy, laws, skills and funding for harbour services; it has 16 indicators in the 2024 update.', keywords: [] },
        { id: 'bsi', kind: 'definition', text: 'The Berth Services Index (BSI) measures booking, billing and berth allocation; it has 17 indicators.', keywords: [] },
        { id: 'ssi', kind: 'definition', text: 'The Safety Services Index (SSI) covers inspections and incident reporting; it has 9 indicators.', keywords: [] },
        { id: 'pilots', kind: 'fact', text: 'The board finds that many harbour data projects stay stuck in the pilot phase because of funding gaps, weak skills and unclear ownership.', keywords: [] },
        { id: 'links', kind: 'fact', text: 'Linking every port system directly to every other one multiplies the connections to maintain, so the board recommends one shared exchange layer.', keywords: [] },
        { id: 'fragmented', kind: 'fact', text: 'The 2020 review found that most ports already had booking systems and online portals, but they were fragmented and could not share data.', keywords: [] },
        { id: 'pooling', kind: 'fact', text: 'Leading ports engage in policy experimentation and pooling, sharing berths between neighbouring ports at busy times.', keywords: [] },
        { id: 'update', kind: 'fact', text: 'The board publishes the Harbour Index every two years, each time in March.', keywords: [] },
        { id: 'returns', kind: 'statistic', text: 'In 2024, 112 ports sent in their own data for the Harbour Index; the rest were scored from public records.', keywords: [] },
      ],
    },
  ]);

describe('chat words for parts', () => {
  const { answerer } = workshop(writePack());

  it('answers "how many indicators sit under the enablers bit?"', () => {
    const a = answerer.answer('how many indicators sit under the enablers bit?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('16');
  });

  it('answers "what is X in this context?" as what X is', () => {
    const a = answerer.answer('what is pooling in this context');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('sharing berths');
  });

  it('reads "never" as how it is asked, not what about', () => {
    const a = answerer.answer('why do so many harbour data projects never get beyond the pilot?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('stuck in the pilot phase');
  });

  it('reads "a bad idea" and "nowadays" as how it is asked', () => {
    const a = answerer.answer('why is it a bad idea to link every port system directly to every other one nowadays?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('multiplies the connections');
  });

  it('reads "what was wrong with X?" as asking about X', () => {
    const a = answerer.answer('what was wrong with the booking systems and portals ports already had in 2020');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('fragmented');
  });

  it('reads "how frequently" as how often', () => {
    const a = answerer.answer('how frequently does the board release the harbour index?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('every two years');
  });

  it('reads "the 2024 round" as the 2024 edition', () => {
    const a = answerer.answer('how many ports sent in their own data for the 2024 round?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('112 ports');
  });
});

describe('"round" as a topic', () => {
  const { answerer } = workshop(
    writeSmallPack('rounds', { title: 'Port Meetings', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'talks',
        title: 'Port meetings',
        units: [
          { id: 'first', kind: 'fact', text: 'In the first round of talks, the ports agreed to share their berth lists.', keywords: [] },
          { id: 'second', kind: 'fact', text: 'In the second round of talks, the ports agreed on one booking fee for small boats.', keywords: [] },
          { id: 'fees', kind: 'fact', text: 'Booking fees for small boats were agreed by the ports in March 2024.', keywords: [] },
        ],
      },
    ]),
  );

  it('keeps "the second round" as what is asked about', () => {
    const a = answerer.answer('What was agreed in the second round?');
    expect(a.text).toMatch(/^In the second round/);
  });
});


describe('chat asides', () => {
  const { answerer } = workshop(writeSmallPack('asides', { title: 'The Harbour Index', workshop: 'Harbour Data Week 2025', date: 'Tuesday, 4 March 2025', location: 'Port Ellis' }, [
    { id: 'index', title: 'The index', units: [{ id: 'what', kind: 'definition', text: 'The Harbour Index ranks ports on berth booking, safety and open data.', keywords: [] }] },
  ]));

  it('reads "btw" and "tbh" as asides, not as words the workshop would have to hold', () => {
    const first = answerer.answer('where is the workshop being held?');
    expect(first.text).toContain('Port Ellis');
    const next = answerer.answer('when is it btw, what date?', first.topic);
    expect(next.answered, next.text).toBe(true);
    expect(next.text).toContain('4 March 2025');
    const tbh = answerer.answer('tbh what does the harbour index rank?');
    expect(tbh.text).toContain('berth booking');
  });
});

describe("a pack's own acronym that is also chat shorthand", () => {
  // An invented ferry pack whose glossary spells out "PLS", which chat spells for "please".
  function writePack(): string {
    const dir = writeSmallPack('own-acronym', { title: 'Ferry Passes', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'passes',
        title: 'Passes',
        units: [{ id: 'pls', kind: 'definition', text: 'The Port Link Season pass (PLS) gives unlimited crossings on one route for a month.', keywords: [] }],
      },
    ]);
    writeFileSync(join(dir, 'glossary.json'), JSON.stringify([{ term: 'PLS', expansion: 'Port Link Season pass: a month of unlimited crossings on one route.', synonyms: [] }]));
    return dir;
  }
  const { answerer } = workshop(writePack());

  it('is read as the acronym, not as the everyday word', () => {
    const a = answerer.answer('what is PLS');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('Port Link Season pass');
  });
});

describe('"wat\'s X?" in chat spelling', () => {
  // A word many units use: typed "what's a band?" asks what it is; "wat's" is the same question, not a bare "band".
  const bands = ['top', 'second', 'third', 'bottom'].flatMap((b, i) => [
    { id: `wait-${i}`, kind: 'fact', text: `Households in the ${b} band waited a median of ${i + 2} months for an offer in 2025.`, keywords: [] },
    { id: `size-${i}`, kind: 'statistic', text: `${(i + 1) * 900} households were in the ${b} band at the end of 2025.`, keywords: [] },
  ]);
  const dir = writeSmallPack('chat-whats', { title: 'Homes Online', workshop: 'City Housing Forum 2026' }, [
    { id: 'waits', title: 'Waiting times', units: bands },
    { id: 'terms', title: 'Key terms', units: [{ id: 'band', kind: 'definition', text: 'A band is one of four priority groups, from Band A (most urgent) to Band D, that sets who is offered a home first.', keywords: [] }] },
  ]);
  const { answerer } = workshop(dir);

  it.each(["what's a band", "wat's a band"])('answers "%s" with what a band is', (q) => {
    const a = answerer.answer(q);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^A band is one of four priority groups/);
  });
});
