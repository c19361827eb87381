// Teams follow-ups: proactive sends to a stored conversation reference, and connector errors made neutral.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DeliveryError, type Messenger } from '../../src/core/messages.js';
import { personalMessage, startTeamsHarness, visibleText, type TeamsHarness } from './harness.js';

let h: TeamsHarness;
let messenger: Messenger;
let address: unknown;
const user = { id: '29:follow-1', name: 'Hana' };

beforeAll(async () => {
  h = await startTeamsHarness();
  messenger = h.server.adapters.find((a) => a.platform === 'teams')!.messenger;
  // The person talks to the bot once; the core keeps their conversation reference.
  expect((await h.post(personalMessage(h.connector, user, { text: '/help' }))).status).toBe(200);
  address = (await h.server.runtime.store.getUser(`teams:${user.id}`))?.address;
});
afterAll(async () => {
  await h?.close();
});

async function sendError(messages = [{ kind: 'text' as const, text: 'Reminder' }]): Promise<DeliveryError> {
  const err = await messenger.send(address, messages).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe('Teams messenger', () => {
  test('sends text, a question card and an image to the stored conversation', async () => {
    expect(address).toBeDefined();
    const before = h.connector.calls.length;
    await messenger.send(address, [
      { kind: 'text', text: 'Time for your follow-up quiz.' },
      { kind: 'text', text: 'Question 1 of 3\nWhat is once-only?', choices: [{ label: 'A', value: 'q:s:0:0' }] },
      { kind: 'update', text: 'No card to replace here' },
      { kind: 'image', png: Buffer.from('89504e470d0a1a0a', 'hex'), alt: 'chart', filename: 'c.png' },
    ]);
    const calls = h.connector.calls.slice(before);
    expect(calls.map((c) => c.conversationId)).toEqual(Array(4).fill(`a:personal-${user.id}`));
    expect(calls.every((c) => c.method === 'POST')).toBe(true);
    expect(calls.map((c) => visibleText(c.body))).toEqual([
      'Time for your follow-up quiz.',
      'Question 1 of 3\nWhat is once-only?',
      'No card to replace here',
      'chart',
    ]);
    expect(calls[1]!.body.attachments[0].content.actions[0].data).toEqual({ choice: 'q:s:0:0' });
    expect(calls.every((c) => h.identity.issuedTokens.has(c.authorization!.replace('Bearer ', '')))).toBe(true);
  });

  test('403 (the bot was removed) and 404 (conversation gone) are unreachable', async () => {
    h.connector.failNext('replyToActivity', { status: 403 });
    expect((await sendError()).code).toBe('unreachable');
    h.connector.failNext('replyToActivity', { status: 404 });
    expect((await sendError()).code).toBe('unreachable');
  });

  test('a 429 that outlasts the SDK retries is rate_limited with the Retry-After', async () => {
    // botbuilder's pipeline retries a 429 three times itself, waiting Retry-After each time.
    h.connector.failNext('replyToActivity', { status: 429, retryAfter: 1, times: 4 });
    const err = await sendError();
    expect(err.code).toBe('rate_limited');
    expect(err.retryAfterMs).toBe(1000);
  });

  test('a 5xx is transient', async () => {
    // Retry-After 0 lets the SDK's own retries run without waiting.
    h.connector.failNext('replyToActivity', { status: 503, retryAfter: 0, times: 4 });
    const err = await sendError();
    expect(err.code).toBe('transient');
    expect(err.message).not.toContain('Bearer');
  });

  test('something that is not a Teams conversation reference is invalid, and nothing is sent', async () => {
    const before = h.connector.calls.length;
    const err = await messenger.send({ chatId: 42 }, [{ kind: 'text', text: 'x' }]).catch((e: DeliveryError) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect((err as DeliveryError).code).toBe('invalid');
    expect(h.connector.calls.length).toBe(before);
  });
});
