// Block Kit rendering: what a Slack user would see, always within Slack's limits.
import { describe, expect, it } from 'vitest';
import {
  CHOICE_ACTION_PREFIX,
  SLACK_LIMITS,
  escapeSlack,
  renderSlackMessages,
  renderSlackUpdate,
  splitSlackText,
  type SlackMessage,
} from '../../adapters/slack/render.js';
import { renderHomeView } from '../../adapters/slack/home.js';
import { slackManifest } from '../../adapters/slack/index.js';
import { commandMenu } from '../../src/app/commands.js';
import { fixtureContent } from '../quiz/fixture.js';

type AnyBlock = { type: string; text?: { text: string }; elements?: { type: string; text: { text: string }; value: string; action_id: string }[] };
const blocksOf = (m: SlackMessage) => m.blocks as unknown as AnyBlock[];
const sectionTexts = (m: SlackMessage) => blocksOf(m).filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
const buttons = (m: SlackMessage) => blocksOf(m).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));

/** Every limit Slack enforces on a message we render. */
function expectWithinLimits(m: SlackMessage) {
  expect(m.blocks.length).toBeGreaterThan(0);
  expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.messageBlocks);
  for (const t of sectionTexts(m)) {
    expect(t.length).toBeGreaterThan(0);
    expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
  }
  for (const b of blocksOf(m).filter((x) => x.type === 'actions')) expect(b.elements?.length).toBeLessThanOrEqual(SLACK_LIMITS.actionsElements);
  const ids = buttons(m).map((b) => b.action_id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const b of buttons(m)) {
    expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
    expect(b.value.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
  }
}

describe('renderSlackMessages', () => {
  it('puts a question and its buttons in one message, values unchanged', () => {
    const [m, ...rest] = renderSlackMessages('Can your customers pay their water bill online?', [
      { label: 'Yes', value: 'r:abc:0:yes' },
      { label: 'Partly', value: 'r:abc:0:partly' },
      { label: 'No', value: 'r:abc:0:no' },
      { label: "Don't know", value: 'r:abc:0:dk' },
    ]);
    if (!m) throw new Error('no message rendered');
    expect(rest).toEqual([]);
    expect(sectionTexts(m)).toEqual(['Can your customers pay their water bill online?']);
    expect(buttons(m).map((b) => [b.text.text, b.value])).toEqual([
      ['Yes', 'r:abc:0:yes'],
      ['Partly', 'r:abc:0:partly'],
      ['No', 'r:abc:0:no'],
      ["Don't know", 'r:abc:0:dk'],
    ]);
    expect(buttons(m).every((b) => b.action_id.startsWith(CHOICE_ACTION_PREFIX))).toBe(true);
    expect(m!.text).toBe('Can your customers pay their water bill online?');
    expectWithinLimits(m);
  });

  it('shows text as plain text, so it cannot ping @channel, fake a link or turn *bold*; the mrkdwn fallback is escaped', () => {
    const [m] = renderSlackMessages('Tom & Jerry <!channel> say *2* > _1_');
    if (!m) throw new Error('no message rendered');
    expect(blocksOf(m).map((b) => b.text)).toEqual([{ type: 'plain_text', text: 'Tom & Jerry <!channel> say *2* > _1_', emoji: false }]);
    expect(m!.text).toBe('Tom &amp; Jerry &lt;!channel&gt; say *2* &gt; _1_');
  });

  it('spreads long text over sections of at most 3000 characters, losing nothing', () => {
    const paragraph = 'Digital government needs a whole-of-government approach. '.repeat(40).trim();
    const long = Array.from({ length: 6 }, (_, i) => `${i + 1}. ${paragraph}`).join('\n\n');
    const messages = renderSlackMessages(long);
    expect(messages).toHaveLength(1);
    const texts = sectionTexts(messages[0]!);
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.join(' ').replace(/\s+/g, ' ')).toBe(long.replace(/\s+/g, ' '));
    messages.forEach(expectWithinLimits);
  });

  it('counts escapes against the limit: 3000 ampersands fit in no single section', () => {
    const pieces = splitSlackText('&'.repeat(3000));
    expect(pieces.length).toBe(5);
    for (const p of pieces) expect(escapeSlack(p).length).toBeLessThanOrEqual(3000);
    expect(pieces.join('')).toBe('&'.repeat(3000));
  });

  it('never splits an emoji in half', () => {
    const text = '🙂'.repeat(2000); // 4000 UTF-16 units
    const pieces = splitSlackText(text);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) expect(p).toMatch(/^(\u{1F642})+$/u);
  });

  it('past 50 blocks, continues in another message with the buttons on the last one', () => {
    const huge = Array.from({ length: 60 }, (_, i) => `Paragraph ${i}: ${'x'.repeat(2980)}`).join('\n\n');
    const messages = renderSlackMessages(huge, [{ label: 'Next', value: 'q:s:1:0' }]);
    expect(messages).toHaveLength(2);
    messages.forEach(expectWithinLimits);
    expect(buttons(messages[0]!)).toEqual([]);
    expect(buttons(messages[1]!).map((b) => b.text.text)).toEqual(['Next']);
    expect(messages.flatMap(sectionTexts)).toHaveLength(60);
  });

  it('shortens long button labels to 75 characters and puts at most 25 buttons in an actions block', () => {
    const choices = Array.from({ length: 30 }, (_, i) => ({ label: `Choice ${i} ${'long '.repeat(30)}`, value: `q:s:0:${i}` }));
    const [m] = renderSlackMessages('Pick one', choices);
    if (!m) throw new Error('no message rendered');
    expectWithinLimits(m);
    expect(blocksOf(m).filter((b) => b.type === 'actions')).toHaveLength(2);
    expect(buttons(m)).toHaveLength(30);
    expect(buttons(m)[0]!.text.text.endsWith('…')).toBe(true);
  });

  it('leaves out a button whose value is longer than Slack allows instead of corrupting it', () => {
    const [m] = renderSlackMessages('Pick', [
      { label: 'Fine', value: 'ok' },
      { label: 'Too long', value: 'v'.repeat(2001) },
    ]);
    if (!m) throw new Error('no message rendered');
    expect(buttons(m).map((b) => b.text.text)).toEqual(['Fine']);
  });
});

