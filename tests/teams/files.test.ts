// Files from the bot in Teams: a FileConsentCard in the personal chat; on accept the bytes go to the upload URL
// Teams gives, then a FileInfoCard. Driven through CloudAdapter against the fake connector (which records uploads).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BOT, nextId, personalMessage, startTeamsHarness, visibleText, type TeamsHarness } from './harness.js';

const CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const INFO = 'application/vnd.microsoft.teams.card.file.info';
const TRAINER_AAD = '3c9a7e1b-2d4f-4a6b-8c0d-1e2f3a4b5c6d';
const trainer = { id: '29:files-trainer', name: 'Tala Trainer' };
const member = { id: '29:files-member', name: 'Mere Tavita' };
const asTrainer = { from: { ...trainer, aadObjectId: TRAINER_AAD } };
const asMember = { from: { ...member, aadObjectId: '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6' } };

let h: TeamsHarness;
let code: string;
beforeAll(async () => {
  h = await startTeamsHarness({ TRAINERS: `teams:${TRAINER_AAD}` });
  await h.post(personalMessage(h.connector, trainer, { ...asTrainer, text: '/cohort new Riverton 2027' }));
  code = /Join code: ([A-Z0-9]{6})/.exec(visibleText(h.connector.sent().at(-1)))![1]!;
  await h.post(personalMessage(h.connector, member, { ...asMember, text: `/join ${code}` }));
});
afterAll(async () => {
  await h?.close();
});

type Call = (typeof h.connector.calls)[number];
const consentCards = (calls: Call[]) => calls.filter((c) => c.body?.attachments?.[0]?.contentType === CONSENT);

/** Asks for an export in the trainer's personal chat and returns the consent card's call. */
async function exportCard(): Promise<Call> {
  const before = h.connector.calls.length;
  expect((await h.post(personalMessage(h.connector, trainer, { ...asTrainer, text: `/export ${code}` }))).status).toBe(200);
  const [card] = consentCards(h.connector.calls.slice(before));
  if (!card) throw new Error('no FileConsentCard');
  return card;
}

/** What Teams sends when the person presses Allow or Decline on the card. */
function consent(card: Call, action: 'accept' | 'decline', who: { from: object } = asTrainer, session = nextId()) {
  const content = card.body.attachments[0].content;
  return personalMessage(h.connector, trainer, {
    ...who,
    type: 'invoke',
    name: 'fileConsent/invoke',
    replyToId: card.id,
    value: {
      type: 'fileUpload',
      action,
      context: action === 'accept' ? content.acceptContext : content.declineContext,
      ...(action === 'accept'
        ? {
            uploadInfo: {
              contentUrl: `https://contoso.sharepoint.com/personal/tala/Documents/Applications/${card.body.attachments[0].name}`,
              name: card.body.attachments[0].name,
              uploadUrl: h.connector.uploadUrl(session),
              uniqueId: `UNIQ-${session}`,
              fileType: 'csv',
            },
          }
        : {}),
    },
  });
}

describe('/export in a Teams personal chat', () => {
  test('offers the CSV on a FileConsentCard, not as a data: URI', async () => {
    const card = await exportCard();
    const attachment = card.body.attachments[0];
    expect(attachment.name).toMatch(new RegExp(`^cohort-${code}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(attachment.content.sizeInBytes).toBeGreaterThan(100);
    expect(attachment.content.description).toContain('Riverton 2027');
    expect(attachment.content.acceptContext).toEqual(attachment.content.declineContext);
    expect(JSON.stringify(h.connector.calls)).not.toContain('data:text/csv');
  });

  test('on accept, PUTs the bytes to the upload URL (without the bot’s token), sends a FileInfoCard and removes the consent card', async () => {
    const card = await exportCard();
    const before = h.connector.calls.length;
    const res = await h.post(consent(card, 'accept', asTrainer, 'session-1'));
    expect(res.status).toBe(200);
    const after = h.connector.calls.slice(before);

    const [upload] = after.filter((c) => c.operation === 'upload');
    const csv = upload!.raw!.toString('utf8');
    expect(csv).toMatch(/^\uFEFF"platform","id","name"/);
    expect(csv).toContain('"Mere Tavita"');
    expect(upload!.raw!.length).toBe(card.body.attachments[0].content.sizeInBytes);
    expect(upload!.headers?.['content-range']).toBe(`bytes 0-${upload!.raw!.length - 1}/${upload!.raw!.length}`);
    expect(upload!.authorization).toBeUndefined();

    const info = after.flatMap((c) => (c.operation === 'replyToActivity' || c.operation === 'sendToConversation' ? c.body.attachments ?? [] : [])).find((a: { contentType: string }) => a.contentType === INFO);
    expect(info).toEqual({
      contentType: INFO,
      contentUrl: `https://contoso.sharepoint.com/personal/tala/Documents/Applications/${card.body.attachments[0].name}`,
      name: card.body.attachments[0].name,
      content: { uniqueId: 'UNIQ-session-1', fileType: 'csv' },
    });
    expect(after.filter((c) => c.operation === 'deleteActivity').map((c) => c.activityId)).toEqual([card.id]);

    // Accepting the same card again uploads nothing more and says why.
    const again = h.connector.calls.length;
    expect((await h.post(consent(card, 'accept', asTrainer, 'session-2'))).status).toBe(200);
    const later = h.connector.calls.slice(again);
    expect(later.filter((c) => c.operation === 'upload')).toEqual([]);
    expect(later.map((c) => visibleText(c.body ?? {})).join('\n')).toMatch(/no longer available.*\/export/s);
  });

  test('on decline uploads nothing, and the file cannot be taken afterwards', async () => {
    const card = await exportCard();
    const before = h.connector.calls.length;
    expect((await h.post(consent(card, 'decline'))).status).toBe(200);
    expect((await h.post(consent(card, 'accept'))).status).toBe(200);
    const after = h.connector.calls.slice(before);
    expect(after.filter((c) => c.operation === 'upload')).toEqual([]);
    expect(after.map((c) => visibleText(c.body ?? {})).join('\n')).toContain("won't send");
  });

  test('someone else cannot take the trainer’s file with its card’s context', async () => {
    const card = await exportCard();
    const before = h.connector.calls.length;
    expect((await h.post(consent(card, 'accept', asMember))).status).toBe(200);
    expect(h.connector.calls.slice(before).filter((c) => c.operation === 'upload')).toEqual([]);
    // The trainer still can.
    expect((await h.post(consent(card, 'accept'))).status).toBe(200);
    expect(h.connector.calls.slice(before).filter((c) => c.operation === 'upload')).toHaveLength(1);
  });
});

describe('/export in a Teams group chat', () => {
  test('goes to the trainer’s personal chat as a FileConsentCard; the group hears only that', async () => {
    const before = h.connector.calls.length;
    const group = {
      ...asTrainer,
      conversation: { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: 'tenant-1' },
      text: `<at>Workshop Assistant</at> /export ${code}`,
      entities: [{ type: 'mention', text: '<at>Workshop Assistant</at>', mentioned: BOT }],
    };
    expect((await h.post(personalMessage(h.connector, trainer, group))).status).toBe(200);
    const after = h.connector.calls.slice(before);
    const inGroup = after.filter((c) => c.conversationId === '19:group-chat@thread.v2');
    expect(inGroup.map((c) => visibleText(c.body))).toEqual(["I've sent it to you privately."]);
    const [card] = consentCards(after);
    expect(card!.conversationId).toBe(`a:personal-${trainer.id}`);
  });
});
