// How people ask to be told simply, and how they type ("sorry if this is basic", "in plain terms", "in a nutshell") says how to
// answer, not what about: those words must not count against the unit that answers.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { workshop } from './helpers.js';

// A pack of the evaluation set, whose size (some fifty units) makes stray words cost what they cost in use.
const { answerer } = workshop(join(import.meta.dirname, '../../eval/packs/e-participation/content'));

describe('asking to be told simply', () => {
  it('answers what a term means when asked with an apology and "in plain terms"', () => {
    const a = answerer.answer('sorry if this is basic, but in simple terms what does e-participation actually mean?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('online tools');
  });

  it('reads "they\'re" as "they are", not as the place word "there", and "hav" as "have"', () => {
    const words = answerer.explain("do govts hav to respond to petitions once they're signed by enough people?").analysis.words;
    expect(words.join(' ')).toContain('have to respond to petitions once they are signed');
  });

  it('corrects a misspelt inflection to the word meant, and leaves an English word alone', () => {
    // (This pack says "publishes" and "published"; "publishd" is one letter short of the second, and no
    // "publishe" is to be made of the first.)
    const other = workshop(join(import.meta.dirname, '../../eval/packs/cybersecurity/content')).answerer;
    expect(other.explain('when was the strategy guide first publishd').analysis.words).toContain('published');
    expect(answerer.explain('was anyone ever fined over a petition').analysis.words).toContain('fined');
  });
});
