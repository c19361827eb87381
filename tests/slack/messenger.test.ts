// Follow-ups through the Slack messenger against the fake Web API: DM opening, posting, error translation.
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/index.js';
import { systemClock } from '../../src/core/adapter.js';
import { DeliveryError, text, type Messenger } from '../../src/core/messages.js';
import type { Store } from '../../src/store/types.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { BOT_TOKEN, SIGNING_SECRET, buttonsOf, textOf } from './helpers.js';

let slack: FakeSlackApi;
let messenger: Messenger;

beforeAll(async () => {
  slack = await new FakeSlackApi().start();
  const adapter = await createSlackAdapter(
    { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: slack.url },
    { core: { handle: async () => [] }, store: {} as Store, logger: pino({ level: 'silent' }), clock: systemClock },
  );
  messenger = adapter.messenger;
});
afterAll(() => slack?.close());
beforeEach(() => slack.reset());

const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as DeliveryError);

describe('Slack messenger', () => {
  it('opens the DM once, then posts there; a known DM channel is used as it is', async () => {
    await messenger.send({ teamId: 'T1', userId: 'U100' }, [text('Reminder: the quiz is open', [{ label: 'Start', value: 'q:abc:0:1' }])]);
    await messenger.send({ teamId: 'T1', userId: 'U100' }, [text('Second')]);
    await messenger.send({ userId: 'U200', channel: 'D200' }, [text('Third')]);
    expect(slack.callsTo('conversations.open').map((c) => c.body.users)).toEqual(['U100']);
    const posts = slack.callsTo('chat.postMessage');
    expect(posts.map((p) => [p.body.channel, textOf(p.body.blocks)])).toEqual([
      ['D100', 'Reminder: the quiz is open'],
      ['D100', 'Second'],
      ['D200', 'Third'],
    ]);
    expect(buttonsOf(posts[0]!.body.blocks)).toEqual([{ label: 'Start', value: 'q:abc:0:1' }]);
    expect(posts.every((p) => p.token === BOT_TOKEN)).toBe(true);
  });

  it('429 becomes rate_limited with Slack’s Retry-After, after exactly one attempt', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const err = await failure(messenger.send({ userId: 'U300', channel: 'D300' }, [text('hi')]));
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err?.code).toBe('rate_limited');
    expect(err?.retryAfterMs).toBe(7000);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it.each(['account_inactive', 'user_not_found', 'channel_not_found', 'is_archived'])('%s becomes unreachable', async (code) => {
    slack.failNext('chat.postMessage', { error: code });
    const err = await failure(messenger.send({ userId: 'U400', channel: 'D400' }, [text('hi')]));
    expect(err?.code).toBe('unreachable');
  });

  it('a person who cannot be found when opening the DM is unreachable', async () => {
    slack.failNext('conversations.open', { error: 'user_not_found' });
    const err = await failure(messenger.send({ userId: 'U401' }, [text('hi')]));
    expect(err?.code).toBe('unreachable');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('a 5xx is transient, tried once', async () => {
    slack.failNext('chat.postMessage', { status: 503 });
    const err = await failure(messenger.send({ userId: 'U500', channel: 'D500' }, [text('hi')]));
    expect(err?.code).toBe('transient');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('a malformed address is invalid and calls nothing', async () => {
    for (const address of [undefined, {}, { userId: 42 }, { chatId: 5 }, 'U1']) {
      const err = await failure(messenger.send(address, [text('hi')]));
      expect(err?.code).toBe('invalid');
    }
    expect(slack.calls).toHaveLength(0);
  });

  it('keeps to Slack’s posting pace', () => {
    expect(messenger.platform).toBe('slack');
    expect(messenger.limits.perConversationPerSecond).toBeLessThanOrEqual(1);
  });
});
