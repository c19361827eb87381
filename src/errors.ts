// The one error base class: a stable `code` and a `cause`, for what a person or an operator is told.

/**
 * Like Bolt's CodedError and the Chat SDK's ChatError: the class names the concern, `code` says what kind of
 * failure it is (each concern has its own small set), `cause` keeps the error it was translated from.
 */
export class CodedError<C extends string = string> extends Error {
  readonly code: C;
  constructor(code: C, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/**
 * A failure whoever runs the bot can fix (a setting, a content folder, a platform or database that refuses or
 * does not answer). Its message says what to do and names the setting; the CLI prints it as one line, no stack.
 */
export class OperatorError<C extends string = string> extends CodedError<C> {}

/** A setting is missing or has the wrong form; the message starts with the setting's name. */
export class SettingError extends OperatorError<'CONFIG'> {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONFIG', message, options);
  }
}

/** A platform adapter could not start: the platform refused the credentials or did not answer. */
export class PlatformStartError extends OperatorError<'PLATFORM_START'> {
  constructor(message: string, options?: { cause?: unknown }) {
    super('PLATFORM_START', message, options);
  }
}

/** A call did not answer within its time limit. */
export class CallTimeoutError extends CodedError<'TIMEOUT'> {
  constructor(what: string, ms: number) {
    super('TIMEOUT', `${what} did not answer within ${ms} ms`);
  }
}

export const isOperatorError = (err: unknown): err is OperatorError => err instanceof OperatorError;
