// The fetch the Slack clients use: the platform's own fetch, with a time limit for calls that bring none.
//
// WebClient sets an abort signal from its `timeout` option on each API call, but Bolt's respond() (a slash
// command's response_url) calls the client's fetch without any, so a response URL that never answers would hold
// a reply (and a shutdown) for ever. `fetch` is WebClientOptions' documented hook for transport behaviour.

type Fetch = typeof globalThis.fetch;

/** globalThis.fetch, with `AbortSignal.timeout(timeoutMs)` on calls that have no signal of their own. */
export function fetchWithin(timeoutMs: number): Fetch {
  return (input, init) => globalThis.fetch(input, init?.signal ? init : { ...init, signal: AbortSignal.timeout(timeoutMs) });
}
