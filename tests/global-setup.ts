// Vitest global setup: rebuilds dist/ (and the default pack's search index) when any source is newer, so
// tests that spawn the compiled CLI never run stale code, and an unchanged tree starts at once.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_CACHE_DIR, FIXTURE_PACK, ROOT, SHARED_CACHE_DIR } from './cli.js';

/** What the build compiles or reads (tsconfig.build.json's include, the content and the build settings). */
const SOURCES = ['src', 'adapters', 'bench', 'eval', 'fakes', 'content', 'lexicon', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
const BUILT = join(ROOT, 'dist/src/app/cli.js');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of readdirSync(path, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, e.name)));
  }
  return newest;
}

/** The newest index file in a cache folder, 0 when there is none. */
function indexBuiltAt(cacheDir: string): number {
  if (!existsSync(cacheDir)) return 0;
  const times = readdirSync(cacheDir)
    .filter((n) => /^index-[0-9a-f]+\.json$/.test(n))
    .map((n) => statSync(join(cacheDir, n)).mtimeMs);
  return Math.max(0, ...times);
}

/** Builds the fixture pack's index when the pack (or the build) is newer than it. */
function buildFixtureIndex(): void {
  if (indexBuiltAt(FIXTURE_CACHE_DIR) >= Math.max(newestMtime(FIXTURE_PACK), builtAt())) return;
  execFileSync(process.execPath, [BUILT, 'content', 'build-index', '--quiet'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, CACHE_DIR: FIXTURE_CACHE_DIR, CONTENT_DIR: FIXTURE_PACK },
  });
}

function builtAt(): number {
  return existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
}

export default function setup(): void {
  const sources = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  const hasIndex = existsSync(SHARED_CACHE_DIR) && readdirSync(SHARED_CACHE_DIR).some((n) => /^index-[0-9a-f]+\.json$/.test(n));
  if (builtAt() >= sources && hasIndex) return buildFixtureIndex();
  const started = Date.now();
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  } catch {
    // tsc still writes the JavaScript when types are wrong; the type errors above fail `npm run typecheck`.
    console.warn('global setup: tsc reported errors (above); testing what it emitted');
  }
  // tsc leaves unchanged outputs alone, so mark the build as done now.
  const now = new Date();
  utimesSync(BUILT, now, now);
  execFileSync(process.execPath, [BUILT, 'content', 'build-index', '--quiet'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, CACHE_DIR: SHARED_CACHE_DIR, CONTENT_DIR: '' },
  });
  buildFixtureIndex();
  console.log(`global setup: rebuilt dist/ and the search index in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
