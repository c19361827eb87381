// Property tests: each adapter's parsing of incoming payloads, called directly with random payloads of the
// platform's shape: any optional field missing, odd values, unknown event types and extra fields. A parser
// returns a well-formed Incoming or undefined and never throws. (Payloads that break the platform's schema,
// which only an authenticated platform could send, are posted to the real endpoints in endpoints.property.test.ts.)
import fc from 'fast-check';
import type { Update } from 'grammy/types';
import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { parseUpdate } from '../../adapters/telegram/parse.js';
import { parseBlockAction, parseDirectMessage, parseMention, parseSlashCommand, slackTextToPlain } from '../../adapters/slack/parse.js';
import { parseTeamsMessage, parseTeamsWelcome } from '../../adapters/teams/parse.js';
import type { Incoming } from '../../src/core/messages.js';

const RUNS = { numRuns: 300 };

/** Any JSON-ish value, including the wrong types where a field is expected. */
const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { maxKeys: 3 }),
);

/** An object with some of the fields of `shape` (each of its type) and maybe an unknown extra field. */
const loose = (shape: Record<string, fc.Arbitrary<unknown>>, required: string[] = []): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .tuple(fc.record(shape, { requiredKeys: required }), fc.dictionary(fc.constantFrom('x_future', 'extra', 'unknown_field'), junk, { maxKeys: 1 }))
    .map(([known, extra]) => ({ ...extra, ...known }));

/** As `loose`, but any field may also hold a value of the wrong type (Slack's parsers promise to check everything). */
const mistyped = (shape: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> =>
  fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, fc.oneof(v, junk)])), { requiredKeys: [] });

function expectWellFormed(incoming: Incoming | undefined, platform: string): void {
  if (incoming === undefined) return;
  expect(incoming.user.platform).toBe(platform);
  expect(typeof incoming.user.id).toBe('string');
  expect(incoming.user.id.length).toBeGreaterThan(0);
  expect(typeof incoming.conversation.id).toBe('string');
  expect(['direct', 'group']).toContain(incoming.conversation.type);
  expect(incoming.text !== undefined || incoming.action !== undefined).toBe(true);
  if (incoming.text !== undefined) expect(typeof incoming.text).toBe('string');
  if (incoming.action !== undefined) expect(typeof incoming.action).toBe('string');
  if (incoming.deliveryId !== undefined) expect(incoming.deliveryId.startsWith(`${platform}:`)).toBe(true);
  // The address is kept in the store as JSON: it must survive the round trip.
  expect(JSON.parse(JSON.stringify(incoming.address ?? null))).toEqual(incoming.address ?? null);
}

describe('Telegram parseUpdate', () => {
  const me = { id: 123456789, username: 'WorkshopTestBot' };
  const user = loose({ id: fc.integer(), is_bot: fc.boolean(), first_name: fc.string(), last_name: fc.string(), username: fc.string() }, ['id', 'is_bot', 'first_name']);
  const chat = loose({ id: fc.integer(), type: fc.constantFrom('private', 'group', 'supergroup', 'channel'), title: fc.string() }, ['id', 'type']);
  const message = loose(
    {
      message_id: fc.integer(),
      from: user,
      chat,
      date: fc.integer(),
      text: fc.string({ unit: 'grapheme' }),
      caption: fc.string(),
      sender_chat: chat,
      reply_to_message: loose({ message_id: fc.integer(), from: user, chat, date: fc.integer() }, ['message_id', 'chat', 'date']),
      entities: fc.array(loose({ type: fc.string(), offset: fc.integer(), length: fc.integer() })),
    },
    ['message_id', 'chat', 'date'],
  );
  const update = loose(
    {
      update_id: fc.integer(),
      message,
      edited_message: message,
      channel_post: message,
      callback_query: loose({ id: fc.string(), from: user, message, data: fc.string(), chat_instance: fc.string() }, ['id', 'from', 'chat_instance']),
      some_future_update: junk,
    },
    ['update_id'],
  );

  it('returns a well-formed Incoming or undefined for any update, and never throws', () => {
    fc.assert(
      fc.property(update, (u) => {
        expectWellFormed(parseUpdate(u as unknown as Update, me), 'telegram');
      }),
      RUNS,
    );
  });
});

