// The search index cache: built once, reused while the content hash matches, rebuilt when content changes.
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndexCache, indexFileName, loadSearchIndex } from '../../src/qa/search-index.js';
import { defaultContentDir, loadContent } from '../../src/content/load.js';
import { createAnswerer } from '../../src/qa/answer.js';

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

describe('index cache', () => {
  it('is written once by build-index and then read, not rebuilt', () => {
    const content = loadContent(defaultContentDir({}));
    const cache = tmp('cache-');
    const file = buildIndexCache(content, cache);
    expect(file).toBe(join(cache, indexFileName(content)));
    const before = statSync(file).mtimeMs;
    const body = readFileSync(file, 'utf8');

    const index = loadSearchIndex(content, cache);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(readFileSync(file, 'utf8')).toBe(body);
    expect(readdirSync(cache).filter((f) => f.startsWith('index-'))).toEqual([indexFileName(content)]);
    // The loaded index answers like a fresh one.
    const a = createAnswerer(content, index).answer('How many countries have legislation on cybersecurity?');
    expect(a.text).toContain('153');
  });

  it('reads what is in the cache when the hash matches (so a stale-looking file proves reuse)', () => {
    const content = loadContent(defaultContentDir({}));
    const cache = tmp('cache-');
    const file = buildIndexCache(content, cache);
    const body = JSON.parse(readFileSync(file, 'utf8')) as { index: { fields: string[] } };
    body.index.fields = ['title', 'text', 'keywords', 'marker'];
    writeFileSync(file, JSON.stringify(body));
    expect((loadSearchIndex(content, cache).lunr as unknown as { fields: string[] }).fields).toContain('marker');
  });

  it('is rebuilt when it was built with other word lists (lexicon/*.txt changed)', () => {
    const content = loadContent(defaultContentDir({}));
    const cache = tmp('cache-');
    const file = buildIndexCache(content, cache);
    const body = JSON.parse(readFileSync(file, 'utf8')) as { lexicon: string; index: { fields: string[] } };
    body.lexicon = 'an-older-lexicon';
    body.index.fields = ['title', 'text', 'keywords', 'marker'];
    writeFileSync(file, JSON.stringify(body));
    expect((loadSearchIndex(content, cache).lunr as unknown as { fields: string[] }).fields).not.toContain('marker');
    expect(JSON.parse(readFileSync(file, 'utf8')).lexicon).not.toBe('an-older-lexicon');
  });

  it('is rebuilt (and the old file removed) when the content changes, or when the cache is damaged', () => {
    const dir = tmp('content-');
    cpSync(defaultContentDir({}), dir, { recursive: true });
    const cache = tmp('cache-');
    const first = loadContent(dir);
    loadSearchIndex(first, cache);
    expect(readdirSync(cache).filter((f) => f.startsWith('index-'))).toEqual([indexFileName(first)]);

    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ ...meta, presenter: 'Someone Else' }));
    const second = loadContent(dir);
    expect(second.hash).not.toBe(first.hash);
    loadSearchIndex(second, cache);
    expect(readdirSync(cache).filter((f) => f.startsWith('index-'))).toEqual([indexFileName(second)]);

    writeFileSync(join(cache, indexFileName(second)), '{ damaged');
    const index = loadSearchIndex(second, cache);
    expect(createAnswerer(second, index).answer('Who gave the presentation?').text).toContain('Someone Else');
    expect(JSON.parse(readFileSync(join(cache, indexFileName(second)), 'utf8')).hash).toBe(second.hash);
  });

  it('still answers when the cache folder cannot be written', () => {
    const content = loadContent(defaultContentDir({}));
    const notADir = join(tmp('cache-'), 'file');
    writeFileSync(notADir, 'x');
    const index = loadSearchIndex(content, join(notADir, 'cache'));
    expect(createAnswerer(content, index).answer('What are the 3As?').answered).toBe(true);
  });
});
