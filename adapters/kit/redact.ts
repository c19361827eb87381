// What may be logged about an error from a platform SDK: never its request (headers carry tokens, bodies
// carry people's messages), only its name, message, status and code.

export interface ErrorSummary {
  name?: string;
  message: string;
  status?: number;
  code?: string;
  /** Only for errors that are not an SDK's HTTP error (a bug in our code wants its stack). */
  stack?: string;
}

const MAX_MESSAGE = 300;

export function errorSummary(err: unknown): ErrorSummary {
  if (!(err instanceof Error) && (typeof err !== 'object' || err === null)) return { message: String(err).slice(0, MAX_MESSAGE) };
  const e = err as { name?: unknown; message?: unknown; statusCode?: unknown; status?: unknown; code?: unknown; stack?: unknown };
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.status === 'number' ? e.status : undefined;
  const out: ErrorSummary = { message: String(e.message ?? err).slice(0, MAX_MESSAGE) };
  if (typeof e.name === 'string') out.name = e.name;
  if (status !== undefined) out.status = status;
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = String(e.code);
  if (status === undefined && typeof e.stack === 'string') out.stack = e.stack;
  return out;
}