describe('Slack parsers', () => {
  const user = fc.oneof(fc.constantFrom('U0AMINA', 'U0BOT'), fc.string());
  const channel = fc.oneof(fc.constantFrom('D0AMINA', 'C0GENERAL'), fc.string());
  const event = mistyped({
    type: fc.constantFrom('message', 'app_mention', 'reaction_added', 'app_home_opened'),
    channel_type: fc.constantFrom('im', 'channel', 'group'),
    channel,
    user,
    text: fc.string({ unit: 'grapheme' }),
    ts: fc.string(),
    thread_ts: fc.string(),
    bot_id: fc.string(),
    subtype: fc.string(),
    team: fc.string(),
  });
  const body = mistyped({ type: fc.constantFrom('event_callback', 'block_actions', 'url_verification'), team_id: fc.string(), event_id: fc.string(), event });
  const action = mistyped({ type: fc.constant('button'), action_id: fc.constantFrom('wb_choice_0', 'other'), value: fc.string(), action_ts: fc.string() });
  const interaction = mistyped({
    type: fc.constantFrom('block_actions', 'view_submission', 'shortcut'),
    user: mistyped({ id: user, name: fc.string(), team_id: fc.string() }),
    channel: mistyped({ id: channel }),
    container: mistyped({ message_ts: fc.string(), channel_id: channel, thread_ts: fc.string() }),
    message: mistyped({ ts: fc.string(), thread_ts: fc.string() }),
    team: mistyped({ id: fc.string() }),
    trigger_id: fc.string(),
    actions: fc.oneof(fc.array(action, { maxLength: 2 }), junk),
  });
  const command = mistyped({ command: fc.oneof(fc.constantFrom('/quiz', '/workshop', '/readiness'), fc.string()), text: fc.string({ unit: 'grapheme' }), user_id: user, channel_id: channel, trigger_id: fc.string(), team_id: fc.string(), user_name: fc.string() });

  it('message and mention events give a well-formed Incoming or undefined', () => {
    fc.assert(
      fc.property(body, event, fc.option(fc.constant('U0BOT'), { nil: undefined }), (b, e, botUserId) => {
        expectWellFormed(parseDirectMessage(b, e, botUserId)?.incoming, 'slack');
        expectWellFormed(parseMention(b, e, botUserId)?.incoming, 'slack');
      }),
      RUNS,
    );
  });

  it('button presses and slash commands give a well-formed Incoming or undefined', () => {
    fc.assert(
      fc.property(interaction, command, (i, c) => {
        expectWellFormed(parseBlockAction(i)?.incoming, 'slack');
        expectWellFormed(parseSlashCommand(c)?.incoming, 'slack');
      }),
      RUNS,
    );
  });

  it('slackTextToPlain takes any text, with any markup fragments, to a trimmed string', () => {
    const fragment = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('<@U0BOT>', '<@U1|amina>', '<#C1|general>', '<!here>', '<!subteam^S1>', '<https://x.org|x>', '<', '>', '|', '&amp;', '&lt;', '\n'));
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 12 }), (parts) => {
        const plain = slackTextToPlain(parts.join(''), 'U0BOT');
        expect(plain).toBe(plain.trim());
        expect(plain).not.toContain('<@U0BOT>');
      }),
      RUNS,
    );
  });
});

describe('Teams parsers', () => {
  const account = loose({ id: fc.oneof(fc.constantFrom('29:amina', '28:bot'), fc.string()), name: fc.string(), aadObjectId: fc.string() }, ['id', 'name']);
  const activity = loose({
    type: fc.constantFrom('message', 'conversationUpdate', 'invoke', 'typing', 'messageReaction', 'event'),
    id: fc.string(),
    text: fc.string({ unit: 'grapheme' }),
    value: fc.oneof(loose({ choice: fc.string() }), junk), // Activity.value is `any`
    from: account,
    recipient: account,
    conversation: loose({ id: fc.string(), conversationType: fc.constantFrom('personal', 'channel', 'groupChat'), isGroup: fc.boolean(), tenantId: fc.string() }),
    serviceUrl: fc.constantFrom('https://smba.trafficmanager.net/amer/', 'http://127.0.0.1:1/'),
    channelId: fc.constantFrom('msteams', 'emulator'),
    entities: fc.array(loose({ type: fc.constantFrom('mention', 'clientInfo'), text: fc.string(), mentioned: account }, ['type']), { maxLength: 3 }),
    membersAdded: fc.array(account, { maxLength: 3 }),
    replyToId: fc.string(),
  });

  it('message and conversationUpdate activities give a well-formed Incoming or undefined', () => {
    fc.assert(
      fc.property(activity, (a) => {
        expectWellFormed(parseTeamsMessage(a as Partial<Activity>), 'teams');
        expectWellFormed(parseTeamsWelcome(a as Partial<Activity>), 'teams');
      }),
      RUNS,
    );
  });
});
