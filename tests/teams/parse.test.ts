// Teams activity parsing: personal vs channel, mentions, card submissions, welcome, delivery ids, addresses.
import { describe, expect, test } from 'vitest';
import type { Activity } from 'botbuilder';
import { parseTeamsMessage, parseTeamsWelcome } from '../../adapters/teams/parse.js';
import { readBotFrameworkSettings, createTeamsAuthentication, MISSING_APP_ID } from '../../adapters/teams/settings.js';

const BOT = { id: '28:bot-app-id', name: 'Workshop Assistant' };
const USER = { id: '29:1abc', name: 'Ana Lima', aadObjectId: 'aad-1' };

function activity(over: Partial<Activity>): Partial<Activity> {
  return {
    type: 'message',
    id: '1700000000001',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/amer/',
    from: USER,
    recipient: BOT,
    conversation: { id: 'a:1personal', conversationType: 'personal', isGroup: false, name: '' },
    text: 'What is once-only?',
    ...over,
  } as Partial<Activity>;
}

const mention = (text = '<at>Workshop Assistant</at>') => ({ type: 'mention', text, mentioned: BOT });
const CHANNEL = { id: '19:abc@thread.tacv2;messageid=170', conversationType: 'channel', isGroup: true, name: '' };

describe('parseTeamsMessage', () => {
  test('personal chat: any text is for the bot, with a delivery id and a conversation reference', () => {
    const m = parseTeamsMessage(activity({}))!;
    expect(m.user).toEqual({ platform: 'teams', id: '29:1abc', name: 'Ana Lima' });
    expect(m.conversation).toEqual({ id: 'a:1personal', type: 'direct' });
    expect(m.text).toBe('What is once-only?');
    expect(m.deliveryId).toBe('teams:a:1personal:1700000000001');
    expect(m.address).toMatchObject({
      serviceUrl: 'https://smba.trafficmanager.net/amer/',
      channelId: 'msteams',
      conversation: { id: 'a:1personal' },
      user: { id: '29:1abc' },
      bot: { id: '28:bot-app-id' },
    });
    expect(JSON.parse(JSON.stringify(m.address))).toEqual(m.address);
  });

  test('channel message without a mention is not addressed', () => {
    const m = parseTeamsMessage(activity({ conversation: CHANNEL as Activity['conversation'], text: 'lunch anyone?' }))!;
    expect(m.conversation.type).toBe('group');
    expect(m.addressed).toBe(false);
  });

  test('channel message mentioning the bot is addressed, with the mention stripped', () => {
    const m = parseTeamsMessage(
      activity({ conversation: CHANNEL as Activity['conversation'], text: '<at>Workshop Assistant</at>&nbsp;What is  once-only?', entities: [mention()] }),
    )!;
    expect(m.addressed).toBe(true);
    expect(m.text).toBe('What is once-only?');
    // A channel's reference is not kept as the person's address: follow-ups are personal.
    expect(m.address).toBeUndefined();
  });

  test("a mention of someone else neither addresses the bot nor is stripped", () => {
    const other = { type: 'mention', text: '<at>Bo</at>', mentioned: { id: '29:bo', name: 'Bo' } };
    const m = parseTeamsMessage(activity({ conversation: { ...CHANNEL, conversationType: 'groupChat' } as Activity['conversation'], text: '<at>Bo</at> hi', entities: [other] }))!;
    expect(m.addressed).toBe(false);
    expect(m.text).toBe('<at>Bo</at> hi');
  });

  test('an Action.Submit from our card becomes an action, addressed even in a channel', () => {
    const m = parseTeamsMessage(activity({ conversation: CHANNEL as Activity['conversation'], text: undefined, value: { choice: 'r:s1:0:yes' }, replyToId: 'card-1' }))!;
    expect(m.action).toBe('r:s1:0:yes');
    expect(m.addressed).toBe(true);
    expect(m.text).toBeUndefined();
  });

  test('a value that is not one of our choices is ignored as an action', () => {
    expect(parseTeamsMessage(activity({ value: { other: 1 } }))!.action).toBeUndefined();
    expect(parseTeamsMessage(activity({ value: { choice: 42 } }))!.action).toBeUndefined();
    expect(parseTeamsMessage(activity({ value: { choice: 'x'.repeat(1000) } }))!.action).toBeUndefined();
  });

  test('the Emulator (no conversationType) is a direct chat', () => {
    const m = parseTeamsMessage(activity({ channelId: 'emulator', conversation: { id: 'c1' } as Activity['conversation'] }))!;
    expect(m.conversation.type).toBe('direct');
  });

  test('an activity without a sender or conversation gives nothing', () => {
    expect(parseTeamsMessage(activity({ from: undefined }))).toBeUndefined();
    expect(parseTeamsMessage(activity({ conversation: undefined }))).toBeUndefined();
    expect(parseTeamsMessage(activity({ type: 'typing' }))).toBeUndefined();
  });
});

