// Sends neutral Outgoing messages through the Slack Web API: posts, in-place updates and file uploads.
import type { webApi } from '@slack/bolt';
import type { Outgoing } from '../../src/core/messages.js';
import type { ReplyTarget } from './parse.js';
import { renderSlackMessages, renderSlackUpdate, truncate, type SlackMessage } from './render.js';

export type WebClient = webApi.WebClient;

interface UploadFields {
  file: Buffer;
  filename: string;
  title: string;
  alt_text?: string;
  initial_comment?: string;
}

/**
 * Delivers `messages` in order to `target`. 'update' edits the message whose button was pressed
 * (or is posted when there is none); images and files go through files.uploadV2 (getUploadURLExternal,
 * upload, completeUploadExternal). Slack errors propagate to the caller. An aborted `signal` stops it before
 * the next call.
 */
export async function deliver(client: WebClient, target: ReplyTarget, messages: Outgoing[], signal?: AbortSignal): Promise<void> {
  let threadTs = target.threadTs;
  const post = async ({ text, blocks }: SlackMessage) => {
    // WebClient takes no abort signal: stop before each call instead (the one in flight has the client's timeout).
    signal?.throwIfAborted();
    const res = await client.chat.postMessage({
      channel: target.channel,
      text,
      blocks,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      // Cited sources may carry links; previews of them would bury the answer.
      unfurl_links: false,
      unfurl_media: false,
    });
    if (target.startThread && !threadTs && typeof res.ts === 'string') threadTs = res.ts;
  };

  const upload = async (file: UploadFields) => {
    signal?.throwIfAborted();
    // The upload argument types are a union: thread replies need thread_ts, channel posts must not have it.
    if (threadTs) await client.files.uploadV2({ ...file, channel_id: target.channel, thread_ts: threadTs });
    else await client.files.uploadV2({ ...file, channel_id: target.channel });
  };

  for (const out of messages) {
    switch (out.kind) {
      case 'text':
        for (const m of renderSlackMessages(out.text, out.choices)) await post(m);
        break;
      case 'update': {
        const m = renderSlackUpdate(out.text);
        signal?.throwIfAborted();
        if (target.updateTs) await client.chat.update({ channel: target.channel, ts: target.updateTs, text: m.text, blocks: m.blocks });
        else await post(m);
        break;
      }
      case 'image':
        await upload({ file: out.png, filename: out.filename, title: truncate(out.alt || out.filename, 250), alt_text: truncate(out.alt, 1000) });
        break;
      case 'file':
        await upload({ file: out.data, filename: out.filename, title: out.filename, ...(out.caption ? { initial_comment: out.caption } : {}) });
        break;
    }
  }
}
