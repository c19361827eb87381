// The general English word lists of lexicon/: every line gives its reason, and the parser says where a line is wrong.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEXICON_DIR, LexiconFormatError, parseWordLists, wordGroups, wordMap, wordSet } from '../../src/qa/word-lists.js';

describe('lexicon', () => {
  const files = readdirSync(LEXICON_DIR).filter((f) => f.endsWith('.txt'));

  it.each(files)('%s: every line is "list: words  # reason"', (f) => {
    expect(() => parseWordLists(readFileSync(join(LEXICON_DIR, f), 'utf8'), f)).not.toThrow();
  });

  it('names the file and line of a line without a reason', () => {
    expect(() => parseWordLists('asking: tell explain\n', 'x.txt')).toThrow(LexiconFormatError);
    expect(() => parseWordLists('# a comment\n\nasking: tell   # ways of asking\nbroken line\n', 'x.txt')).toThrow(/x\.txt:4/);
  });

  it('reads sets and from=to maps, several lines feeding one list', () => {
    const lists = parseWordLists('a: one two  # first\na: three  # second\nm: x=y  # a map\n', 'x.txt');
    expect([...lists.sets.get('a')!]).toEqual(['one', 'two', 'three']);
    expect(lists.maps.get('m')?.get('x')).toBe('y');
  });

  it('sets two sides against each other on every opposites line, with one "vs" between them', () => {
    const lines = wordGroups('opposites');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line.filter((w) => w === 'vs'), line.join(' ')).toHaveLength(1);
      const at = line.indexOf('vs');
      expect(at, line.join(' ')).toBeGreaterThan(0);
      expect(at, line.join(' ')).toBeLessThan(line.length - 1);
    }
  });

  it('holds the lists the answerer reads', () => {
    for (const name of ['wh', 'aux', 'asking', 'generic', 'session', 'person', 'month', 'reason', 'superlative']) expect(wordSet(name).size, name).toBeGreaterThan(0);
    expect(wordMap('shorthand').get('govt')).toBe('government');
    expect(wordMap('number-word').get('six')).toBe('6');
  });
});
