// Timeouts for every call the Bot Framework SDK makes on our behalf: it sets none, so a service URL that
// accepts connections and never answers would hold a webhook request, a follow-up or a shutdown for ever.
import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;
type Credentials = Awaited<ReturnType<CredentialsFactory['createCredentials']>>;

/** A Bot Framework call that took longer than the timeout. */
export class TeamsTimeoutError extends Error {
  readonly code = 'TEAMS_TIMEOUT';
  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${ms} ms`);
    this.name = 'TeamsTimeoutError';
  }
}

/** Resolves or rejects as `p` does, or rejects with TeamsTimeoutError after `ms` (`p` itself is not cancelled). */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TeamsTimeoutError(what, ms)), ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Gives every call of a connector client the SDK's per-request `timeout` option (RequestOptionsBase.timeout),
 * unless the caller set one: botbuilder calls the client without options. A timed-out request is aborted and not
 * retried by the SDK's retry policy (which retries 429 and 5xx answers). The client's request policy option
 * cannot carry this: botframework-connector's factory replaces it with its own.
 */
export function withRequestTimeout<C extends { sendOperationRequest: (args: { options?: object }, ...rest: never[]) => Promise<unknown> }>(client: C, ms: number): C {
  const send = client.sendOperationRequest.bind(client) as (...a: unknown[]) => Promise<unknown>;
  client.sendOperationRequest = ((args: { options?: object }, ...rest: unknown[]) => send({ ...args, options: { timeout: ms, ...args.options } }, ...rest)) as C['sendOperationRequest'];
  return client;
}

/**
 * The credentials factory, with a time limit on signing a request: signing may fetch a token from Microsoft
 * Entra ID (MSAL sets no timeout on that call). The token fetch itself carries on and fills MSAL's cache.
 */
export function withSigningTimeout(inner: CredentialsFactory, ms: number): CredentialsFactory {
  const wrap = (credentials: Credentials): Credentials => ({
    signRequest: (webResource) => within(credentials.signRequest(webResource), ms, 'Getting a Bot Framework token'),
  });
  return {
    isValidAppId: (appId) => inner.isValidAppId(appId),
    isAuthenticationDisabled: () => inner.isAuthenticationDisabled(),
    createCredentials: async (appId, audience, loginEndpoint, validateAuthority) => wrap(await inner.createCredentials(appId, audience, loginEndpoint, validateAuthority)),
  } as CredentialsFactory;
}
