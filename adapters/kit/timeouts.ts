// One time limit for any promise, for calls whose SDK sets none of its own.
import { CallTimeoutError } from '../../src/errors.js';

/** Resolves or rejects as `p` does, or rejects with CallTimeoutError after `ms` (`p` itself is not cancelled). */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CallTimeoutError(what, ms)), ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
