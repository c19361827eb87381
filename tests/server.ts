// Starts the real server in-process for end-to-end tests: a fresh SQLite file, quiet logs, port 0.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/app/config.js';
import { cacheEnv } from './cli.js';
import { startServer, type RunningServer, type ServerOptions } from '../src/app/server.js';

export interface TestServer extends RunningServer {
  /** The folder holding this server's database and files. */
  dir: string;
}

/** A quiet, isolated server environment in `dir`: port 0 on loopback, its own SQLite file, no scheduler. */
export function baseEnv(dir: string): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'bot.db')}`,
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    SCHEDULER_DISABLED: 'true',
    TZ: 'UTC',
  };
}

/** `env` adds to (or overrides) a quiet, isolated base: no scheduler unless asked for. */
export async function startTestServer(env: Record<string, string>, options: ServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'wb-server-'));
  const config = loadConfig({ ...baseEnv(dir), ...cacheEnv(env), ...env });
  const server = await startServer(config, { logger: pino({ level: 'silent' }), ...options });
  return Object.assign(server, { dir });
}
