// A time limit on getting a Bot Framework token: signing may fetch one from Microsoft Entra ID, and MSAL sets no
// timeout on that call, so a token service that never answers would hold a reply or a follow-up for ever.
import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { within } from '../kit/timeouts.js';

type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;
type Credentials = Awaited<ReturnType<CredentialsFactory['createCredentials']>>;

/**
 * The credentials factory (botbuilder's public ServiceClientCredentialsFactory), with a time limit on signing a
 * request. The token fetch itself carries on and fills MSAL's cache.
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
