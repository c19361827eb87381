// The one error type of content import: a code, a message a trainer can act on, and the cause.

export type ImportErrorCode = 'MISSING_FILE' | 'UNKNOWN_FORMAT' | 'CORRUPT' | 'PASSWORD' | 'NO_TEXT' | 'OUT_NOT_EMPTY' | 'TOO_LARGE';

/** A file or folder the import cannot use; the CLI prints the message as one line and exits 1. */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ImportError';
  }
}
