// Adaptive Card and attachment rendering for Teams: what the person would see for each neutral message.
import { describe, expect, test } from 'vitest';
import { renderFileConsent } from '../../adapters/teams/files.js';
import { ADAPTIVE_CARD, MAX_BUTTONS, MAX_TEXT, NO_FILES_HERE, renderAnsweredCard, renderChoiceCard, renderTeamsActivity } from '../../adapters/teams/render.js';
import type { Choice } from '../../src/core/messages.js';

const READINESS: Choice[] = [
  { label: 'Yes', value: 'r:s1:0:yes' },
  { label: 'Partly', value: 'r:s1:0:partly' },
  { label: 'No', value: 'r:s1:0:no' },
  { label: "Don't know", value: 'r:s1:0:unknown' },
];

describe('renderTeamsActivity', () => {
  test('plain text is sent as plain text, so * and _ are not read as markdown', () => {
    const a = renderTeamsActivity({ kind: 'text', text: 'Use *once-only* data_sharing.' });
    expect(a).toEqual({ type: 'message', text: 'Use *once-only* data_sharing.', textFormat: 'plain' });
  });

  test('text with choices becomes an Adaptive Card with one Action.Submit per choice carrying its value', () => {
    const a = renderTeamsActivity({ kind: 'text', text: 'Question 1 of 6\nCan your customers pay their water bill online?', choices: READINESS });
    expect(a.text).toBeUndefined();
    expect(a.attachments).toHaveLength(1);
    const [att] = a.attachments!;
    expect(att!.contentType).toBe(ADAPTIVE_CARD);
    const card = att!.content;
    expect(card.type).toBe('AdaptiveCard');
    expect(card.body.map((b: { text: string }) => b.text)).toEqual(['Question 1 of 6', 'Can your customers pay their water bill online?']);
    expect(card.actions).toEqual(READINESS.map((c) => ({ type: 'Action.Submit', title: c.label, data: { choice: c.value } })));
  });

  test('an update is a card with the answered text and no buttons', () => {
    const a = renderTeamsActivity({ kind: 'update', text: 'Question 1 of 6\nYour answer: Yes' });
    const card = a.attachments![0]!.content;
    expect(card.actions).toBeUndefined();
    expect(card.body.map((b: { text: string }) => b.text).join('\n')).toBe('Question 1 of 6\nYour answer: Yes');
  });

  test('an image is an inline PNG data-URL attachment with its alt text as the caption', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const a = renderTeamsActivity({ kind: 'image', png, alt: 'Your readiness: 6/6', filename: 'readiness.png' });
    expect(a.attachments).toEqual([{ contentType: 'image/png', contentUrl: `data:image/png;base64,${png.toString('base64')}`, name: 'readiness.png' }]);
    expect(a.text).toBe('Your readiness: 6/6');
  });

  test('a file is offered on a FileConsentCard with its name, size and caption (never a data: URL)', () => {
    const data = Buffer.from('name,score\nAna,16\n');
    const a = renderFileConsent({ kind: 'file', data, filename: 'results.csv', mime: 'text/csv', caption: 'Your cohort' }, 'f-1');
    expect(a.attachments).toEqual([
      {
        contentType: 'application/vnd.microsoft.teams.card.file.consent',
        name: 'results.csv',
        content: { description: 'Your cohort', sizeInBytes: data.length, acceptContext: { fileId: 'f-1' }, declineContext: { fileId: 'f-1' } },
      },
    ]);
    // Outside a personal chat Teams takes no file from a bot: the person is told where to ask.
    expect(renderTeamsActivity({ kind: 'file', data, filename: 'results.csv', mime: 'text/csv' })).toEqual({ type: 'message', text: NO_FILES_HERE, textFormat: 'plain' });
  });

  test('very long text is cut to stay under the Teams message size cap', () => {
    const a = renderTeamsActivity({ kind: 'text', text: 'x'.repeat(50_000) });
    expect(a.text!.length).toBe(MAX_TEXT);
    expect(a.text!.endsWith('…')).toBe(true);
  });
});

describe('renderChoiceCard', () => {
  test('more choices than Teams shows as buttons become an expanded choice list with one submit', () => {
    const many = Array.from({ length: MAX_BUTTONS + 2 }, (_, i) => ({ label: `Option ${i + 1}`, value: `v${i}` }));
    const card = renderChoiceCard('Pick one', many);
    const list = card.body.find((b) => b.type === 'Input.ChoiceSet') as { id: string; choices: { title: string; value: string }[] };
    expect(list.id).toBe('choice');
    expect(list.choices.map((c) => c.value)).toEqual(many.map((c) => c.value));
    expect(card.actions).toEqual([{ type: 'Action.Submit', title: 'Answer' }]);
  });

  test('blank lines stay as spacing rather than vanishing', () => {
    const card = renderAnsweredCard('a\n\nb');
    expect(card.body.map((b) => b.text)).toEqual(['a', ' ', 'b']);
  });
});