describe('renderSlackUpdate', () => {
  it('is the answered question with no buttons', () => {
    const m = renderSlackUpdate('Question 1 of 6\nCan your customers pay their water bill online?\nYour answer: Yes');
    expect(sectionTexts(m)).toEqual(['Question 1 of 6\nCan your customers pay their water bill online?\nYour answer: Yes']);
    expect(buttons(m)).toEqual([]);
    expectWithinLimits(m);
  });

  it('stays one message within limits, however long', () => {
    const m = renderSlackUpdate('y '.repeat(200_000));
    expectWithinLimits(m);
  });
});

describe('App Home and manifest', () => {
  it('shows the how-to and the person’s results, as plain text', () => {
    const view = renderHomeView('Your results:\n• 2026-11-27 · readiness 6/6 (Advanced) <b>');
    expect(view.type).toBe('home');
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('/readiness');
    expect(text).toContain('{"type":"plain_text","text":"Your results:\\n• 2026-11-27 · readiness 6/6 (Advanced) <b>","emoji":false}');
    expect(view.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.homeBlocks);
  });

  it('says so when results could not be loaded', () => {
    expect(JSON.stringify(renderHomeView(undefined).blocks)).toContain('could not be loaded');
  });

  it('points events, interactivity and every command at /slack/events', () => {
    const m = slackManifest('https://bot.example.org/', { menu: commandMenu(fixtureContent()) }) as {
      features: { slash_commands: { command: string; url?: string }[] };
      settings: { event_subscriptions: { request_url?: string; bot_events: string[] }; interactivity: { request_url?: string }; socket_mode_enabled: boolean };
      oauth_config: { scopes: { bot: string[] } };
    };
    const url = 'https://bot.example.org/slack/events';
    expect(m.settings.event_subscriptions.request_url).toBe(url);
    expect(m.settings.interactivity.request_url).toBe(url);
    expect(m.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_mention', 'message.im', 'app_home_opened']));
    expect(m.features.slash_commands.map((c) => c.command)).toEqual(expect.arrayContaining(['/ask', '/quiz', '/readiness']));
    expect(m.features.slash_commands.every((c) => c.url === url)).toBe(true);
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['chat:write', 'files:write', 'im:write', 'commands']));
    expect(m.settings.socket_mode_enabled).toBe(false);
  });

  it('has no request URLs in Socket Mode', () => {
    const m = slackManifest('https://ignored.example', { socketMode: true, menu: commandMenu(fixtureContent()) });
    expect(JSON.stringify(m)).not.toContain('ignored.example');
    expect((m.settings as { socket_mode_enabled: boolean }).socket_mode_enabled).toBe(true);
  });
});
