// The one error type of content import: a code, a message a trainer can act on, and the cause.
import { OperatorError } from '../../errors.js';

export type ImportErrorCode = 'MISSING_FILE' | 'UNKNOWN_FORMAT' | 'CORRUPT' | 'PASSWORD' | 'NO_TEXT' | 'OUT_NOT_EMPTY' | 'TOO_LARGE';

/** A file or folder the import cannot use; the CLI prints the message as one line and exits 1. */
export class ImportError extends OperatorError<ImportErrorCode> {}
