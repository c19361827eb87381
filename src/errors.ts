// The one error base class: a stable `code` and a `cause`, for what a person or an operator is told.

/**
 * The codes, by who acts on them. `config`: an operator fixes a setting (the message names it; the CLI prints
 * it as one line). `platform`: a chat platform refused or did not answer. `timeout`: a call gave up.
 * `delivery`: a message could not be delivered (the adapters' messengers translate platform errors into it).
 */
export type ErrorCode = 'config' | 'platform' | 'timeout' | 'delivery';

/** Codes whose message is written for an operator: one clean line, no stack. */
const OPERATOR_CODES: ReadonlySet<ErrorCode> = new Set(['config', 'platform']);

/** Like Bolt's CodedError and the Chat SDK's ChatError: subclasses name the concern, `code` says what kind. */
export class CodedError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** A setting is missing or has the wrong form; the message starts with the setting's name. */
export class SettingError extends CodedError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('config', message, options);
  }
}

/** A call did not answer within its time limit. */
export class CallTimeoutError extends CodedError {
  constructor(what: string, ms: number) {
    super('timeout', `${what} did not answer within ${ms} ms`);
  }
}

/**
 * True for an error whose message an operator should see as it is (and nothing else): a CodedError with an
 * operator code. Checked by `code`, not `instanceof`, so a copy of this module loaded twice still counts.
 */
export function isOperatorError(err: unknown): err is CodedError {
  const code = (err as { code?: unknown } | null)?.code;
  return err instanceof Error && typeof code === 'string' && OPERATOR_CODES.has(code as ErrorCode) && typeof (err as { message?: unknown }).message === 'string';
}
