// Scale-out harness: a fresh PostgreSQL database per test file, `serve` child processes, and a per-process API proxy.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createStore, type Store } from '../../src/store/index.js';
import { cacheEnv, CLI } from '../cli.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SKIP_MESSAGE = 'PostgreSQL scale-out tests skipped: set TEST_DATABASE_URL';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

/* eslint-disable @typescript-eslint/no-explicit-any -- pino log lines are free-form JSON */
export type LogLine = Record<string, any>;

/** Polls `check` until it returns something truthy; fails naming `what` after `timeoutMs`. */
export async function waitUntil<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    await sleep(everyMs);
  }
}

// ---- Databases ----

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** CREATE DATABASE wb_scale_<random> on the server `baseUrl` names; drop() removes it, closing any leftover sessions. */
export async function freshDatabase(baseUrl: string): Promise<TestDatabase> {
  const name = `wb_scale_${randomBytes(5).toString('hex')}`;
  await admin(baseUrl, (c) => c.query(`create database ${name}`));
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    name,
    url: u.toString(),
    drop: () => admin(baseUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** A migrated Store on `url`, as a process of the bot would open it. */
export async function openStore(url: string): Promise<Store> {
  const store = await createStore({ url, poolMax: 8, statementTimeoutMs: 10_000 });
  await store.migrate();
  return store;
}

/** Members `telegram:<id>` with a Telegram address, in one cohort; ids are firstId, firstId+1, ... */
export async function seedCohort(store: Store, opts: { cohortId: string; code: string; trainerKey: string; count: number; firstId: number }): Promise<number[]> {
  const now = new Date();
  await store.createCohort({ id: opts.cohortId, code: opts.code, name: `Scale ${opts.code}`, createdBy: opts.trainerKey, createdAt: now });
  const ids = Array.from({ length: opts.count }, (_, i) => opts.firstId + i);
  // Eight at a time: the store's pool size, so seeding 1,000 people takes a second or two.
  for (let i = 0; i < ids.length; i += 8) {
    await Promise.all(
      ids.slice(i, i + 8).map(async (id) => {
        const key = `telegram:${id}`;
        await store.upsertUser({ key, platform: 'telegram', name: `Member ${id}`, address: { chatId: id } }, now);
        await store.addMember(opts.cohortId, key, now);
      }),
    );
  }
  return ids;
}

// ---- `serve` child processes ----

export interface ServeProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  /** The scheduler's worker id in this process (host:pid), as written to deliveries.leased_by. */
  readonly workerId: string;
  url: string;
  port: number;
  /** Every JSON log line the process wrote to stderr so far. */
  readonly logs: LogLine[];
  /** Lines on stdout/stderr that were not JSON log lines: the "listening on" line, or a crash's stack. */
  readonly otherOutput: string[];
  readonly exited: Promise<number | null>;
  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** SIGTERM, then waits for the exit (SIGKILL if it takes over 15 s). */
  stop(): Promise<number | null>;
}

const running = new Set<ServeProcess>();

/** Kills every serve process still running (for afterAll, even after a failure). */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...running].map(async (p) => {
      p.child.kill('SIGKILL');
      await p.exited;
    }),
  );
}

/** Environment shared by every serve process; nothing else leaks in from the test runner's environment. */
function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'SYSTEMROOT'];
  return Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]!]));
}

/**
 * Starts the compiled `workshop-bot serve` with `env` (PORT 0: the system picks a free port) and
 * waits until it says where it listens. Logs at info by default, kept in `logs` for assertions and failures.
 */
