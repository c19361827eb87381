// What is asked about decides the answer: shared words are not enough, and advice is marked as ours.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const { answerer } = workshop();
const ask = (q: string) => answerer.answer(q);

describe('the answer must cover what is asked about', () => {
  // Each shares a phrase with the deck ("prime minister", "PNG", "national CIO", "rural areas").
  it.each([
    'Who is the prime minister of Australia?',
    'When is the next workshop?',
    'What is the population of Papua New Guinea?',
    'What is the capital of PNG?',
    'What is the budget of the national CIO office?',
    'How many hospitals are there in rural areas?',
    'How many people use the national portal?',
    'Which country has the best digital ID?',
    'What is the Internet of Things used for in farming?',
    'who is the president of the united states',
    'When will the next E-Government Survey come out?',
    'How old is Keping Yao?',
    // A title-slide fact answers yes or no only about what it holds.
    'is there parking at the workshop venue?',
  ])('declines %j', (q) => {
    const a = ask(q);
    expect(a.answered, a.text).toBe(false);
    expect(a.suggestions.length).toBeGreaterThanOrEqual(2);
  });

  it('answers "what does X stand for" from the glossary, but not other questions that name X', () => {
    expect(ask('What does PNG stand for?').text).toContain('Papua New Guinea');
    expect(ask('What is the population of PNG?').answered).toBe(false);
    const a = ask('how do public agencies work in a WoG set-up');
    expect(a.text).toContain('working together');
    expect(a.sources[0]!.title).not.toBe('Glossary');
  });

  it('answers who-questions with the person or role', () => {
    expect(ask('Who leads the central body for digital government?').text).toMatch(/CIO|chief digital technology officer/);
    expect(ask('speaker?').text).toContain('Keping Yao');
  });

  it('says when the deck gives no figure rather than giving another one', () => {
    const a = ask('How many countries have a digital ID?');
    // Not answered (there is no figure to give), but said plainly rather than "I can't find that".
    expect(a.answered).toBe(false);
    expect(a.text).toContain('gives no figure for how many have "Digital ID"');
  });
});

describe('next steps', () => {
  it.each([
    ['What should a government do first about cybersecurity?', 'Cybersecurity legislation', 'cybersecurity law'],
    ['How can we improve our national portal?', 'National government portal', 'national portal'],
    ['what is the first step toward a digital ID?', 'Digital ID', 'digital identity'],
    ['how can a country start an e-participation law', 'E-participation legislation', 'consulting people online'],
  ])('%j gets the indicator\'s next step, marked as a suggestion', (q, indicator, words) => {
    const a = ask(q);
    expect(a.answered).toBe(true);
    expect(a.text).toContain(`Recommended next step for ${indicator}`);
    expect(a.text).toContain('not a statement from the deck');
    expect(a.text.toLowerCase()).toContain(words);
    expect(a.text).toMatch(/\(Source: Indicator "[^"]+", recommended next step\b/);
    expect(a.text.length).toBeLessThanOrEqual(600);
  });

  it('gives the deck\'s facts, not advice, when nobody asked for advice', () => {
    for (const q of ['How many countries have legislation on cybersecurity?', 'how can data silos be overcome?']) {
      expect(ask(q).text).not.toContain('Recommended next step');
    }
  });
});

describe('a name of the pack, then "of" and words describing it', () => {
  const dir = writeSmallPack('named-of', { title: 'Clean Harbours', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'waste',
      title: 'Harbour waste',
      units: [
        { id: 'three-rs', kind: 'list', text: 'The 3Rs of harbour waste are reduce, reuse and recycle: the order in which a port deals with what ships leave behind.', keywords: [] },
        { id: 'crews', kind: 'fact', text: 'Crews on the quay learn the 3Rs and the fire drill in their first week.', keywords: [] },
      ],
    },
    {
      id: 'visits',
      title: 'Visitors',
      units: [{ id: 'visitors', kind: 'fact', text: 'Most people who visit the harbour come for the ferry to the islands.', keywords: [] }],
    },
  ]);
  writeFileSync(join(dir, 'glossary.json'), JSON.stringify([{ term: '3Rs', expansion: 'Reduce, reuse and recycle: the three ways a port deals with waste.', synonyms: [] }]));
  const { answerer } = workshop(dir);

  it('reads "the 3Rs of people dealing with harbour waste" as asking about the 3Rs', () => {
    expect(answerer.answer('the 3Rs of people dealing with harbour waste - what are they?').text).toMatch(/^The 3Rs of harbour waste are reduce, reuse and recycle/);
  });
});
