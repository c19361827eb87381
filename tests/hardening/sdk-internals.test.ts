// No reliance on SDK internals: no deep import of any package's lib/ or dist/ files, and no patching of console.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const DIRS = ['src', 'adapters', 'bench', 'eval', 'tests', 'bin'];

function files(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|js|mjs|cjs)$/.test(name) ? [p] : [];
  });
}

// A bare package specifier (not ./ or ../) reaching into a package's build folders.
const DEEP_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]((?:@[^/'"]+\/)?[^./'"][^/'"]*\/(?:[^'"]*\/)?(?:lib|dist)\/[^'"]*)['"]/g;
// `console.error = ...`, `console['log'] = ...`, Object.assign(console, ...), Object.defineProperty(console, ...).
const CONSOLE_PATCH = /\bconsole\s*(?:\.\s*\w+|\[[^\]]+\])\s*=(?!=)|Object\.(?:assign|defineProperty|defineProperties)\(\s*console\b/g;

const sources = DIRS.flatMap((d) => files(join(root, d))).filter((f) => !f.endsWith('sdk-internals.test.ts'));

describe('SDK internals', () => {
  it('finds the sources', () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it('no source deep-imports an SDK (or any package) lib/ or dist/ file', () => {
    const found = sources.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(DEEP_IMPORT)].map((m) => `${relative(root, f)}: ${m[1]}`));
    expect(found, 'import only what a package exports at its entry point').toEqual([]);
  });

  it('no source assigns to console methods', () => {
    const found = sources.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(CONSOLE_PATCH)].map((m) => `${relative(root, f)}: ${m[0]}`));
    expect(found, 'log through the logger instead of patching console').toEqual([]);
  });

  it('the patterns catch what they are for', () => {
    const deep = (s: string) => [...s.matchAll(DEEP_IMPORT)].length;
    expect(deep("import { validateAndFixActivity } from 'botbuilder/lib/activityValidator.js';")).toBe(1);
    expect(deep("const x = await import('@slack/web-api/dist/WebClient.js');")).toBe(1);
    expect(deep("import { Bot } from 'grammy';")).toBe(0);
    expect(deep("import type { BotCommand } from 'grammy/types';")).toBe(0);
    expect(deep("import { x } from '../lib/thing.js';")).toBe(0);
    const patch = (s: string) => [...s.matchAll(CONSOLE_PATCH)].length;
    expect(patch('console.error = (...args) => undefined;')).toBe(1);
    expect(patch("console['warn'] = noop;")).toBe(1);
    expect(patch('Object.assign(console, { log() {} });')).toBe(1);
    expect(patch('if (console.error === print) {}')).toBe(0);
    expect(patch('console.error(err);')).toBe(0);
  });
});
