// Event parsing: Slack payloads (as Slack sends them) to neutral Incoming messages and reply targets.
import { describe, expect, it } from 'vitest';
import { parseBlockAction, parseDirectMessage, parseMention, parseSlashCommand, slackTextToPlain } from '../../adapters/slack/parse.js';

const BOT = 'U0BOT';
const envelope = (event: Record<string, unknown>) => ({ type: 'event_callback', team_id: 'T1', event_id: 'Ev01', event });

describe('slackTextToPlain', () => {
  it('strips the bot mention and undoes Slack escaping', () => {
    expect(slackTextToPlain(`<@${BOT}> what is &lt;GovTech&gt; &amp; why?`, BOT)).toBe('what is <GovTech> & why?');
    expect(slackTextToPlain(`<@${BOT}|workshop-bot>   hello`, BOT)).toBe('hello');
  });

  it('turns other mentions, channels and links into words', () => {
    expect(slackTextToPlain('ask <@U222|maria> in <#C1|general> see <https://un.org|UN> or <https://x.org>', BOT)).toBe(
      'ask @maria in #general see UN or https://x.org',
    );
    expect(slackTextToPlain('<!here> hi <@U333>', BOT)).toBe('@here hi @U333');
  });
});

describe('parseDirectMessage', () => {
  it('takes any text in the bot DM as a question, with a deduplicating delivery id and a DM address', () => {
    const body = envelope({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'What is e-participation?', ts: '1.1' });
    const parsed = parseDirectMessage(body, body.event, BOT);
    expect(parsed?.incoming).toEqual({
      user: { platform: 'slack', id: 'U1' },
      conversation: { id: 'D1', type: 'direct' },
      text: 'What is e-participation?',
      deliveryId: 'slack:Ev01',
      address: { teamId: 'T1', userId: 'U1', channel: 'D1' },
    });
    expect(parsed?.target).toEqual({ channel: 'D1', threadTs: undefined });
  });

  it('ignores edits, joins, bot messages, the bot itself and channel messages', () => {
    const cases = [
      { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'x', subtype: 'message_changed' },
      { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'x', subtype: 'channel_join' },
      { type: 'message', channel_type: 'im', channel: 'D1', user: 'U9', text: 'x', bot_id: 'B9' },
      { type: 'message', channel_type: 'im', channel: 'D1', user: BOT, text: 'x' },
      { type: 'message', channel_type: 'channel', channel: 'C1', user: 'U1', text: 'x' },
      { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: '   ' },
    ];
    for (const event of cases) expect(parseDirectMessage(envelope(event), event, BOT)).toBeUndefined();
  });
});

describe('parseMention', () => {
  it('answers in the thread of the mention, with the mention stripped and follow-ups by DM', () => {
    const event = { type: 'app_mention', channel: 'C1', user: 'U1', text: `<@${BOT}> what are the 3Ms?`, ts: '100.5' };
    const parsed = parseMention(envelope(event), event, BOT);
    expect(parsed?.incoming).toMatchObject({
      conversation: { id: 'C1', type: 'group' },
      text: 'what are the 3Ms?',
      addressed: true,
      deliveryId: 'slack:Ev01',
      address: { teamId: 'T1', userId: 'U1' },
    });
    expect(parsed?.target).toEqual({ channel: 'C1', threadTs: '100.5' });
  });

  it('stays in an existing thread, and a bare mention asks for help', () => {
    const event = { type: 'app_mention', channel: 'C1', user: 'U1', text: `<@${BOT}>`, ts: '100.9', thread_ts: '100.1' };
    const parsed = parseMention(envelope(event), event, BOT);
    expect(parsed?.incoming.text).toBe('/help');
    expect(parsed?.target.threadTs).toBe('100.1');
  });

  it('ignores mentions by bots', () => {
    const event = { type: 'app_mention', channel: 'C1', user: 'U2', bot_id: 'B2', text: `<@${BOT}> hi`, ts: '1.0' };
    expect(parseMention(envelope(event), event, BOT)).toBeUndefined();
  });
});

