// Benchmark 6: what one outbound message costs through each platform's SDK, beside a bare node:http POST.
// Every reply and follow-up is such a call, so this is the floor under the webhook figures of section 3.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { FakeTeamsConnector } from '../fakes/teams-connector.js';
import { FakeBotFrameworkIdentity } from '../fakes/teams-identity.js';
import { FakeTelegramApi, TEST_TOKEN } from '../fakes/telegram-api.js';
import * as P from './platforms.js';
import { fmt, ratio, table, type Section } from './stats.js';

const run = promisify(execFile);

interface Result {
  name: string;
  cpuUs: number;
  wallUs: number;
}

export async function benchMessages(opts: { quick: boolean }): Promise<Section> {
  const telegram = await FakeTelegramApi.start();
  const slack = await new FakeSlackApi().start();
  const connector = await FakeTeamsConnector.start();
  const identity = await FakeBotFrameworkIdentity.start({ endorsements: ['msteams'] });
  identity.registerClient(P.TEAMS_APP_ID, P.TEAMS_PASSWORD);
  const count = opts.quick ? 1000 : 3000;
  try {
    const { stdout } = await run(process.execPath, [join(import.meta.dirname, 'messages-child.js')], {
      env: {
        ...process.env,
        BENCH_MESSAGES: String(count),
        BENCH_TELEGRAM_URL: telegram.url,
        BENCH_TELEGRAM_TOKEN: TEST_TOKEN,
        BENCH_SLACK_URL: slack.url,
        BENCH_SLACK_TOKEN: P.SLACK_TOKEN,
        BENCH_TEAMS_CONNECTOR_URL: connector.url,
        BENCH_TEAMS_TOKEN_URL: identity.tokenUrl,
        BENCH_TEAMS_APP_ID: P.TEAMS_APP_ID,
        BENCH_TEAMS_PASSWORD: P.TEAMS_PASSWORD,
      },
      maxBuffer: 1 << 20,
      timeout: 300_000,
    });
    const { results } = JSON.parse(stdout.trim().split('\n').at(-1)!) as { results: Result[] };
    const [bare, ...sdks] = results;
    if (!bare) throw new Error('no results');
    const sent = { Telegram: telegram.callsTo('sendMessage').length, Slack: slack.callsTo('chat.postMessage').length, Teams: connector.calls.length };
    return {
      title: '6. One outbound message per platform SDK',
      body: [
        `${count} messages of a few hundred characters, 16 in flight at a time, after a fifth as many unmeasured, from a separate client process ` +
          "through each platform's messenger (what follow-ups use: grammY, Slack's WebClient, botbuilder's CloudAdapter) to the local " +
          'fake API; CPU is the client process\'s own. Baseline: a keep-alive node:http POST of the same JSON to the same fake. ' +
          `The fakes recorded ${sent.Telegram} sendMessage, ${sent.Slack} chat.postMessage and ${sent.Teams} Teams connector calls.`,
        '',
        table(
          ['client', 'CPU per message', 'wall time / messages', 'CPU ratio to node:http'],
          [bare, ...sdks].map((r) => [r.name, fmt(r.cpuUs / 1000, 'ms'), fmt(r.wallUs / 1000, 'ms'), ratio(r.cpuUs, bare.cpuUs)]),
        ),
      ].join('\n'),
      targets: [],
    };
  } finally {
    await telegram.close();
    await slack.close();
    await connector.close();
    await identity.close();
  }
}
