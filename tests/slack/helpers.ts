// Test helpers: Slack-signed requests to /slack/events and payloads shaped as Slack sends them.
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-8f2a';
export const BOT_TOKEN = 'xoxb-test-token';

export interface PostOptions {
  /** Seconds since the epoch put in X-Slack-Request-Timestamp (default: now). */
  timestamp?: number;
  /** Send no signature headers at all. */
  unsigned?: boolean;
  /** Sign with this secret instead of the right one. */
  secret?: string;
  retryNum?: number;
}

/** Slack's request signature: v0= HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a raw body to `${baseUrl}/slack/events`, signed as Slack would sign it. */
export async function postToSlackEndpoint(baseUrl: string, body: string, contentType: string, opts: PostOptions = {}): Promise<Response> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType };
  if (!opts.unsigned) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = slackSignature(opts.secret ?? SIGNING_SECRET, timestamp, body);
  }
  if (opts.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(opts.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body });
}

/** An Events API callback (JSON). */
export function postEvent(baseUrl: string, envelope: Record<string, unknown>, opts?: PostOptions): Promise<Response> {
  return postToSlackEndpoint(baseUrl, JSON.stringify(envelope), 'application/json', opts);
}

/** An interaction (button press): form-encoded `payload=<json>`, as Slack sends it. */
export function postInteraction(baseUrl: string, payload: Record<string, unknown>, opts?: PostOptions): Promise<Response> {
  return postToSlackEndpoint(baseUrl, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', opts);
}

/** A slash command: form-encoded fields, as Slack sends it. */
export function postCommand(baseUrl: string, fields: Record<string, string>, opts?: PostOptions): Promise<Response> {
  return postToSlackEndpoint(baseUrl, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', opts);
}

let seq = 0;
const nextId = (prefix: string) => `${prefix}${Date.now().toString(36).toUpperCase()}${(++seq).toString(36).toUpperCase()}`;

export function eventEnvelope(event: Record<string, unknown>, eventId = nextId('Ev'), teamId = 'T0WORKSHOP') {
  return {
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: 'A0WORKSHOP',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: 'U0BOT', is_bot: true }],
    event,
  };
}

export function directMessage(user: string, channel: string, text: string, eventId?: string) {
  const ts = `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, '0')}`;
  return eventEnvelope({ type: 'message', channel_type: 'im', channel, user, text, ts, event_ts: ts, team: 'T0WORKSHOP' }, eventId);
}

export function mention(user: string, channel: string, text: string, eventId?: string) {
  const ts = `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, '0')}`;
  return { ts, envelope: eventEnvelope({ type: 'app_mention', channel, user, text, ts, event_ts: ts, team: 'T0WORKSHOP' }, eventId) };
}

/** A block_actions payload for pressing the button with `value` on the message `messageTs`. */
export function buttonPress(user: string, channel: string, message: { ts: string; thread_ts?: string; blocks?: unknown }, value: string, actionId = 'wb_choice_0') {
  return {
    type: 'block_actions',
    user: { id: user, username: 'maria', name: 'maria', team_id: 'T0WORKSHOP' },
    api_app_id: 'A0WORKSHOP',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: message.ts, channel_id: channel, is_ephemeral: false },
    trigger_id: nextId('trig.'),
    team: { id: 'T0WORKSHOP', domain: 'workshop' },
    channel: { id: channel, name: channel.startsWith('D') ? 'directmessage' : 'general' },
    message: { type: 'message', ts: message.ts, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}), blocks: message.blocks ?? [] },
    response_url: 'https://hooks.slack.test/actions/1',
    actions: [{ type: 'button', action_id: actionId, block_id: 'wb_choices_0', value, text: { type: 'plain_text', text: 'x' }, action_ts: `${Date.now() / 1000}${++seq}` }],
  };
}

export function slashCommand(command: string, text: string, user: string, channel: string, responseUrl: string) {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0WORKSHOP',
    team_domain: 'workshop',
    channel_id: channel,
    channel_name: channel.startsWith('D') ? 'directmessage' : 'general',
    user_id: user,
    user_name: 'maria',
    command,
    text,
    api_app_id: 'A0WORKSHOP',
    response_url: responseUrl,
    trigger_id: nextId('trig.'),
  };
}

/** The buttons of a recorded chat.postMessage call: label and value. */
export function buttonsOf(blocks: unknown): { label: string; value: string }[] {
  if (!Array.isArray(blocks)) return [];
  return blocks.flatMap((b: { type?: string; elements?: { text?: { text?: string }; value?: string }[] }) =>
    b.type === 'actions' ? (b.elements ?? []).map((e) => ({ label: e.text?.text ?? '', value: e.value ?? '' })) : [],
  );
}

/** The visible text of recorded blocks (sections): plain text as it is, mrkdwn with Slack's escaping undone. */
export function textOf(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return blocks
    .flatMap((b: { type?: string; text?: { type?: string; text?: string } }) =>
      b.type === 'section' && b.text?.text ? [b.text.type === 'mrkdwn' ? unescape(b.text.text) : b.text.text] : [],
    )
    .join('\n');
}
