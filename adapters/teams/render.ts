// Neutral Outgoing -> Teams activities: plain text, Adaptive Cards with Action.Submit buttons, data-URL images.
import type { Activity, Attachment } from 'botbuilder';
import type { Choice, Outgoing } from '../../src/core/messages.js';
import { CHOICE_KEY } from './parse.js';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** Teams renders Adaptive Cards up to 1.5 on desktop; 1.4 also works on mobile. */
const CARD_VERSION = '1.4';
/** Teams caps a bot message at 40 KB (UTF-16, images excluded); keep the text well below that. */
export const MAX_TEXT = 12_000;
/** Teams shows at most six buttons in a card's action bar; more choices become a choice list. */
export const MAX_BUTTONS = 6;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: Record<string, unknown>[];
  actions?: Record<string, unknown>[];
}

export function clip(text: string, max = MAX_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function card(body: Record<string, unknown>[], actions?: Record<string, unknown>[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions?.length ? { actions } : {}),
  };
}

/** A TextBlock per paragraph keeps the neutral text's line breaks, which one TextBlock's markdown would join. */
function textBlocks(text: string): Record<string, unknown>[] {
  const lines = clip(text).split('\n');
  return lines.map((line, i) => ({ type: 'TextBlock', text: line || ' ', wrap: true, ...(i ? { spacing: 'None' } : {}) }));
}

/** The question card: its text and one Action.Submit per choice (data carries Choice.value). */
export function renderChoiceCard(text: string, choices: Choice[]): AdaptiveCard {
  if (choices.length <= MAX_BUTTONS) {
    return card(
      textBlocks(text),
      choices.map((c) => ({ type: 'Action.Submit', title: clip(c.label, 100), data: { [CHOICE_KEY]: c.value } })),
    );
  }
  // Too many for buttons: an expanded choice list whose id is the same key, so the submit parses the same way.
  const list = {
    type: 'Input.ChoiceSet',
    id: CHOICE_KEY,
    style: 'expanded',
    isRequired: true,
    errorMessage: 'Please pick one.',
    choices: choices.map((c) => ({ title: clip(c.label, 200), value: c.value })),
  };
  return card([...textBlocks(text), list], [{ type: 'Action.Submit', title: 'Answer' }]);
}

/** The card after its question was answered: the text showing the choice taken, and no buttons. */
export function renderAnsweredCard(text: string): AdaptiveCard {
  return card(textBlocks(text));
}

/** What a file becomes outside a personal chat. */
export const NO_FILES_HERE = 'I can send files only in our personal chat: open a chat with me (in Teams: Apps, find me, then Chat) and send the command there.';

export const cardAttachment = (content: AdaptiveCard): Attachment => ({ contentType: ADAPTIVE_CARD, content });

const dataUrl = (mime: string, data: Buffer): string => `data:${mime};base64,${data.toString('base64')}`;

/**
 * One outgoing message as a Teams activity. 'update' is rendered as the replacement card; the caller
 * decides whether it can replace the original (it needs the card's activity id) or must post it.
 */
export function renderTeamsActivity(message: Outgoing): Partial<Activity> {
  switch (message.kind) {
    case 'text':
      if (message.choices?.length) {
        return { type: 'message', attachments: [cardAttachment(renderChoiceCard(message.text, message.choices))] };
      }
      // The core's text is plain; 'plain' stops Teams reading *, _ or # in answers as markdown.
      return { type: 'message', text: clip(message.text), textFormat: 'plain' };
    case 'update':
      return { type: 'message', attachments: [cardAttachment(renderAnsweredCard(message.text))] };
    case 'image':
      // Teams shows a data-URL image attachment inline; base64 images do not count against the 40 KB cap.
      return {
        type: 'message',
        attachments: [{ contentType: 'image/png', contentUrl: dataUrl('image/png', message.png), name: message.filename }],
        text: clip(message.alt, 500),
        textFormat: 'plain',
      };
    case 'file':
      // Teams takes no file attachments from bots. In a personal chat sendOutgoing offers the file on a
      // FileConsentCard instead (files.ts); anywhere else Teams has no way for a bot to send one: say where to ask.
      return { type: 'message', text: NO_FILES_HERE, textFormat: 'plain' };
  }
}
