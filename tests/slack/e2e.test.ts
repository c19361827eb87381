// End to end: the real server (startServer) with the real core, Slack-signed requests to /slack/events,
// replies observed at the local fake Slack Web API.
import { startTestServer } from './../server.js';
import { fixtureEnv } from '../cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '../../src/app/server.js';
import { FakeSlackApi, type SlackApiCall } from '../../fakes/slack-api.js';
import {
  BOT_TOKEN,
  SIGNING_SECRET,
  buttonPress,
  buttonsOf,
  directMessage,
  mention,
  postCommand,
  postEvent,
  postInteraction,
  postToSlackEndpoint,
  slashCommand,
  textOf,
} from './helpers.js';

function startWithSlack(slack: FakeSlackApi): Promise<RunningServer> {
  return startTestServer({ ...fixtureEnv(), SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url });
}

const posts = (slack: FakeSlackApi, channel: string): SlackApiCall[] => slack.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);
const withButtons = (calls: SlackApiCall[]) => calls.filter((c) => buttonsOf(c.body.blocks).length > 0);

describe('Slack end to end', () => {
  let slack: FakeSlackApi;
  let server: RunningServer;

  beforeAll(async () => {
    slack = await new FakeSlackApi().start();
    server = await startWithSlack(slack);
  });
  afterAll(async () => {
    await server?.close();
    await slack?.close();
  });

  it('told Slack who it is at start (auth.test with the bot token)', () => {
    expect(slack.callsTo('auth.test')[0]?.token).toBe(BOT_TOKEN);
  });

  it('answers the url_verification challenge', async () => {
    const res = await postEvent(server.url, { token: 'legacy', challenge: 'ch4ll3nge-xyz', type: 'url_verification' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'ch4ll3nge-xyz' });
  });

  it('answers a mention in a channel, in the thread of the mention, with a cited answer', async () => {
    const question = 'What are the 3Ms of a digital utility?';
    const expected = server.runtime.answerer.answer(question);
    expect(expected.answered).toBe(true);
    const { ts, envelope } = mention('U0AMINA', 'C0GENERAL', `<@${slack.botUserId}> ${question}`);
    const res = await postEvent(server.url, envelope);
    expect(res.status).toBe(200);
    const [reply] = await slack.waitFor(() => posts(slack, 'C0GENERAL').length === 1).then(() => posts(slack, 'C0GENERAL'));
    expect(reply!.body.thread_ts).toBe(ts);
    expect(textOf(reply!.body.blocks)).toBe(expected.text);
    expect(textOf(reply!.body.blocks)).toContain(`(Source: ${expected.sources[0]!.title})`);
  });

  it('answers a direct message with a cited answer, not in a thread', async () => {
    const question = 'How many utilities have a cyber incident plan?';
    const expected = server.runtime.answerer.answer(question);
    expect(expected.answered).toBe(true);
    await postEvent(server.url, directMessage('U0BOBO', 'D0BOBO', question));
    const [reply] = await slack.waitFor(() => posts(slack, 'D0BOBO').length === 1).then(() => posts(slack, 'D0BOBO'));
    expect(reply!.body.thread_ts).toBeUndefined();
    expect(textOf(reply!.body.blocks)).toBe(expected.text);
    expect(textOf(reply!.body.blocks)).toMatch(/\(Source: [^)]+\)/);
    // The person is now known to the store with an address the follow-ups can use.
    expect((await server.runtime.store.getUser('slack:U0BOBO'))?.address).toEqual({ teamId: 'T0WORKSHOP', userId: 'U0BOBO', channel: 'D0BOBO' });
  });

  it("keeps the person's Slack name (users.info: display name, else full name), not the handle a press carries", async () => {
    slack.profiles.set('U0MERE', { display_name: 'Mere', real_name: 'Mere Tavita' });
    await server.runtime.store.createCohort({ id: 'c-slack-names', code: 'SLNAME', name: 'Names', createdBy: 'slack:x', createdAt: new Date() });
    await postEvent(server.url, directMessage('U0MERE', 'D0MERE', 'join SLNAME'));
    await slack.waitFor(() => posts(slack, 'D0MERE').length === 1);
    expect(slack.callsTo('users.info').filter((c) => c.body.user === 'U0MERE')).toHaveLength(1);
    expect(await server.runtime.store.listMembers('c-slack-names')).toMatchObject([{ key: 'slack:U0MERE', name: 'Mere' }]);
    // A slash command carries the handle (user_name); the name people know stays, and is not asked again within the hour.
    await postCommand(server.url, slashCommand('/results', '', 'U0MERE', 'D0MERE', `${slack.origin}/respond/names`));
    await slack.waitFor(() => posts(slack, 'D0MERE').length === 2);
    expect(await server.runtime.store.listMembers('c-slack-names')).toMatchObject([{ name: 'Mere' }]);
    expect(slack.callsTo('users.info').filter((c) => c.body.user === 'U0MERE')).toHaveLength(1);
  });

  it('runs the whole readiness self-assessment on button presses: each question updated in place, then the result and chart', async () => {
    const user = 'U0MARIA';
    const dm = 'D0MARIA';
    const res = await postCommand(server.url, slashCommand('/readiness', '', user, dm, `${slack.origin}/respond/readiness`));
    expect(res.status).toBe(200);
    await slack.waitFor(() => withButtons(posts(slack, dm)).length === 1);

    // The fixture pack has six indicators.
    for (let i = 0; i < 6; i++) {
      const question = withButtons(posts(slack, dm))[i];
      expect(textOf(question!.body.blocks)).toContain(`${i + 1}`);
      const yes = buttonsOf(question!.body.blocks).find((b) => b.label === 'Yes');
      expect(yes, `question ${i + 1} has a Yes button`).toBeDefined();
      const messageTs = String(question!.response?.ts);
      const pressed = await postInteraction(server.url, buttonPress(user, dm, { ts: messageTs, blocks: question!.body.blocks }, yes?.value ?? ''));
      expect(pressed.status).toBe(200);
      // The pressed question is edited in place to show the answer, without its buttons.
      const updated = await slack
        .waitFor(() => slack.callsTo('chat.update').some((u) => u.body.ts === messageTs))
        .then(() => slack.callsTo('chat.update').find((u) => u.body.ts === messageTs));
      expect(updated?.body.channel).toBe(dm);
      expect(textOf(updated?.body.blocks)).toMatch(/Your answer: Yes$/);
      expect(buttonsOf(updated?.body.blocks)).toEqual([]);
      if (i < 5) await slack.waitFor(() => withButtons(posts(slack, dm)).length === i + 2);
    }

    await slack.waitFor(() => slack.callsTo('files.completeUploadExternal').length === 1);
    expect(posts(slack, dm).map((p) => textOf(p.body.blocks)).join('\n')).toMatch(/^Your readiness: 6\/6 \(Advanced\)$/m);
    const [askUrl] = slack.callsTo('files.getUploadURLExternal');
    expect(askUrl!.body.filename).toBe('readiness-profile.png');
    const [upload] = slack.callsTo('upload');
    expect(upload!.raw.includes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(slack.callsTo('files.completeUploadExternal')[0]!.body).toMatchObject({ channel_id: dm, files: [{ id: upload!.body.fileId }] });
    expect(slack.callsTo('chat.update').filter((u) => u.body.channel === dm)).toHaveLength(6);
  });

  it('runs a slash command in a channel (form-encoded) and answers /ask with no text with usage help', async () => {
    const res = await postCommand(server.url, slashCommand('/ask', '', 'U0CHEN', 'C0ROOM', `${slack.origin}/respond/ask`));
    expect(res.status).toBe(200);
    const [help] = await slack.waitFor(() => posts(slack, 'C0ROOM').length === 1).then(() => posts(slack, 'C0ROOM'));
    expect(textOf(help!.body.blocks)).toMatch(/Ask me a question after \/ask/);

    const question = 'What are the 3Ms of a digital utility?';
    await postCommand(server.url, slashCommand('/ask', question, 'U0CHEN', 'C0ROOM', `${slack.origin}/respond/ask`));
    const [, answer] = await slack.waitFor(() => posts(slack, 'C0ROOM').length === 2).then(() => posts(slack, 'C0ROOM'));
    expect(textOf(answer!.body.blocks)).toBe(server.runtime.answerer.answer(question).text);
  });
});