export async function startServe(name: string, env: Record<string, string>, timeoutMs = 30_000): Promise<ServeProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), `wb-scale-${name}-`));
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: ROOT,
    env: { ...baseEnv(), PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, TZ: 'UTC', LOG_LEVEL: 'info', ...cacheEnv(env), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const otherOutput: string[] = [];
  const watchers = new Set<() => void>();
  const onLine = (line: string) => {
    if (!line.trim()) return;
    try {
      logs.push(JSON.parse(line) as LogLine);
    } catch {
      otherOutput.push(line);
    }
    for (const w of [...watchers]) w();
  };
  for (const stream of [child.stdout!, child.stderr!]) {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      lines.forEach(onLine);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
    running.delete(proc);
    rmSync(dataDir, { recursive: true, force: true });
    for (const w of [...watchers]) w();
  });

  const waitForLog = (predicate: (line: LogLine) => boolean, ms = 30_000) =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const hit = logs.find(predicate);
        if (hit || exitCode !== undefined) {
          watchers.delete(check);
          clearTimeout(timer);
          if (hit) resolve(hit);
          else reject(new Error(`${name} exited (${exitCode}) before the expected log line.\n${processTail(proc)}`));
        }
      };
      const timer = setTimeout(() => {
        watchers.delete(check);
        reject(new Error(`${name}: expected log line did not appear within ${ms} ms.\n${processTail(proc)}`));
      }, ms);
      watchers.add(check);
      check();
    });

  const waitForOutput = (pattern: RegExp, ms: number) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const hit = otherOutput.map((line) => pattern.exec(line)).find(Boolean);
        if (hit || exitCode !== undefined) {
          watchers.delete(check);
          clearTimeout(timer);
          if (hit) resolve(hit);
          else reject(new Error(`${name} exited (${exitCode}) before it was listening.\n${processTail(proc)}`));
        }
      };
      const timer = setTimeout(() => {
        watchers.delete(check);
        reject(new Error(`${name} was not listening within ${ms} ms.\n${processTail(proc)}`));
      }, ms);
      watchers.add(check);
      check();
    });

  const proc: ServeProcess = {
    name,
    child,
    pid: child.pid!,
    workerId: `${hostname()}:${child.pid}`,
    url: '',
    port: 0,
    logs,
    otherOutput,
    exited,
    waitForLog,
    async stop() {
      if (exitCode !== undefined) return exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  running.add(proc);
  // The serve command prints where it listens once its adapters and scheduler have started.
  const listening = await waitForOutput(/^workshop-bot listening on (http:\/\/\S+)/, timeoutMs);
  proc.url = listening[1]!;
  proc.port = Number(new URL(proc.url).port);
  return proc;
}

/** The last log lines and any non-JSON output of a process, for failure messages. */
export function processTail(p: ServeProcess, lines = 15): string {
  const tail = p.logs.slice(-lines).map((l) => JSON.stringify(l));
  return [`--- ${p.name} (pid ${p.pid}) last log lines:`, ...tail, ...(p.otherOutput.length ? ['--- other output:', ...p.otherOutput.slice(-lines)] : [])].join('\n');
}

/** GET /readyz: the status code, or 0 when the process does not answer at all. */
export async function readyz(p: ServeProcess): Promise<number> {
  try {
    const res = await fetch(`${p.url}/readyz`, { signal: AbortSignal.timeout(8_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

// ---- A proxy in front of the fake Bot API: one per process, so we know which process made each call ----

export interface ProxiedCall {
  method: string;
  chatId?: string;
  /** The fake's answer; 0 while the call is still open (or was never answered). */
  status: number;
}

/**
 * Forwards every request to `target` (after `latencyMs`, like a real platform's round trip, or after
 * `delays[method]` for the Bot API methods named there) and records the Bot API method, the chat and the
 * answer's status. A client that hangs up (an aborted long poll) aborts the forwarded request too.
 */
export class ApiProxy {
  readonly calls: ProxiedCall[] = [];
  url = '';
  private server!: Server;

  private constructor(
    private readonly target: string,
    private readonly latencyMs: number,
    private readonly delays: Record<string, number>,
  ) {}

  static async start(target: string, latencyMs = 0, delays: Record<string, number> = {}): Promise<ApiProxy> {
    const proxy = new ApiProxy(target, latencyMs, delays);
    proxy.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => void proxy.forward(req.method ?? 'GET', req.url ?? '/', req.headers, Buffer.concat(chunks), res));
    });
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    proxy.url = `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}`;
    return proxy;
  }

  callsTo(method: string): ProxiedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  private async forward(method: string, path: string, headers: IncomingHttpHeaders, body: Buffer, res: ServerResponse): Promise<void> {
    const apiMethod = /\/([A-Za-z]+)$/.exec(path)?.[1] ?? '';
    const wait = this.delays[apiMethod] ?? this.latencyMs;
    if (wait) await sleep(wait);
    let chatId: string | undefined;
    try {
      const parsed = JSON.parse(body.toString('utf8')) as { chat_id?: unknown };
      if (parsed.chat_id !== undefined) chatId = String(parsed.chat_id);
    } catch {
      // Multipart or empty: no chat id to record.
    }
    // Recorded on arrival (a long poll may be held open for a long time); the status once answered.
    const call: ProxiedCall = { method: apiMethod, chatId, status: 0 };
    this.calls.push(call);
    const up = request(`${this.target}${path}`, { method, headers: { ...headers, host: new URL(this.target).host } }, (upRes) => {
      call.status = upRes.statusCode ?? 0;
      res.writeHead(upRes.statusCode ?? 502, upRes.headers);
      upRes.pipe(res);
    });
    up.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    res.on('close', () => {
      if (!res.writableFinished) up.destroy();
    });
    up.end(body);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
