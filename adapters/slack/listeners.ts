// Bolt listeners: acknowledge first, then hand each event, press or command to the core and reply.
import type { App, RespondFn } from '@slack/bolt';
import type { Logger } from 'pino';
import type { BotCore } from '../../src/core/messages.js';
import { processMessage } from '../kit/process-message.js';
import { errorSummary } from '../kit/redact.js';
import { renderHomeView } from './home.js';
import { parseBlockAction, parseDirectMessage, parseMention, parseSlashCommand, type Parsed } from './parse.js';
import { CHOICE_ACTION_PREFIX } from './render.js';
import { deliver, type WebClient } from './transport.js';

export interface ListenerDeps {
  core: BotCore;
  logger: Logger;
  /** Keeps a piece of work visible to stop(), which waits for it. */
  track(work: Promise<void>): Promise<void>;
  /** The person's Slack name (display name, else full name), when Slack says; see names.ts. */
  nameOf?(userId: string): Promise<string | undefined>;
}

type Loose = Record<string, unknown>;

/** Slack errors that mean the bot may not post where the person typed (a channel it is not in, a DM between people). */
const CANNOT_POST_HERE = new Set(['not_in_channel', 'channel_not_found']);

const slackError = (err: unknown): string | undefined => (err as { data?: { error?: string } })?.data?.error;

/** The kit's redaction, plus Slack's own error code (e.g. not_in_channel), which says most. */
const describe = (err: unknown) => ({ ...errorSummary(err), slackError: slackError(err) });

export function registerSlackListeners(app: App, deps: ListenerDeps): void {
  const { core, logger } = deps;

  /**
   * Runs the core and posts its replies through the kit's processMessage (a failure is logged and apologised
   * for; Slack was acknowledged already, so nothing is redelivered). With `respond` (slash commands), replies the
   * bot may not post where the person typed (a channel it is not in, a DM between two people) go to the
   * person's DM with the bot, and a private note says so.
   */
  async function handle(parsed: Parsed, client: WebClient, respond?: RespondFn): Promise<void> {
    const { target } = parsed;
    let incoming = parsed.incoming;
    // Events carry no name and presses only the handle: ask Slack for the name people know them by.
    const name = await deps.nameOf?.(incoming.user.id).catch(() => undefined);
    if (name) incoming = { ...incoming, user: { ...incoming.user, name } };
    await processMessage({ core, logger, describe }, incoming, {
      canRedeliver: false,
      deliver: async (out) => {
        try {
          await deliver(client, target, out);
        } catch (err) {
          if (!respond || !CANNOT_POST_HERE.has(slackError(err) ?? '')) throw err;
          const opened = await client.conversations.open({ users: incoming.user.id });
          if (!opened.channel?.id) throw err;
          await deliver(client, { channel: opened.channel.id }, out);
          await respond({ response_type: 'ephemeral', text: "I can't post in this conversation, so I've answered in our direct messages." });
        }
      },
      apologise: (text) =>
        respond
          ? respond({ response_type: 'ephemeral', text })
          : client.chat.postMessage({ channel: target.channel, text, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) }),
    });
  }

  app.event('message', async ({ body, event, context, client }) => {
    const parsed = parseDirectMessage(body as Loose, event as unknown as Loose, context.botUserId);
    if (parsed) await deps.track(handle(parsed, client));
  });

  app.event('app_mention', async ({ body, event, context, client }) => {
    const parsed = parseMention(body as Loose, event as unknown as Loose, context.botUserId);
    if (parsed) await deps.track(handle(parsed, client));
  });

  app.action(new RegExp(`^${CHOICE_ACTION_PREFIX}`), async ({ ack, body, client }) => {
    // Acknowledge at once: Slack shows an error on the button if no ack comes within 3 seconds.
    await ack();
    const parsed = parseBlockAction(body as unknown as Loose);
    if (parsed) await deps.track(handle(parsed, client));
  });

  app.command(/^\/[a-z0-9_-]+$/i, async ({ ack, command, client, respond }) => {
    await ack();
    const parsed = parseSlashCommand(command as unknown as Loose);
    if (parsed) await deps.track(handle(parsed, client, respond));
  });

  app.event('app_home_opened', async ({ body, event, client }) => {
    if (event.tab !== 'home') return;
    await deps.track(
      (async () => {
        let results: string | undefined;
        try {
          // The person's results, written by the core exactly as /results would show them.
          const out = await core.handle({
            user: { platform: 'slack', id: event.user },
            conversation: { id: event.channel, type: 'direct' },
            text: '/results',
            deliveryId: `slack:${(body as Loose).event_id as string}`,
            // Opening a tab is not writing to the bot: nothing is stored (a forgotten person stays forgotten).
            passive: true,
          });
          // Nothing back: a redelivery of an event already handled.
          if (!out.length) return;
          results = out.flatMap((o) => (o.kind === 'text' ? [o.text] : [])).join('\n\n') || undefined;
        } catch (err) {
          logger.warn({ err: describe(err) }, 'slack: results for App Home failed');
        }
        try {
          await client.views.publish({ user_id: event.user, view: renderHomeView(results) });
        } catch (err) {
          logger.error({ err: describe(err) }, 'slack: views.publish failed');
        }
      })(),
    );
  });

  // Bolt's last stop for errors: log them; never rethrow, as the request was acknowledged long ago.
  app.error(async (error) => {
    logger.error({ err: describe(error) }, 'slack: unhandled error in a listener');
  });
}
