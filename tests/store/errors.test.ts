// Which database errors mean "the store cannot be used now" (worth a platform retry) and which are bugs.
import { describe, expect, it } from 'vitest';
import { isStoreFailure, isStoreUnavailable, StoreUnavailableError } from '../../src/store/index.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isStoreFailure', () => {
  it('counts a full disk, I/O errors, read-only or locked files and lost connections', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_BUSY', 'SQLITE_CANTOPEN', 'SQLITE_CORRUPT']) {
      expect(isStoreFailure(withCode(code)), code).toBe(true);
    }
    for (const code of ['08006', '08001', '53100', '57P01', '57P03', '57014', '25006', '40001', 'ECONNREFUSED', 'ECONNRESET']) {
      expect(isStoreFailure(withCode(code)), code).toBe(true);
    }
    expect(isStoreFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isStoreFailure(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isStoreFailure(new StoreUnavailableError(withCode('SQLITE_FULL')))).toBe(true);
  });

  it('does not count bugs and bad input', () => {
    for (const code of ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', 'SQLITE_MISMATCH', '23505', '42P01', '22P02']) {
      expect(isStoreFailure(withCode(code)), code).toBe(false);
    }
    expect(isStoreFailure(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isStoreFailure(undefined)).toBe(false);
    expect(isStoreFailure('SQLITE_FULL')).toBe(false);
  });

  it('recognises the wrapped error by shape', () => {
    expect(isStoreUnavailable(new StoreUnavailableError(withCode('SQLITE_FULL')))).toBe(true);
    expect(isStoreUnavailable({ name: 'StoreUnavailableError' })).toBe(true);
    expect(isStoreUnavailable(withCode('SQLITE_FULL'))).toBe(false);
  });
});
