// Pure rendering of neutral text and choices into Slack Block Kit messages, within Slack's limits.
import type { types } from '@slack/bolt';
import type { Choice } from '../../src/core/messages.js';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

/** Block Kit limits (https://docs.slack.dev/reference/block-kit). */
export const SLACK_LIMITS = {
  /** Characters in a section block's text. */
  sectionText: 3000,
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in a Home tab view. */
  homeBlocks: 100,
  /** Characters in a button's label. */
  buttonText: 75,
  /** Characters in a button's value. */
  buttonValue: 2000,
  /** Elements in one actions block. */
  actionsElements: 25,
  /** Characters we put in a message's top-level `text` (the notification and screen-reader fallback). */
  fallbackText: 3000,
} as const;

/** Every button the bot renders has an action_id starting with this, so one listener takes them all. */
export const CHOICE_ACTION_PREFIX = 'wb_choice_';

export interface SlackMessage {
  /** Fallback text for notifications and accessibility. */
  text: string;
  blocks: KnownBlock[];
}

/** Escapes the three characters Slack's mrkdwn treats as control characters (also stops @channel pings). */
export function escapeSlack(raw: string): string {
  return raw.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const escapedLength = (s: string): number => escapeSlack(s).length;

/**
 * Splits text into pieces whose escaped length is at most `max` (the escaped length bounds the fallback text,
 * which is mrkdwn, and is never shorter than the plain text of a section), breaking at a paragraph, a line
 * or a space when one is near, and never inside a surrogate pair.
 */
export function splitSlackText(raw: string, max: number = SLACK_LIMITS.sectionText): string[] {
  const pieces: string[] = [];
  let rest = raw.trim();
  while (rest && escapedLength(rest) > max) {
    let fit = 0;
    let used = 0;
    while (fit < rest.length) {
      const ch = rest.charAt(fit);
      const step = /[&<>]/.test(ch) ? (ch === '&' ? 5 : 4) : 1;
      if (used + step > max) break;
      used += step;
      fit += 1;
    }
    if (fit > 0 && /[\uD800-\uDBFF]/.test(rest.charAt(fit - 1))) fit -= 1;
    const window = rest.slice(0, fit);
    const floor = Math.floor(fit / 2);
    let cut = window.lastIndexOf('\n\n');
    if (cut < floor) cut = window.lastIndexOf('\n');
    if (cut < floor) cut = window.lastIndexOf(' ');
    if (cut < floor) cut = fit;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** Cuts text to `max` characters, ending with an ellipsis when cut. */
export function truncate(raw: string, max: number): string {
  if (raw.length <= max) return raw;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(raw.charAt(end - 1))) end -= 1;
  return `${raw.slice(0, end)}…`;
}

/**
 * The core's text is plain, and part of it is what people typed (questions in /unanswered and /report): as
 * mrkdwn, *word* and _word_ would turn bold or italic, and mrkdwn has no escape for them. plain_text shows it as
 * written (no formatting, no mentions, no links to parse); emoji false keeps ':codes:' as typed too.
 */
const section = (piece: string): KnownBlock => ({ type: 'section', text: { type: 'plain_text', text: piece, emoji: false } });

export function sectionBlocks(raw: string): KnownBlock[] {
  return splitSlackText(raw).map(section);
}

/**
 * Buttons for the choices, 25 to an actions block. A value longer than Slack allows cannot be
 * shortened without breaking it, so such a choice is left out (the core keeps values to 64 bytes).
 */
export function choiceBlocks(choices: Choice[]): KnownBlock[] {
  const buttons: Button[] = [];
  choices.forEach((c, i) => {
    if (!c.value || c.value.length > SLACK_LIMITS.buttonValue) return;
    buttons.push({
      type: 'button',
      action_id: `${CHOICE_ACTION_PREFIX}${i}`,
      text: { type: 'plain_text', text: truncate(c.label.trim() || '…', SLACK_LIMITS.buttonText), emoji: true },
      value: c.value,
    });
  });
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < buttons.length; i += SLACK_LIMITS.actionsElements) {
    blocks.push({ type: 'actions', block_id: `wb_choices_${blocks.length}`, elements: buttons.slice(i, i + SLACK_LIMITS.actionsElements) });
  }
  return blocks;
}

const fallback = (raw: string): string => escapeSlack(truncate(raw.trim() || ' ', SLACK_LIMITS.fallbackText));

/**
 * One neutral text message (with optional buttons) as one or more Slack messages: long text is
 * spread over sections and, past 50 blocks, over several messages; the buttons go on the last one.
 */
export function renderSlackMessages(raw: string, choices: Choice[] = []): SlackMessage[] {
  const messages: SlackMessage[] = [];
  const pieces = splitSlackText(raw);
  for (let i = 0; i < pieces.length; i += SLACK_LIMITS.messageBlocks) {
    const mine = pieces.slice(i, i + SLACK_LIMITS.messageBlocks);
    // Each message's fallback is its own text, so notifications read naturally.
    messages.push({ text: fallback(mine.join('\n')), blocks: mine.map(section) });
  }
  const buttons = choiceBlocks(choices);
  if (buttons.length) {
    const last = messages[messages.length - 1];
    if (last && last.blocks.length + buttons.length <= SLACK_LIMITS.messageBlocks) last.blocks.push(...buttons);
    else messages.push({ text: fallback(raw), blocks: buttons });
  }
  return messages;
}

/**
 * The text that replaces a question once answered: the same message, without its buttons. It must
 * stay one message, so text beyond 50 sections is cut.
 */
export function renderSlackUpdate(raw: string): SlackMessage {
  const blocks = sectionBlocks(raw).slice(0, SLACK_LIMITS.messageBlocks);
  return { text: fallback(raw), blocks: blocks.length ? blocks : sectionBlocks('…') };
}