describe('parseTeamsWelcome', () => {
  test('installing the bot becomes /start', () => {
    const m = parseTeamsWelcome(activity({ type: 'conversationUpdate', text: undefined, membersAdded: [BOT] }))!;
    expect(m.text).toBe('/start');
    expect(m.deliveryId).toBe('teams:a:1personal:1700000000001');
  });

  test('someone else joining a team channel is not a welcome', () => {
    const joined = activity({ type: 'conversationUpdate', conversation: CHANNEL as Activity['conversation'], membersAdded: [{ id: '29:new', name: 'New' }] });
    expect(parseTeamsWelcome(joined)).toBeUndefined();
    expect(parseTeamsWelcome(activity({ type: 'conversationUpdate', membersRemoved: [BOT] }))).toBeUndefined();
  });
});

describe('Bot Framework settings', () => {
  test('reads the standard keys, trimmed; one endpoint override fills the others with public-cloud values', () => {
    const s = readBotFrameworkSettings({ MicrosoftAppId: ' abc ', MicrosoftAppPassword: '', ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:1/meta', OTHER: 'x' });
    expect(s.MicrosoftAppId).toBe('abc');
    expect(s.MicrosoftAppPassword).toBeUndefined();
    expect(s.ToBotFromChannelOpenIdMetadataUrl).toBe('http://127.0.0.1:1/meta');
    expect(s.ToBotFromChannelTokenIssuer).toBe('https://api.botframework.com');
    expect(s.ToChannelFromBotLoginUrl).toBe('https://login.microsoftonline.com/botframework.com');
    expect(s).not.toHaveProperty('OTHER');
  });

  test('no override leaves the endpoints to botbuilder', () => {
    expect(readBotFrameworkSettings({ MicrosoftAppId: 'abc' })).toEqual({ MicrosoftAppId: 'abc' });
  });

  test('without an app id authentication is refused unless in emulator mode', () => {
    expect(() => createTeamsAuthentication({}, { emulator: false })).toThrow(MISSING_APP_ID);
    expect(() => createTeamsAuthentication({}, { emulator: true })).not.toThrow();
  });

  test('hands out one connector client per service URL, to turns and follow-ups alike', async () => {
    const auth = createTeamsAuthentication({ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'p' }, { emulator: false });
    // The claims of a follow-up for this bot (as CloudAdapter.continueConversationAsync builds them).
    const claims = { claims: [{ type: 'aud', value: 'abc' }], isAuthenticated: true, getClaimValue: (t: string) => (t === 'aud' ? 'abc' : null) };
    const factory = () => auth.createConnectorFactory(claims as unknown as Parameters<typeof auth.createConnectorFactory>[0]);
    const amer = await factory().create('https://smba.trafficmanager.net/amer/', 'https://api.botframework.com');
    expect(await factory().create('https://smba.trafficmanager.net/amer/', 'https://api.botframework.com')).toBe(amer);
    const emea = await factory().create('https://smba.trafficmanager.net/emea/', 'https://api.botframework.com');
    expect(emea).not.toBe(amer);
    expect((emea as unknown as { baseUri?: string }).baseUri).toBe('https://smba.trafficmanager.net/emea/');
  });

  test("botbuilder's own setting checks become a clear start-up error", () => {
    expect(() => createTeamsAuthentication({ MicrosoftAppId: 'abc', MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'p' }, { emulator: false })).toThrow(
      /Teams settings are incomplete: .*MicrosoftAppTenantId/,
    );
  });
});
