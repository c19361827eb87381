// Runs the real `workshop-bot` CLI (compiled to dist/ by the global setup or `npm run build`) as a child process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
/** The compiled CLI: starts in about half the time of the TypeScript sources through tsx. */
export const CLI = join(ROOT, 'dist/src/app/cli.js');
/** The default pack's search index, built once by the global setup; every process with that pack reads it. */
export const SHARED_CACHE_DIR = join(ROOT, 'data/cache');
/** The small pack made for the core, quiz and adapter tests (the shipped deck is tested in tests/content, tests/qa). */
export const FIXTURE_PACK = join(ROOT, 'tests/fixtures/pack');
/** The fixture pack's search index, built once by the global setup, in a folder of its own. */
export const FIXTURE_CACHE_DIR = join(ROOT, 'data/cache-fixture');

/**
 * CACHE_DIR for a test process: the shared cache when it runs the default pack, the fixture's when it runs the
 * fixture pack. Any other pack keeps its index in its own DATA_DIR, since building an index prunes the other
 * packs' indexes from its folder.
 */
export function cacheEnv(env: Record<string, string | undefined> = {}): Record<string, string> {
  if (env.CACHE_DIR) return {};
  if (env.CONTENT_DIR === FIXTURE_PACK) return { CACHE_DIR: FIXTURE_CACHE_DIR };
  return env.CONTENT_DIR ? {} : { CACHE_DIR: SHARED_CACHE_DIR };
}

/** The environment that points a bot at the fixture pack (and its prebuilt index). */
export const fixtureEnv = (): Record<string, string> => ({ CONTENT_DIR: FIXTURE_PACK, CACHE_DIR: FIXTURE_CACHE_DIR });

/** `env` on the fixture pack, unless it names a pack of its own (whose index must not go in the fixture's folder). */
export function withFixture(env: Record<string, string> = {}): Record<string, string> {
  return env.CONTENT_DIR ? env : { ...fixtureEnv(), ...env };
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { input?: string; env?: Record<string, string>; cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', ...cacheEnv(opts.env), ...opts.env },
    maxBuffer: 64 << 20,
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function startCli(args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...cacheEnv(opts.env), ...opts.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}
