// Start-up failures an operator can fix, as one line that names the setting (never a stack trace).
import { dirname } from 'node:path';
import { OperatorError } from '../errors.js';
import type { Config } from './config.js';
import { sqlitePath } from '../store/sqlite.js';

export class StartupError extends OperatorError<'STARTUP'> {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STARTUP', message, options);
  }
}

/** The error and the causes it wraps (a migration failure wraps the driver's error). */
type Failure = { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };

function chain(err: unknown): Failure[] {
  const out: Failure[] = [];
  for (let e = err as Failure | undefined; e && typeof e === 'object' && out.length < 5; e = e.cause as Failure | undefined) out.push(e);
  // node-postgres may reject with an AggregateError (one error per address tried).
  for (const e of [...out]) if (Array.isArray(e.errors)) out.push(...(e.errors as Failure[]));
  return out;
}

const codeIn = (err: unknown): string => chain(err).map((e) => (typeof e.code === 'string' ? e.code : '')).find(Boolean) ?? '';
const messageOf = (err: unknown): string => String((err as { message?: unknown })?.message ?? err).split('\n')[0]!.slice(0, 200);

const FILE_WHY: Record<string, string> = {
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'part of that path is a file, not a folder',
  ENOSPC: 'the disk is full',
  EISDIR: 'that path is a folder',
  SQLITE_CANTOPEN: 'the file cannot be opened or created there (a read-only or missing folder?)',
  SQLITE_FULL: 'the disk is full',
  SQLITE_NOTADB: 'that file is not a SQLite database',
  SQLITE_CORRUPT: 'the database file is damaged',
};

const PG_WHY: Record<string, string> = {
  ECONNREFUSED: 'nothing answers there (connection refused)',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'no answer (timed out)',
  EHOSTUNREACH: 'the host cannot be reached',
  '28P01': 'the login was refused (check the user and password)',
  '28000': 'the login was refused',
  '3D000': 'that database does not exist',
  '42501': 'the user may not create tables there',
  '25006': 'the server is read-only (a standby?)',
  '57P03': 'the server is starting up or shutting down',
};

/** Where PostgreSQL was looked for, without the password. */
function pgTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the configured server';
  }
}

/** The store could not be opened or migrated: which setting to look at, and why, in one line. */
export function storeStartupError(err: unknown, config: Config): StartupError | undefined {
  const url = config.DATABASE_URL;
  const code = codeIn(err);
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const timedOut = /timeout|timed out/i.test(chain(err).map(messageOf).join(' '));
    const why = PG_WHY[code] ?? (timedOut ? 'no answer (timed out)' : messageOf(err));
    return new StartupError(`DATABASE_URL: cannot use the PostgreSQL database at ${pgTarget(url)}: ${why}`, { cause: err });
  }
  const setting = url ? 'DATABASE_URL' : 'DATA_DIR';
  const file = sqlitePath(url, config.DATA_DIR ?? 'data');
  const why = FILE_WHY[code] ?? (code.startsWith('SQLITE_READONLY') ? 'the file or its folder is read-only' : code.startsWith('SQLITE_IOERR') ? 'the disk could not be written' : undefined);
  if (!why) return undefined;
  const where = code === 'ENOTDIR' ? dirname(file) : file;
  return new StartupError(`${setting}: cannot keep the database at ${where}: ${why}`, { cause: err });
}

/** The HTTP server could not listen: PORT or HOST, and why. */
export function listenStartupError(err: unknown, host: string, port: number): StartupError {
  const code = codeIn(err);
  if (code === 'EADDRINUSE') return new StartupError(`PORT: ${port} is already in use on ${host}`, { cause: err });
  if (code === 'EACCES') return new StartupError(`PORT: ${port} on ${host} needs more privileges (ports below 1024 usually do)`, { cause: err });
  return new StartupError(`HOST: cannot listen on ${host}:${port}: ${code || messageOf(err)}`, { cause: err });
}