describe('parseBlockAction', () => {
  const press = (channel: string, message: Record<string, unknown>) => ({
    type: 'block_actions',
    user: { id: 'U1', username: 'maria', name: 'maria', team_id: 'T1' },
    team: { id: 'T1', domain: 'ws' },
    trigger_id: 'trig-1',
    channel: { id: channel, name: 'x' },
    container: { type: 'message', message_ts: message.ts, channel_id: channel, is_ephemeral: false },
    message,
    actions: [{ type: 'button', action_id: 'wb_choice_0', block_id: 'wb_choices_0', value: 'r:abc:3:yes', action_ts: '1700.42' }],
  });

  it('in a DM: the choice value, an update of the pressed message, replies unthreaded', () => {
    const parsed = parseBlockAction(press('D1', { ts: '55.5', text: 'Q4' }));
    expect(parsed?.incoming).toMatchObject({
      user: { platform: 'slack', id: 'U1', name: 'maria' },
      conversation: { id: 'D1', type: 'direct' },
      action: 'r:abc:3:yes',
      deliveryId: 'slack:action:1700.42',
      address: { teamId: 'T1', userId: 'U1', channel: 'D1' },
    });
    expect(parsed?.target).toEqual({ channel: 'D1', threadTs: undefined, updateTs: '55.5' });
  });

  it('in a channel: continues the question’s thread', () => {
    expect(parseBlockAction(press('C1', { ts: '55.5', thread_ts: '50.0' }))?.target.threadTs).toBe('50.0');
    expect(parseBlockAction(press('C1', { ts: '55.5' }))?.target.threadTs).toBe('55.5');
  });

  it('ignores buttons that are not ours or carry no value', () => {
    const other = press('D1', { ts: '1' });
    other.actions[0]!.action_id = 'someone_else';
    expect(parseBlockAction(other)).toBeUndefined();
    const empty = press('D1', { ts: '1' });
    empty.actions[0]!.value = '';
    expect(parseBlockAction(empty)).toBeUndefined();
  });
});

describe('parseSlashCommand', () => {
  const cmd = (command: string, text: string, channel = 'C1') => ({
    command,
    text,
    user_id: 'U1',
    user_name: 'maria',
    team_id: 'T1',
    channel_id: channel,
    channel_name: channel.startsWith('D') ? 'directmessage' : 'general',
    trigger_id: 'trig-9',
    response_url: 'https://hooks.slack.com/commands/1',
  });

  it('becomes the core’s text command, deduplicated by trigger id', () => {
    const parsed = parseSlashCommand(cmd('/quiz', '10'));
    expect(parsed?.incoming).toMatchObject({ text: '/quiz 10', addressed: true, deliveryId: 'slack:cmd:trig-9', conversation: { id: 'C1', type: 'group' } });
    expect(parsed?.target).toEqual({ channel: 'C1', startThread: true });
    expect(parseSlashCommand(cmd('/ask', ''))?.incoming.text).toBe('/ask');
    expect(parseSlashCommand(cmd('/readiness', '', 'D1'))?.target).toEqual({ channel: 'D1', startThread: false });
  });

  it('the umbrella command reaches any core command', () => {
    expect(parseSlashCommand(cmd('/workshop', 'join ABC123'))?.incoming.text).toBe('/join ABC123');
    expect(parseSlashCommand(cmd('/workshop', '/cohort list'))?.incoming.text).toBe('/cohort list');
    expect(parseSlashCommand(cmd('/workshop', ''))?.incoming.text).toBe('/help');
  });

  it('keeps no DM channel in the address: a command may come from a DM between two people', () => {
    expect(parseSlashCommand(cmd('/results', '', 'D9'))?.incoming.address).toEqual({ teamId: 'T1', userId: 'U1' });
  });
});
