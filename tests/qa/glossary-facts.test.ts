// A glossary entry is the answer to "what is X?", and also to "how long does X last?" when it says how long:
// asked alone or as a follow-up to its definition. A follow-up it cannot answer is declined as a question.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

function writePack(): string {
  const dir = writeSmallPack('glossary-facts', { title: 'Buying Together', workshop: 'Procurement Week 2027' }, [
    {
      id: 'buying',
      title: 'How councils buy',
      units: [
        { id: 'tenders', kind: 'fact', text: 'Every purchase above 50,000 dollars goes to an open tender on the national website.', keywords: [] },
        { id: 'shared', kind: 'fact', text: 'Five councils of Marrowsea buy road salt together to get a lower price.', keywords: [] },
      ],
    },
  ]);
  writeFileSync(
    join(dir, 'glossary.json'),
    JSON.stringify([{ term: 'Standing offer', expansion: 'An agreement with one or more suppliers that sets prices for orders placed over a period, usually up to four years.', synonyms: [] }]),
  );
  return dir;
}

describe('a fact a glossary entry gives', () => {
  const { answerer } = workshop(writePack());

  it('answers how long the thing lasts, asked alone', () => {
    const a = answerer.answer('how long can a standing offer last?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('usually up to four years');
  });

  it('answers it as a follow-up to the definition', () => {
    const first = answerer.answer('what is a standing offer?');
    const a = answerer.answer('how long can it last?', first.topic);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('usually up to four years');
  });

  it('declines a follow-up it cannot answer as a question it has no answer to, not as no question at all', () => {
    const first = answerer.answer('what is a standing offer?');
    const a = answerer.answer('and when was that?', first.topic);
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/^Sorry, I can't find that/);
  });

  it('declines a bare "which lines?" with nothing before as a question it cannot answer', () => {
    const a = answerer.answer('which lines?');
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/^Sorry, I can't find that/);
  });
});
