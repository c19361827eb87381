// Slack, what the audit found: members' text shown as mrkdwn, the App Home bringing a forgotten person back,
// signatures dated in the future, and the manifest (scopes, bot name, https request URLs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackManifest } from '../../adapters/slack/index.js';
import { commandMenu } from '../../src/app/commands.js';
import { fixtureContent } from '../quiz/fixture.js';
import { type RunningServer } from '../../src/app/server.js';
import { fixtureEnv, runCli } from '../cli.js';
import { FakeSlackApi, type SlackApiCall } from '../../fakes/slack-api.js';
import { startTestServer } from '../server.js';
import { BOT_TOKEN, SIGNING_SECRET, directMessage, postCommand, postEvent, postToSlackEndpoint, slashCommand } from './helpers.js';

const TRAINER = 'U0TRAINER';
let slack: FakeSlackApi;
let server: RunningServer;

beforeAll(async () => {
  slack = await new FakeSlackApi().start();
  server = await startTestServer({ ...fixtureEnv(), SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url, TRAINERS: `slack:${TRAINER}` });
});
afterAll(async () => {
  await server?.close();
  await slack?.close();
});

const posts = (channel: string): SlackApiCall[] => slack.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);

type TextObject = { type: string; text: string };
/** Every text object in the blocks of the calls, with its type. */
const textObjects = (calls: SlackApiCall[]): TextObject[] =>
  calls.flatMap((c) => (Array.isArray(c.body.blocks) ? c.body.blocks : [])).flatMap((b: { text?: TextObject }) => (b.text ? [b.text] : []));

/** Sends `text` in the person's DM and waits for the bot's reply there. */
async function say(user: string, channel: string, text: string): Promise<SlackApiCall[]> {
  const before = posts(channel).length;
  expect((await postEvent(server.url, directMessage(user, channel, text))).status).toBe(200);
  await slack.waitFor(() => posts(channel).length > before);
  return posts(channel).slice(before);
}

async function command(user: string, channel: string, text: string): Promise<SlackApiCall[]> {
  const before = posts(channel).length;
  expect((await postCommand(server.url, slashCommand('/workshop', text, user, channel, `${slack.origin}/respond/x`))).status).toBe(200);
  await slack.waitFor(() => posts(channel).length > before);
  return posts(channel).slice(before);
}

describe('members’ text in trainer output', () => {
  it('shows *word* and _word_ in /report and /unanswered as the member typed them, not as bold or italics', async () => {
    const created = textObjects(await command(TRAINER, 'D0TRAINER', 'cohort new Riverton 2027')).map((t) => t.text).join('\n');
    const code = /Join code: ([A-Z0-9]{6})/.exec(created)![1];
    await say('U0MEMBER', 'D0MEMBER', `join ${code}`);
    const question = 'Is the *urgent* _quokka_ ~registry~ `open` on weekends?';
    await say('U0MEMBER', 'D0MEMBER', question);
    expect((await server.runtime.store.listUnanswered()).map((u) => u.question)).toEqual([question]);

    for (const shown of [await command(TRAINER, 'D0TRAINER', `report ${code}`), await command(TRAINER, 'D0TRAINER', 'unanswered')]) {
      const holding = textObjects(shown).filter((t) => t.text.includes('quokka'));
      expect(holding.length).toBeGreaterThan(0);
      // plain_text is shown exactly as written: no bold, italics, strike-through or code.
      for (const t of holding) expect(t).toMatchObject({ type: 'plain_text', text: expect.stringContaining(question) });
    }
  });
});

describe('App Home', () => {
  it('opening it after /forget shows the Home tab without bringing the person back', async () => {
    await say('U0GONE', 'D0GONE', 'What is e-government?');
    expect(await server.runtime.store.getUser('slack:U0GONE')).toBeDefined();
    const forgot = textObjects(await command('U0GONE', 'D0GONE', 'forget confirm')).map((t) => t.text).join('\n');
    expect(forgot).toContain('has been erased');
    expect(await server.runtime.store.getUser('slack:U0GONE')).toBeUndefined();

    const before = slack.callsTo('views.publish').length;
    const opened = { type: 'event_callback', team_id: 'T0WORKSHOP', event_id: 'EvHOMEGONE', event: { type: 'app_home_opened', user: 'U0GONE', channel: 'D0GONE', tab: 'home', event_ts: '1.2' } };
    expect((await postEvent(server.url, opened)).status).toBe(200);
    await slack.waitFor(() => slack.callsTo('views.publish').length > before);
    expect(JSON.stringify(slack.callsTo('views.publish').at(-1)!.body)).toContain('No results yet');
    expect(await server.runtime.store.getUser('slack:U0GONE')).toBeUndefined();
  });
});

describe('request signatures', () => {
  it('refuses a correctly signed request dated 6 minutes in the future, and takes one dated 1 minute ahead', async () => {
    const now = Math.floor(Date.now() / 1000);
    const future = JSON.stringify(directMessage('U0FUTURE', 'D0FUTURE', 'What is e-government?'));
    const res = await postToSlackEndpoint(server.url, future, 'application/json', { timestamp: now + 6 * 60 });
    expect(res.status).toBe(401);
    const skewed = JSON.stringify(directMessage('U0SKEW', 'D0SKEW', 'What is e-government?'));
    expect((await postToSlackEndpoint(server.url, skewed, 'application/json', { timestamp: now + 60 })).status).toBe(200);
    await slack.waitFor(() => posts('D0SKEW').length === 1);
    expect(posts('D0FUTURE')).toEqual([]);
    expect(await server.runtime.store.getUser('slack:U0FUTURE')).toBeUndefined();
  });
});

describe('the manifest', () => {
  it('asks for no scope the bot does not use, and names the bot user as Slack requires', () => {
    const m = slackManifest('https://bot.example.org', { name: 'Workshop Assistant (Riverton 2027)!', menu: commandMenu(fixtureContent()) }) as {
      features: { bot_user: { display_name: string } };
      oauth_config: { scopes: { bot: string[] } };
    };
    expect(m.oauth_config.scopes.bot).not.toContain('im:read');
    expect(m.features.bot_user.display_name).toMatch(/^[a-z0-9._-]{1,80}$/);
    expect(m.features.bot_user.display_name).toBe('workshop-assistant-riverton-2027');
  });

  it('manifest slack and manifest teams take only an https URL, and say so in one line', () => {
    for (const args of [['manifest', 'slack', '--url', 'http://bot.example.org'], ['manifest', 'slack', '--url', 'not a url'], ['manifest', 'teams', '--app-id', '0f3c2a9e-1b2c-4d5e-8f90-123456789abc', '--url', 'http://bot.example.org', '--out', '/dev/null']]) {
      const r = runCli(args, { env: fixtureEnv() });
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/--url: .*https/);
    }
    const ok = runCli(['manifest', 'slack', '--url', 'https://bot.example.org'], { env: fixtureEnv() });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).settings.event_subscriptions.request_url).toBe('https://bot.example.org/slack/events');
  });
});
