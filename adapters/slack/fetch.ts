// The fetch the Slack Web API client calls, over undici's request API for its ordinary calls.
//
// @slack/web-api calls fetch for every API method. Node 20's built-in fetch costs two to three times the CPU of
// undici.request for the same call (web streams, WebIDL checks, abort plumbing), and a button press makes two
// calls. Ordinary calls (a form-encoded string body, a URL string) go through undici.request; anything else
// (file uploads with FormData bodies) goes to the built-in fetch unchanged.
import { request } from 'undici';

type Fetch = typeof globalThis.fetch;

function responseHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.append(name, value);
  }
  return headers;
}

/** Statuses whose responses have no body (a Response with one would throw). */
const NO_BODY = new Set([101, 204, 205, 304]);

export const slackFetch: Fetch = async (input, init) => {
  const body = init?.body;
  const headers = init?.headers;
  const plain = typeof input === 'string' && (body === undefined || body === null || typeof body === 'string') && (headers === undefined || (typeof headers === 'object' && !(headers instanceof Headers) && !Array.isArray(headers)));
  if (!plain) return globalThis.fetch(input, init);
  // No redirects are followed (undici.request never does): like WebClient's own `redirect: 'error'`, a 3xx
  // reaches WebClient as a status it does not accept.
  const res = await request(input, {
    method: (init?.method ?? 'GET') as 'GET',
    headers: headers as Record<string, string> | undefined,
    body: body ?? undefined,
    signal: init?.signal ?? undefined,
  });
  const data = await res.body.arrayBuffer();
  return new Response(NO_BODY.has(res.statusCode) ? null : data, { status: res.statusCode, headers: responseHeaders(res.headers) });
};

/**
 * slackFetch with a time limit for calls that bring no abort signal of their own: WebClient sets one from its
 * `timeout`, but Bolt's respond() (a slash command's response_url) uses the client's fetch without any.
 */
export function slackFetchWithin(timeoutMs: number): Fetch {
  return (input, init) => slackFetch(input, init?.signal ? init : { ...init, signal: AbortSignal.timeout(timeoutMs) });
}
