// The benchmarks' server process: what `workshop-bot serve` runs (startServer on the environment's config),
// plus outbound Teams credentials from the local fake token endpoint (botbuilder's MSAL path needs Microsoft's
// cloud). Prints one JSON line {"url"} on stdout when listening; SIGTERM closes it like `serve` does.
import { loadConfig } from '../src/app/config.js';
import { startServer } from '../src/app/server.js';

/** Client-credentials tokens from BENCH_TEAMS_TOKEN_URL, cached like MSAL caches them (one fetch, not one a call). */
function fakeTokenCredentials(tokenUrl: string, appId: string, password: string) {
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

const config = loadConfig();
const tokenUrl = process.env.BENCH_TEAMS_TOKEN_URL;
const server = await startServer(config, {
  overrides: tokenUrl ? { teamsCredentialsFactory: fakeTokenCredentials(tokenUrl, config.MicrosoftAppId ?? '', config.MicrosoftAppPassword ?? '') } : {},
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
let stopping = false;
process.once('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  void server.close().then(() => process.exit(0));
});
