// The lunr search index over a workshop's documents: built ahead of time, cached by content hash.
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lunr from 'lunr';
import { buildSearchDocs, type SearchDoc } from './docs.js';
import type { Content } from './schema.js';
import { normalizeText } from './text.js';

/** Bump when the way documents are built or indexed changes, so old caches are not reused. */
export const INDEX_VERSION = 5;

export function indexFileName(content: Content): string {
  return `index-${content.hash.slice(0, 32)}.json`;
}

/** Builds the index. Fields hold normalised text, the same normalisation questions get. */
export function buildIndex(docs: SearchDoc[]): lunr.Index {
  return lunr(function () {
    this.ref('ref');
    this.field('title', { boost: 3 });
    this.field('text');
    this.field('keywords', { boost: 2 });
    for (const d of docs) {
      // Next steps only answer requests for advice, where they get their own bonus; leaving them out
      // keeps the index (and every query's cost) as it was.
      if (d.kind === 'nextstep') continue;
      this.add({ ref: d.ref, title: normalizeText(d.title), text: normalizeText(d.text), keywords: normalizeText(d.keywords.join(' ')) });
    }
  });
}

interface CacheFile {
  version: number;
  hash: string;
  index: object;
}

/** Writes `<cacheDir>/index-<hash>.json` (and removes stale ones); returns its path. */
export function buildIndexCache(content: Content, cacheDir: string): string {
  const index = buildIndex(buildSearchDocs(content));
  return saveIndex(content, cacheDir, index);
}

function saveIndex(content: Content, cacheDir: string, index: lunr.Index): string {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, indexFileName(content));
  const body: CacheFile = { version: INDEX_VERSION, hash: content.hash, index: index.toJSON() };
  // Write then rename, so a reader never sees half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(body));
  renameSync(tmp, file);
  for (const name of readdirSync(cacheDir)) {
    if (/^index-[0-9a-f]+\.json$/.test(name) && name !== indexFileName(content)) {
      try {
        unlinkSync(join(cacheDir, name));
      } catch {
        // Another process may have removed it already.
      }
    }
  }
  return file;
}

function readCached(content: Content, cacheDir: string): lunr.Index | undefined {
  try {
    const body = JSON.parse(readFileSync(join(cacheDir, indexFileName(content)), 'utf8')) as CacheFile;
    if (body.version !== INDEX_VERSION || body.hash !== content.hash) return undefined;
    return lunr.Index.load(body.index);
  } catch {
    // Missing or damaged cache: build afresh.
    return undefined;
  }
}

/** The cached index when it matches the content; otherwise builds it and tries to save it. */
export function loadIndex(content: Content, cacheDir: string): lunr.Index {
  const cached = readCached(content, cacheDir);
  if (cached) return cached;
  const index = buildIndex(buildSearchDocs(content));
  try {
    saveIndex(content, cacheDir, index);
  } catch {
    // A read-only install still answers; it just builds the index at every start.
  }
  return index;
}
