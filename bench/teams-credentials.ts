// Outbound Teams credentials for the benchmarks' processes: client-credentials tokens from the local fake token
// endpoint (botbuilder's MSAL path needs Microsoft's cloud).

/** Client-credentials tokens from `tokenUrl`, cached like MSAL caches them (one fetch, not one a call). */
export function fakeTokenCredentials(tokenUrl: string, appId: string, password: string) {
  let token: Promise<string> | undefined;
  const fetchToken = async (): Promise<string> => {
    const res = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: appId, client_secret: password, scope: 'https://api.botframework.com/.default' }),
    });
    if (!res.ok) throw new Error(`token endpoint said ${res.status}`);
    return ((await res.json()) as { access_token: string }).access_token;
  };
  return {
    isValidAppId: async (id: string) => id === appId,
    isAuthenticationDisabled: async () => false,
    createCredentials: async () => ({
      async signRequest<T extends { headers: { set(name: string, value: string): void } }>(webResource: T): Promise<T> {
        token ??= fetchToken().catch((err) => {
          token = undefined;
          throw err;
        });
        webResource.headers.set('authorization', `Bearer ${await token}`);
        return webResource;
      },
    }),
  };
}
