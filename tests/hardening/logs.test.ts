// Logs at LOG_LEVEL=info, from the real `workshop-bot serve` process: requests carrying secrets and people's
// messages, answered and failing, leave no token, signing secret, webhook secret or message text in the output,
// and refused Teams tokens leave one structured line each (no stack trace, no key material).
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli } from '../cli.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { FakeTeamsConnector } from '../../fakes/teams-connector.js';
import { FakeBotFrameworkIdentity } from '../../fakes/teams-identity.js';
import { FakeTelegramApi, postUpdate, privateText, TEST_TOKEN } from '../../fakes/telegram-api.js';
import { directMessage } from '../slack/helpers.js';
import { APP_ID, personalMessage } from '../teams/harness.js';
import { slackHeaders, SLACK_SECRET, SLACK_TOKEN, TELEGRAM_SECRET } from './server.js';

// Words no log line has any other reason to contain.
const ANSWERED = 'What is non-revenue water? zanzibarquokka';
const DECLINED = 'Where does the xylophonewombat committee meet on Tuesdays?';
const FAILED = 'Tell me about open water-quality data quetzalpangolin';
const SLACK_TEXT = 'How many utilities have a cyber incident plan? narwhalmarmoset';

let telegram: FakeTelegramApi | undefined;
let slack: FakeSlackApi | undefined;
let identity: FakeBotFrameworkIdentity | undefined;
let connector: FakeTeamsConnector | undefined;
afterAll(async () => {
  await telegram?.close();
  await slack?.close();
  await identity?.close();
  await connector?.close();
});
const TEAMS_PASSWORD = 'teams-password-for-the-logs-test';

async function postSlack(url: string, body: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(`${url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  await res.arrayBuffer();
  return res.status;
}

describe('logs at LOG_LEVEL=info', () => {
  it('carry no secret and no message text, whatever the requests did', async () => {
    telegram = await FakeTelegramApi.start();
    slack = await new FakeSlackApi().start();
    identity = await FakeBotFrameworkIdentity.start({ endorsements: ['msteams'] });
    connector = await FakeTeamsConnector.start();
    const dir = mkdtempSync(join(tmpdir(), 'wb-logs-'));
    const child = startCli(['serve'], {
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        DATA_DIR: dir,
        DATABASE_URL: `sqlite:${join(dir, 'bot.db')}`,
        TZ: 'UTC',
        TELEGRAM_BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_API_ROOT: telegram.url,
        TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
        SLACK_BOT_TOKEN: SLACK_TOKEN,
        SLACK_SIGNING_SECRET: SLACK_SECRET,
        SLACK_API_URL: slack.url,
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: TEAMS_PASSWORD,
        ToBotFromChannelOpenIdMetadataUrl: identity.metadataUrl,
      },
    });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    const exited = once(child, 'exit');
    /** The child's output once it matches (or after about five seconds, for the assertion to say what came). */
    const logged = async (re: RegExp): Promise<string> => {
      for (let i = 0; i < 100 && !re.test(out); i++) await new Promise((r) => setTimeout(r, 50));
      return out;
    };
    let port = 0;
    while (!port) {
      if (child.exitCode !== null) throw new Error(`serve exited early:\n${out}`);
      port = Number(/"port":(\d+)[^\n]*workshop-bot serving/.exec(out)?.[1] ?? 0);
      if (!port) await once(child.stderr!, 'data');
    }
    const url = `http://127.0.0.1:${port}`;

    // Telegram: an answered and a declined question, a wrong secret, and replies the API refuses. A question
    // asked mid-quiz is answered in three messages, the first two sent by the bot itself (the last goes back
    // in the webhook response), so the bot sees those refusals and logs them.
    const tg = telegram;
    expect(await tg.deliverUpdate(url, privateText(ANSWERED), TELEGRAM_SECRET)).toBe(200);
    expect(await tg.deliverUpdate(url, privateText(DECLINED), TELEGRAM_SECRET)).toBe(200);
    expect(await postUpdate(url, privateText(ANSWERED), `${TELEGRAM_SECRET}-wrong`)).toBe(401);
    expect(await tg.deliverUpdate(url, privateText('/quiz'), TELEGRAM_SECRET)).toBe(200);
    tg.failNext('sendMessage', { status: 403 });
    expect(await tg.deliverUpdate(url, privateText(FAILED), TELEGRAM_SECRET)).toBe(200);
    tg.failNext('sendMessage', { status: 400, description: "Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 12" });
    expect(await tg.deliverUpdate(url, privateText(`${FAILED} again`), TELEGRAM_SECRET)).toBe(200);
    // Logged by the adapter kit's processMessage, with the platform. (The child writes its log lines on its own
    // time: one may reach this process after the webhook's response, so the test waits for it.)
    expect(await logged(/"platform":"telegram".*"msg":"could not send the reply"/)).toMatch(/"platform":"telegram".*"msg":"could not send the reply"/);

    // Slack: a signed DM question, a forged one, and one whose reply Slack refuses.
    const dm = JSON.stringify(directMessage('U0LOGS', 'D0LOGS', SLACK_TEXT));
    expect(await postSlack(url, dm, slackHeaders(dm))).toBe(200);
    expect(await postSlack(url, dm, { 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': 'v0=forged' })).toBe(401);
    await slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0LOGS'));
    // A failed delivery is logged, not followed by an apology sent the same failing way.
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    const failing = JSON.stringify(directMessage('U0LOGS2', 'D0LOGS2', `${SLACK_TEXT} twice`));
    expect(await postSlack(url, failing, slackHeaders(failing))).toBe(200);
    await slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0LOGS2'));

    // Teams: an expired token and one signed with a key not in the JWKS (refused: nothing is sent, so no
    // outbound token is ever needed). botframework-connector prints a stack or the signing keys for each.
    const teams = async (token: string) => {
      const activity = personalMessage(connector!, { id: '29:logs-1', name: 'Lee' }, { text: SLACK_TEXT });
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(activity),
      });
      await res.arrayBuffer();
      return res.status;
    };
    expect(await teams(await identity.channelToken({ appId: APP_ID, serviceUrl: connector.url, expiresIn: -3600 }))).toBe(401);
    expect(await teams(await identity.channelToken({ appId: APP_ID, serviceUrl: connector.url, foreignKey: true }))).toBe(401);

    child.kill('SIGTERM');
    await exited;

    // Refusals are one structured line each; no stack trace and no key material in the output.
    expect(out).toMatch(/"platform":"slack".*"slackError":"channel_not_found".*"msg":"could not send the reply"/);
    expect(out.match(/teams: refused a request with a bad token/g)).toHaveLength(2);
    expect(out).not.toMatch(/TokenExpiredError|Error finding key|BEGIN RSA PUBLIC KEY|\n\s+at \S+ \(/);

    // The run did log (requests, failures), so an empty output cannot pass by accident.
    expect(out).toContain('workshop-bot serving');
    expect(out).toMatch(/"level":(40|50)/);
    for (const secret of [TEST_TOKEN, TEST_TOKEN.split(':')[1], TELEGRAM_SECRET, SLACK_TOKEN, SLACK_SECRET, TEAMS_PASSWORD]) {
      expect(out, `a secret (${secret!.slice(0, 4)}...) reached the logs`).not.toContain(secret);
    }
    for (const word of ['zanzibarquokka', 'xylophonewombat', 'quetzalpangolin', 'narwhalmarmoset']) {
      expect(out, `message text ("${word}") reached the logs`).not.toContain(word);
    }
  }, 60_000);
});
