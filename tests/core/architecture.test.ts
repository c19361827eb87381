// Keeps dependencies pointing one way: nothing in the core imports an adapter, the app or a platform SDK.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const SDKS = ['grammy', '@grammyjs', '@slack', 'botbuilder', 'botframework', 'express'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
}

const coreDirs = ['core', 'content', 'qa', 'quiz', 'followups', 'store', 'authoring'].map((d) => join(root, 'src', d));

describe('architecture', () => {
  const coreFiles = coreDirs.flatMap((d) => files(d));

  it('finds the core sources', () => {
    expect(coreFiles.length).toBeGreaterThan(10);
  });

  it.each(coreFiles.map((f) => [relative(root, f)]))('%s imports no adapter, app module or platform SDK', (file) => {
    for (const spec of imports(join(root, file))) {
      expect(spec, `${file} imports ${spec}`).not.toMatch(/adapters\/|\/app\//);
      expect(SDKS.some((sdk) => spec === sdk || spec.startsWith(`${sdk}/`)), `${file} imports ${spec}`).toBe(false);
    }
  });
});