describe('Slack end to end: refused and repeated requests', () => {
  it('refuses unsigned, badly signed and stale requests with 401, ignores non-people, and handles a retried event once', async () => {
    const slack = await new FakeSlackApi().start();
    const server = await startWithSlack(slack);
    try {
      const body = JSON.stringify(directMessage('U0EVE', 'D0EVE', 'What is e-government?'));
      const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
      const unsigned = await postToSlackEndpoint(server.url, body, 'application/json', { unsigned: true });
      const badly = await postToSlackEndpoint(server.url, body, 'application/json', { secret: 'not-the-secret' });
      const stale = await postToSlackEndpoint(server.url, body, 'application/json', { timestamp: sixMinutesAgo });
      expect([unsigned.status, badly.status, stale.status]).toEqual([401, 401, 401]);
      expect(await unsigned.text()).not.toMatch(/at .*\.js/);

      // Edits, joins, other bots and the bot itself are not people asking: signed, accepted, ignored.
      const edited = directMessage('U0EVE', 'D0EVE', 'edited text');
      Object.assign(edited.event, { subtype: 'message_changed' });
      const joined = directMessage('U0EVE', 'D0EVE', 'has joined');
      Object.assign(joined.event, { subtype: 'channel_join' });
      const otherBot = directMessage('U0OTHERBOT', 'D0EVE', 'beep');
      Object.assign(otherBot.event, { bot_id: 'B0OTHER' });
      const itself = directMessage(slack.botUserId, 'D0EVE', 'my own reply');
      Object.assign(itself.event, { bot_id: slack.botId });
      for (const ignored of [edited, joined, otherBot, itself]) expect((await postEvent(server.url, ignored)).status).toBe(200);

      const first = directMessage('U0FAY', 'D0FAY', 'What is e-government?', 'Ev0RETRY1');
      expect((await postEvent(server.url, first)).status).toBe(200);
      await slack.waitFor(() => posts(slack, 'D0FAY').length === 1);
      expect((await postEvent(server.url, first, { retryNum: 1 })).status).toBe(200);
    } finally {
      // Closing waits for work in flight, so whatever the retry would have caused has happened.
      await server.close();
      await slack.close();
    }
    expect(posts(slack, 'D0FAY')).toHaveLength(1);
    expect(slack.actions().filter((c) => JSON.stringify(c.body).includes('D0EVE'))).toEqual([]);
    // One name lookup for the person, one reply: the retry caused neither again.
    expect(slack.actions().map((c) => c.method)).toEqual(['users.info', 'chat.postMessage']);
  });
});
