// Child processes for the benchmarks: start one, wait for its {"url"} line, read its peak RSS, stop it.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseEnv } from '../tests/server.js';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface Child {
  url: string;
  pid: number;
  process: ChildProcess;
  /** Peak resident set size so far (VmHWM), in MB. */
  peakRssMb(): number;
  /** Current resident set size (VmRSS), in MB. */
  rssMb(): number;
  /** CPU time (user + system) the process has used so far, in ms. */
  cpuMs(): number;
  /** SIGTERM, then waits for the exit code. */
  stop(): Promise<number | null>;
}

function statusField(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** utime + stime from /proc/<pid>/stat, in ms (clock ticks are 10 ms on Linux). */
function cpuTime(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Runs `node <args>` with `env`; stderr goes to `logFile` (so a chatty child never blocks on a full pipe). */
export async function startChild(args: string[], env: Record<string, string>, logFile: string, timeoutMs = 30_000): Promise<Child> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', openSync(logFile, 'a')],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start in ${timeoutMs} ms (see ${logFile})`)), timeoutMs);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code} before listening (see ${logFile})`)));
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as { url?: string };
        if (parsed.url) {
          clearTimeout(timer);
          resolve(parsed.url);
        }
      } catch {
        // Not our line.
      }
    });
  });
  const pid = child.pid!;
  return {
    url,
    pid,
    process: child,
    peakRssMb: () => statusField(pid, 'VmHWM'),
    rssMb: () => statusField(pid, 'VmRSS'),
    cpuMs: () => cpuTime(pid),
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

/** The node flags `npm start` runs the bot with (package.json), so a benchmark's server runs as it does there. */
export function startScriptNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.split(/\s+/);
  return words.slice(words.indexOf('node') + 1).filter((w) => w.startsWith('--'));
}

/**
 * What every benchmark server is started with: the tests' isolated base (loopback, any port, a SQLite file in
 * `dir`, UTC), with info logs and the scheduler on as `serve` runs, and no per-person question limit (the loads
 * are a few hundred people asking far faster than any person would; the limit is tested elsewhere).
 */
export function serverBaseEnv(dir: string): Record<string, string> {
  return { ...baseEnv(dir), LOG_LEVEL: 'info', SCHEDULER_DISABLED: 'false', RATE_LIMIT_PER_MINUTE: '100000000' };
}
