// botframework-connector prints to the console for every token it refuses: the whole TokenExpiredError with its
// stack, or "Error finding key for token. Available keys: <the signing keys>". Anyone can send such tokens, so
// each forged request would put an unstructured stack into the server's output. The route logs every refusal
// itself, as one structured line; these two prints are dropped, and everything else passes through.

const KEY_LOOKUP = /^Error finding key for token\. Available keys:/;

/** Whether a console.error call is one of botframework-connector's per-refusal prints. */
export function isTokenRefusalPrint(args: unknown[]): boolean {
  if (args.length !== 1) return false;
  const [first] = args;
  if (typeof first === 'string') return KEY_LOOKUP.test(first);
  return first instanceof Error && first.name === 'TokenExpiredError';
}

let installed = false;

/** Installs the filter on console.error, once per process. */
export function quietTokenRefusalPrints(): void {
  if (installed) return;
  installed = true;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (!isTokenRefusalPrint(args)) print(...args);
  };
}
