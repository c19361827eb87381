// The Telegram adapter's one grammY workaround (adapters/telegram/sdk-workarounds.ts) is pinned to the grammy
// version it was written for; adapter.test.ts checks that it still puts the last message in the webhook response.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWebhookReplyMarker, GRAMMY_VERSION } from '../../adapters/telegram/sdk-workarounds.js';

const root = join(import.meta.dirname, '..', '..');

describe('grammY workaround', () => {
  it('grammy is the version the webhook-reply marker was written for', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'node_modules', 'grammy', 'package.json'), 'utf8')) as { version: string };
    expect(
      version,
      'grammy changed: check that Client still asks canUseWebhookReply synchronously as a call starts (see ' +
        'adapters/telegram/sdk-workarounds.ts) and that tests/telegram/adapter.test.ts passes, then update GRAMMY_VERSION.',
    ).toBe(GRAMMY_VERSION);
  });

  it('marks only a sendMessage started through it, and only while it starts', async () => {
    const marker = createWebhookReplyMarker();
    const asked: boolean[] = [];
    await marker.viaWebhookReply(async () => {
      asked.push(marker.canUseWebhookReply('sendMessage'), marker.canUseWebhookReply('sendPhoto'));
      await Promise.resolve();
      asked.push(marker.canUseWebhookReply('sendMessage'));
    });
    expect(asked).toEqual([true, false, false]);
    expect(marker.canUseWebhookReply('sendMessage')).toBe(false);
  });
});
