// The Slack adapter on a real HTTP server against the fake Web API, driven by a tiny core written here.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/index.js';
import type { PlatformAdapter } from '../../src/core/adapter.js';
import { systemClock } from '../../src/core/adapter.js';
import { text, type BotCore, type Incoming, type Outgoing } from '../../src/core/messages.js';
import type { Store } from '../../src/store/types.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { BOT_TOKEN, SIGNING_SECRET, directMessage, postCommand, postEvent, slashCommand, textOf } from './helpers.js';

/** A stand-in for the core: echoes, fails on request, and deduplicates as the real one does. */
class TinyCore implements BotCore {
  readonly received: Incoming[] = [];
  private readonly seen = new Set<string>();
  async handle(m: Incoming): Promise<Outgoing[]> {
    if (m.deliveryId) {
      if (this.seen.has(m.deliveryId)) return [];
      this.seen.add(m.deliveryId);
    }
    this.received.push(m);
    if (m.text === '/boom') throw new Error('core failure');
    if (m.text === '/results') return [text('Your results:\n• 2026-11-27 · readiness 6/6 (Advanced)')];
    if (m.text === '/export') return [{ kind: 'file', data: Buffer.from('a,b\n1,2\n'), filename: 'results.csv', mime: 'text/csv', caption: 'Your export' }];
    return [text(`echo: ${m.text}`)];
  }
}

let slack: FakeSlackApi;
let core: TinyCore;
let adapter: PlatformAdapter;
let server: Server;
let base: string;

beforeAll(async () => {
  slack = await new FakeSlackApi().start();
  core = new TinyCore();
  adapter = await createSlackAdapter(
    { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: slack.url.replace(/\/$/, '') },
    { core, store: {} as Store, logger: pino({ level: 'silent' }), clock: systemClock },
  );
  const app = express();
  if (adapter.routes) app.use(adapter.routes);
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await slack?.close();
});

beforeEach(() => slack.reset());

describe('Slack adapter (tiny core)', () => {
  it('asked auth.test at start, with the bot token, against the configured API URL', async () => {
    const fresh = await new FakeSlackApi().start();
    const a = await createSlackAdapter(
      { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fresh.url },
      { core, store: {} as Store, logger: pino({ level: 'silent' }), clock: systemClock },
    );
    await a.start();
    expect(fresh.callsTo('auth.test').map((c) => c.token)).toContain(BOT_TOKEN);
    await a.stop();
    await fresh.close();
  });

  it('refuses to start with a clear message when Slack rejects the token', async () => {
    const fresh = await new FakeSlackApi().start();
    fresh.failNext('auth.test', { error: 'invalid_auth', times: 5 });
    const a = await createSlackAdapter(
      { botToken: 'xoxb-wrong', signingSecret: SIGNING_SECRET, apiUrl: fresh.url },
      { core, store: {} as Store, logger: pino({ level: 'silent' }), clock: systemClock },
    );
    await expect(a.start()).rejects.toThrow(/SLACK_BOT_TOKEN.*invalid_auth/);
    await fresh.close();
  });

  it('refuses to be built without a signing secret outside Socket Mode', async () => {
    await expect(
      createSlackAdapter({ botToken: BOT_TOKEN }, { core, store: {} as Store, logger: pino({ level: 'silent' }), clock: systemClock }),
    ).rejects.toThrow(/SLACK_SIGNING_SECRET/);
  });

  it('in Socket Mode serves no HTTP routes and needs no signing secret', async () => {
    const a = await createSlackAdapter(
      { botToken: BOT_TOKEN, appToken: 'xapp-1-A0WORKSHOP-test', apiUrl: slack.url },
      { core, store: {} as Store, logger: pino({ level: 'silent' }), clock: systemClock },
    );
    expect(a.routes).toBeUndefined();
    expect(a.platform).toBe('slack');
  });

  it('lets other routes through', async () => {
    const res = await fetch(`${base}/elsewhere`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });

  it('answers a slash command in a channel it is not in through the DM, with a private note', async () => {
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    const res = await postCommand(base, slashCommand('/ask', 'what is open data?', 'U7', 'C0OTHER', `${slack.origin}/respond/1`));
    expect(res.status).toBe(200);
    await slack.waitFor(() => slack.callsTo('response_url').length === 1);
    expect(slack.callsTo('conversations.open')[0]!.body.users).toBe('U7');
    const posts = slack.callsTo('chat.postMessage');
    expect(posts.map((p) => p.body.channel)).toEqual(['C0OTHER', 'D7']);
    expect(textOf(posts[1]!.body.blocks)).toBe('echo: /ask what is open data?');
    expect(slack.callsTo('response_url')[0]!.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('direct messages') });
  });

  it('apologises, without details, when the core fails', async () => {
    await postEvent(base, directMessage('U8', 'D8', '/boom'));
    const [post] = await slack.waitFor((c) => c.some((x) => x.method === 'chat.postMessage')).then(() => slack.callsTo('chat.postMessage'));
    expect(post!.body.channel).toBe('D8');
    expect(post!.body.text).toMatch(/^Sorry, something went wrong/);
    expect(JSON.stringify(post!.body)).not.toContain('core failure');
  });

  it('uploads a CSV with its caption into the conversation', async () => {
    await postEvent(base, directMessage('U9', 'D9', '/export'));
    await slack.waitFor(() => slack.callsTo('files.completeUploadExternal').length === 1);
    expect(slack.callsTo('files.getUploadURLExternal')[0]!.body).toMatchObject({ filename: 'results.csv', length: '8' });
    expect(slack.callsTo('upload')[0]!.raw.toString()).toContain('a,b\n1,2\n');
    expect(slack.callsTo('files.completeUploadExternal')[0]!.body).toMatchObject({ channel_id: 'D9', initial_comment: 'Your export' });
  });

  it('publishes the App Home with how-to and the person’s results, once per event', async () => {
    const envelope = {
      type: 'event_callback',
      team_id: 'T0WORKSHOP',
      event_id: 'EvHOME1',
      event: { type: 'app_home_opened', user: 'U5', channel: 'D5', tab: 'home', event_ts: '1.1' },
    };
    await postEvent(base, envelope);
    await slack.waitFor(() => slack.callsTo('views.publish').length === 1);
    await postEvent(base, envelope, { retryNum: 1 });
    await postEvent(base, directMessage('U5', 'D5', 'sync'));
    await slack.waitFor(() => slack.callsTo('chat.postMessage').length === 1);
    expect(slack.callsTo('views.publish')).toHaveLength(1);
    const publish = slack.callsTo('views.publish')[0]!.body as { user_id: string; view: { type: string; blocks: unknown } };
    expect(publish.user_id).toBe('U5');
    expect(publish.view.type).toBe('home');
    expect(textOf(publish.view.blocks)).toContain('readiness 6/6 (Advanced)');
    expect(textOf(publish.view.blocks)).toContain('/readiness');
    expect(core.received.find((m) => m.text === '/results')).toMatchObject({ user: { platform: 'slack', id: 'U5' }, passive: true });
  });

  it('ignores the Messages tab opening', async () => {
    await postEvent(base, { type: 'event_callback', team_id: 'T0WORKSHOP', event_id: 'EvHOME2', event: { type: 'app_home_opened', user: 'U5', channel: 'D5', tab: 'messages' } });
    await postEvent(base, directMessage('U5', 'D5', 'after'));
    await slack.waitFor(() => slack.callsTo('chat.postMessage').length === 1);
    expect(slack.callsTo('views.publish')).toHaveLength(0);
  });
});
