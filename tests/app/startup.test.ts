// Start-up failures an operator can fix end `workshop-bot` with one line naming the setting and exit 1, never a
// stack trace; `serve` with no platform says so; it prints the address it really listens on.
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { storeStartupError } from '../../src/app/startup.js';
import { runCli, startCli } from '../cli.js';
import { TEST_TOKEN } from '../../fakes/telegram-api.js';

const STACK = /\n\s+at\s|node:internal|\.ts:\d+/;

/** A quiet, isolated environment in a fresh folder (nothing from the test runner's platform settings). */
function env(extra: Record<string, string> = {}): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'wb-startup-'));
  return { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent', TZ: 'UTC', ...extra };
}

/** Exit 1 and exactly one line on stderr that starts with `setting`, and no stack. */
function expectOneLine(r: { status: number | null; stderr: string; stdout: string }, setting: RegExp): string {
  expect(r.status, `stderr: ${r.stderr}`).toBe(1);
  const lines = r.stderr.trim().split('\n');
  const [line] = lines;
  expect(lines, r.stderr).toHaveLength(1);
  expect(line).toMatch(setting);
  expect(r.stderr + r.stdout).not.toMatch(STACK);
  return line!;
}

describe('start-up failures', () => {
  it('an unreachable PostgreSQL names DATABASE_URL (without the password)', () => {
    const r = runCli(['serve', '--health-only'], { env: env({ DATABASE_URL: 'postgres://bot:s3cret@127.0.0.1:1/workshop' }) });
    const line = expectOneLine(r, /^DATABASE_URL: /);
    expect(line).toBe('DATABASE_URL: cannot use the PostgreSQL database at 127.0.0.1:1/workshop: nothing answers there (connection refused)');
  });

  it('DATA_DIR inside a file names DATA_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-startup-'));
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const r = runCli(['serve', '--health-only'], { env: env({ DATA_DIR: join(dir, 'a-file', 'data') }) });
    expect(expectOneLine(r, /^DATA_DIR: /)).toContain('part of that path is a file, not a folder');
  });

  it('a read-only file system names DATA_DIR (or DATABASE_URL when it names the file)', () => {
    const erofs = Object.assign(new Error("EROFS: read-only file system, mkdir '/ro/data'"), { code: 'EROFS', syscall: 'mkdir' });
    const readonly = Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' });
    const cantOpen = Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' });
    expect(storeStartupError(erofs, loadConfig({ DATA_DIR: '/ro/data' }))?.message).toBe('DATA_DIR: cannot keep the database at /ro/data/workshop-bot.db: the file system is read-only');
    expect(storeStartupError(readonly, loadConfig({ DATABASE_URL: 'sqlite:/ro/bot.db' }))?.message).toBe('DATABASE_URL: cannot keep the database at /ro/bot.db: the file or its folder is read-only');
    expect(storeStartupError(cantOpen, loadConfig({ DATA_DIR: '/ro/data' }))?.message).toMatch(/^DATA_DIR: cannot keep the database at \/ro\/data\/workshop-bot\.db: the file cannot be opened/);
    // A bug is not dressed up as a setting problem.
    expect(storeStartupError(new TypeError('x is undefined'), loadConfig({}))).toBeUndefined();
  });

  it('a bad --app-id names --app-id', () => {
    const r = runCli(['manifest', 'teams', '--app-id', 'not-a-guid', '--out', join(mkdtempSync(join(tmpdir(), 'wb-')), 'x.zip')], { env: env() });
    expect(expectOneLine(r, /^--app-id: /)).toContain('GUID');
  });

  it('a port already in use names PORT', async () => {
    const blocker = createServer();
    blocker.listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const port = (blocker.address() as AddressInfo).port;
    try {
      const r = runCli(['serve', '--health-only'], { env: env({ PORT: String(port) }) });
      expect(expectOneLine(r, /^PORT: /)).toBe(`PORT: ${port} is already in use on 127.0.0.1`);
    } finally {
      blocker.close();
    }
  });

  it('an unreachable Telegram Bot API names the setting', () => {
    const r = runCli(['serve'], { env: env({ TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:1', PLATFORM_TIMEOUT_MS: '500' }) });
    expect(expectOneLine(r, /^TELEGRAM_API_ROOT: /)).toContain('could not reach the Telegram Bot API');
  });
});

describe('serve with no platform', () => {
  it('says so and exits 1', () => {
    const r = runCli(['serve'], { env: env() });
    expect(expectOneLine(r, /^No platform is configured/)).toContain('serve --health-only');
  });

  it('with --health-only serves the health checks, and prints the address it really listens on', async () => {
    const child = startCli(['serve', '--health-only'], { env: env({ HOST: '0.0.0.0' }) });
    try {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout!.on('data', () => {
          const m = /^workshop-bot listening on .*$/m.exec(out);
          if (m) resolve(m[0]);
        });
        child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      const m = /^workshop-bot listening on http:\/\/0\.0\.0\.0:(\d+) · platforms: none \(health checks only\)$/.exec(line);
      expect(m, line).not.toBeNull();
      const res = await fetch(`http://127.0.0.1:${m![1]}/healthz`);
      expect(res.status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${m![1]}/readyz`)).status).toBe(200);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
