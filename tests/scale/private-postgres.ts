// A private, throw-away PostgreSQL cluster for tests that stop and restart the database (never the shared one).
import { execFile, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres (trust auth). */
  url: string;
  port: number;
  /** Starts the server and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops it; 'immediate' is a crash as far as clients and recovery are concerned. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Stops it if it runs and deletes its files. Safe to call more than once. */
  destroy(): Promise<void>;
}

/** The newest installed server binaries, e.g. /usr/lib/postgresql/15/bin. */
function findBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(root, versions[0], 'bin');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** uid and gid of the `postgres` OS user, from /etc/passwd. */
function postgresUser(): { uid: number; gid: number } | undefined {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

interface Tools {
  bin: string;
  /** runuser, when we are root and must run the binaries as the `postgres` OS user. */
  runuser?: string;
  user?: { uid: number; gid: number };
}

function findTools(): Tools | string {
  const bin = findBinDir();
  if (!bin) return 'PostgreSQL restart tests skipped: no initdb/pg_ctl under /usr/lib/postgresql/*/bin';
  if (process.getuid?.() !== 0) return { bin };
  const user = postgresUser();
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find(existsSync);
  if (!user || !runuser) return 'PostgreSQL restart tests skipped: running as root (initdb refuses root) without a `postgres` OS user and runuser';
  return { bin, runuser, user };
}

/** Why this machine cannot run a private cluster, or undefined when it can. */
export function privatePostgresUnavailable(): string | undefined {
  const tools = findTools();
  return typeof tools === 'string' ? tools : undefined;
}

/**
 * Creates and starts a cluster in a temp dir on a free port (fsync off: it is thrown away). initdb
 * refuses to run as root, so as root the binaries run as the `postgres` OS user through runuser.
 * If the test process exits without destroy(), an exit hook still stops the server.
 */
export async function createPrivatePostgres(): Promise<PrivatePostgres> {
  const tools = findTools();
  if (typeof tools === 'string') throw new Error(tools);
  const { bin, runuser, user } = tools;
  const dir = mkdtempSync(join(tmpdir(), 'wb-private-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const port = await freePort();
  const command = (tool: string, args: string[]): [string, string[]] =>
    runuser ? [runuser, ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
  const exec = (tool: string, args: string[]) => run(...command(tool, args), { cwd: dir });
  const stopArgs = (mode: string) => ['-D', data, '-w', '-t', '60', '-m', mode, 'stop'];

  let running = false;
  let destroyed = false;
  // Last resort (a crashed test run): exit hooks cannot wait for promises, so stop synchronously.
  const onExit = () => {
    if (running) spawnSync(...command('pg_ctl', stopArgs('immediate')), { cwd: dir, stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  const pg: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async start() {
      // The socket goes in our own dir so nothing collides with the shared cluster's socket directory.
      const options = `-c fsync=off -c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`;
      running = true;
      await exec('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', options, 'start']);
    },
    async stop(mode = 'fast') {
      if (!running) return;
      await exec('pg_ctl', stopArgs(mode));
      running = false;
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      await pg.stop('immediate').catch(() => undefined);
      process.off('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await exec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    await pg.start();
  } catch (err) {
    await pg.destroy();
    const e = err as { stderr?: string; message?: string };
    throw new Error(`Could not start a private PostgreSQL cluster: ${(e.stderr || e.message || String(err)).trim().slice(0, 500)}`, { cause: err });
  }
  return pg;
}
