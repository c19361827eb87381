// "Is the Harbour Recommendation binding?": a document named "Recommendation" asked about yes or no is not
// a request for advice, so the words before it stay what the question is about.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('document-names', { title: 'Safer Harbours', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'rec',
      title: 'The Harbour Recommendation',
      units: [
        { id: 'what', kind: 'definition', text: 'The Harbour Recommendation, adopted by the regional ports forum in 2019, sets out twelve principles for safe small harbours.', keywords: [] },
        { id: 'status', kind: 'fact', text: 'The Harbour Recommendation is not legally binding: councils follow it by choice and report on it every two years.', keywords: [] },
        { id: 'tools', kind: 'fact', text: 'The ports forum supports councils with two tools: a harbour safety checklist and a peer review by another council.', keywords: [] },
      ],
    },
    {
      id: 'steps',
      title: 'What councils should do first',
      units: [{ id: 'first', kind: 'list', text: 'First steps for a council: name a harbour master, walk the wharf every month, and keep a log of incidents.', keywords: [] }],
    },
  ]);

describe('a document named "Recommendation", asked about yes or no', () => {
  const { answerer } = workshop(writePack());

  it('answers from the unit that says whether it binds, and nothing beside it', () => {
    const a = answerer.answer("is the forum's harbour recommendation binding for councils?");
    expect(a.text).toMatch(/^The Harbour Recommendation is not legally binding/);
    expect(a.text).not.toContain('two tools');
  });
});
