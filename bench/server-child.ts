// The benchmarks' server process: what `workshop-bot serve` runs (startServer on the environment's config),
// plus outbound Teams credentials from the local fake token endpoint (botbuilder's MSAL path needs Microsoft's
// cloud). Prints one JSON line {"url"} on stdout when listening; SIGTERM closes it like `serve` does.
import { loadConfig } from '../src/app/config.js';
import { startServer } from '../src/app/server.js';
import { fakeTokenCredentials } from './teams-credentials.js';

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
