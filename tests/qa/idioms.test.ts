// Everyday phrases read in plainer words, unless the pack writes the phrase itself; and a pack's "-ing" term
// read as the thing it names, not as a verb.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const harbours = (leadSentence: string) =>
  writeSmallPack('idioms', { title: 'Running a Small Harbour', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'office',
      title: 'The harbour office',
      units: [
        { id: 'lead', kind: 'fact', text: leadSentence, keywords: [] },
        { id: 'fees', kind: 'fact', text: 'Berth fees at Port Ellis are set each spring and posted on the harbour office door.', keywords: [] },
      ],
    },
    {
      id: 'reasons',
      title: 'Why shared berth booking',
      units: [
        { id: 'why', kind: 'fact', text: 'Reasons for shared berth booking: fewer ships wait at anchor, crews plan their arrival, and fees are paid once.', keywords: [] },
        { id: 'what', kind: 'definition', text: 'Shared berth booking is one booking desk for every quay of a harbour, open to all shipping lines.', keywords: [] },
      ],
    },
    {
      id: 'trials',
      title: 'Trying things safely',
      units: [
        { id: 'sandbox', kind: 'fact', text: 'Before a new crane scheduler goes live, harbours try it in a sandbox of one quay for a month.', keywords: [] },
      ],
    },
    {
      id: 'classes',
      title: 'Berth classes',
      units: [
        { id: 'list', kind: 'list', text: 'Port Ellis sorts its berths into three classes: deep-water, coastal and small craft.', keywords: [] },
        { id: 'berth-fee', kind: 'fact', text: 'A deep-water berth at Port Ellis costs four times a small craft berth, and the maximum fee is 900 crowns a day.', keywords: [] },
      ],
    },
  ]);

describe('idioms and the pack that writes them', () => {
  it('reads "why bother with X", "what\'s the point of X" and "what\'s the case for X" as why X', () => {
    const { answerer } = workshop(harbours('Nadia Brandt leads the harbour office at Port Ellis, with a staff of nine.'));
    for (const q of ['why bother with shared berth booking at all?', "what's the point of shared berth booking?", 'whats the case for shared berth booking']) {
      expect(answerer.answer(q).text, q).toMatch(/^Reasons for shared berth booking/);
    }
  });

  it('keeps "what\'s the case for X" as it is where the pack writes "the case for"', () => {
    const dir = writeSmallPack('own-idioms', { title: 'Running a Small Harbour', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'office',
        title: 'A second harbour office',
        units: [
          { id: 'case', kind: 'fact', text: 'The case for a second harbour office rests on its 4,000 yearly callers, most of them small craft.', keywords: [] },
          { id: 'why', kind: 'fact', text: 'Why a second harbour office? Queues at the first one reach two hours in summer.', keywords: [] },
        ],
      },
    ]);
    const { answerer } = workshop(dir);
    expect(answerer.answer("what's the case for a second harbour office?").text).toMatch(/^The case for a second harbour office rests/);
    expect(answerer.answer('why a second harbour office?').text).toMatch(/^Why a second harbour office\? Queues/);
  });
});

describe('the order a list is wanted in', () => {
  it('reads "top to bottom" as no topic words, and "max" as the pack\'s "maximum"', () => {
    const { answerer } = workshop(harbours('Nadia Brandt leads the harbour office at Port Ellis, with a staff of nine.'));
    expect(answerer.answer('what are the berth classes, top to bottom?').text).toMatch(/^Port Ellis sorts its berths into three classes/);
    expect(answerer.answer('whats the max fee for a deep water berth a day').text).toContain('maximum fee is 900 crowns');
  });
});

describe('a clipped word the pack writes as a name', () => {
  it('reads "max" as the name it is in the pack, not as "maximum"', () => {
    const dir = writeSmallPack('clipped-name', { title: 'Running a Small Harbour', workshop: 'Harbour Data Week 2025', presenter: 'Max Tairua' }, [
      { id: 'office', title: 'The harbour office', units: [{ id: 'fee', kind: 'fact', text: 'The maximum berth fee at Port Ellis is 900 crowns a day.', keywords: [] }] },
    ]);
    const { answerer } = workshop(dir);
    expect(answerer.answer('who is Max Tairua?').text).toContain('Max Tairua');
  });
});

describe('a term of the pack in "-ing"', () => {
  const dir = writeSmallPack('practices', { title: 'Running a Small Harbour', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'office',
      title: 'The harbour office',
      units: [{ id: 'lead', kind: 'fact', text: 'Nadia Brandt leads the harbour office at Port Ellis, with a staff of nine.', keywords: [] }],
    },
    {
      id: 'trials',
      title: 'Trying things safely',
      units: [{ id: 'sandbox', kind: 'fact', text: 'Harbours try a new crane scheduler on one quay for a month before it goes live everywhere: a quay sandbox.', keywords: [] }],
    },
  ]);
  writeFileSync(join(dir, 'glossary.json'), JSON.stringify([{ term: 'Sandboxing', expansion: 'Trying a new tool on a small scale, apart, before it goes live.', synonyms: ['quay sandbox'] }]));
  const { answerer } = workshop(dir);

  it('asks about the practice, after a question on something else', () => {
    const first = answerer.answer('who leads the harbour office?');
    expect(first.text).toContain('Nadia Brandt');
    const a = answerer.answer('what is sandboxing in this context?', first.topic);
    expect(a.text).toMatch(/^(Sandboxing: Trying a new tool|Harbours try a new crane scheduler)/);
    expect(a.text).not.toContain('Nadia Brandt');
  });

  it('still reads it as a verb after a pronoun: "is it still sailing?"', () => {
    const ferries = writeSmallPack('sailing', { title: 'The Island Ferries', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'fleet',
        title: 'The fleet',
        units: [
          { id: 'liss', kind: 'fact', text: 'The Liss, built in 1988, now sails mostly in summer, when traffic is heaviest.', keywords: [] },
          { id: 'tern', kind: 'fact', text: 'The Tern, built in 2015, takes 40 cars and crosses all year.', keywords: [] },
        ],
      },
      {
        id: 'people',
        title: 'Who runs the ferries',
        units: [{ id: 'ops', kind: 'fact', text: 'Hanne Kell heads the crews and plans every sailing from the office at Port Ellis.', keywords: [] }],
      },
    ]);
    writeFileSync(join(ferries, 'glossary.json'), JSON.stringify([{ term: 'Sailing', expansion: 'One crossing of a ferry on the timetable.', synonyms: [] }]));
    const { answerer: ferry } = workshop(ferries);
    const first = ferry.answer('tell me about the liss');
    expect(first.text).toContain('The Liss');
    expect(ferry.answer('is it still sailing?', first.topic).text).toMatch(/^The Liss, built in 1988/);
    // (Read as what the ferry does, and as the thing itself when asked what it is.)
    const sailing = (q: string) => ferry.explain(q).analysis.concepts.find((c) => c.words.includes('sailing'));
    expect(sailing('is it still sailing?')?.verbal).toBe(true);
    expect(sailing('what is sailing?')?.verbal).toBeFalsy();
  });
});

