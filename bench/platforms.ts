// Request builders for the webhook benchmark: each platform's question and button-press payloads, signed as
// the platform signs them, with unique delivery ids (so the core's dedupe never short-circuits a request).
import { createHmac } from 'node:crypto';

export const SLACK_SECRET = 'bench-signing-secret-5a1c';
export const SLACK_TOKEN = 'xoxb-bench-token';
export const TELEGRAM_SECRET = 'bench-webhook-secret_77';
export const TEAMS_APP_ID = '0b7c3f2e-1a2b-4c5d-8e9f-a0b1c2d3e4f5';
export const TEAMS_PASSWORD = 'bench-only-password';
export const TEAMS_BOT = { id: `28:${TEAMS_APP_ID}`, name: 'Workshop Assistant' };

export interface Built {
  headers: Record<string, string>;
  body: string;
}

/** Monotonic per run: a process-wide counter makes every delivery id new. */
let seq = 1_000_000;
export const next = (): number => ++seq;

// ---- Telegram ----

export const telegramUser = (k: number) => ({ id: 700_000 + k, is_bot: false, first_name: `Person${k}` });

export function telegramText(k: number, text: string): Built {
  const n = next();
  const from = telegramUser(k);
  return {
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET },
    body: JSON.stringify({
      update_id: n,
      message: { message_id: n, from, chat: { id: from.id, type: 'private', first_name: from.first_name }, date: Math.floor(Date.now() / 1000), text },
    }),
  };
}

export function telegramPress(k: number, message: { message_id: number; date: number }, data: string): Built {
  const n = next();
  const from = telegramUser(k);
  return {
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET },
    body: JSON.stringify({
      update_id: n,
      callback_query: {
        id: `cbq-${n}`,
        from,
        message: { message_id: message.message_id, chat: { id: from.id, type: 'private', first_name: from.first_name }, date: message.date, text: 'Question' },
        chat_instance: `ci-${from.id}`,
        data,
      },
    }),
  };
}

// ---- Slack ----

export const slackUser = (k: number) => `U0BENCH${k}`;
export const slackDm = (k: number) => `D0BENCH${k}`;

function slackSigned(body: string, contentType: string): Built {
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SLACK_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature }, body };
}

export function slackText(k: number, text: string): Built {
  const n = next();
  const ts = `${Math.floor(Date.now() / 1000)}.${String(n).padStart(6, '0')}`;
  return slackSigned(
    JSON.stringify({
      token: 'legacy',
      team_id: 'T0WORKSHOP',
      api_app_id: 'A0WORKSHOP',
      type: 'event_callback',
      event_id: `Ev${n}`,
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'message', channel_type: 'im', channel: slackDm(k), user: slackUser(k), text, ts, event_ts: ts, team: 'T0WORKSHOP' },
    }),
    'application/json',
  );
}

export function slackPress(k: number, messageTs: string, value: string): Built {
  const n = next();
  const payload = {
    type: 'block_actions',
    user: { id: slackUser(k), username: `p${k}`, name: `p${k}`, team_id: 'T0WORKSHOP' },
    api_app_id: 'A0WORKSHOP',
    token: 'legacy',
    container: { type: 'message', message_ts: messageTs, channel_id: slackDm(k), is_ephemeral: false },
    trigger_id: `trig.${n}`,
    team: { id: 'T0WORKSHOP', domain: 'workshop' },
    channel: { id: slackDm(k), name: 'directmessage' },
    message: { type: 'message', ts: messageTs, blocks: [] },
    response_url: 'https://hooks.slack.test/actions/1',
    actions: [{ type: 'button', action_id: 'wb_choice_0', block_id: 'wb_choices_0', value, text: { type: 'plain_text', text: 'x' }, action_ts: `${n}` }],
  };
  return slackSigned(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
}

// ---- Teams ----

export const teamsUser = (k: number) => ({ id: `29:bench-${k}`, name: `Person ${k}` });
export const teamsConversation = (k: number) => `a:personal-29:bench-${k}`;

export function teamsActivity(k: number, serviceUrl: string, token: string, extra: Record<string, unknown>): Built {
  const n = next();
  const user = teamsUser(k);
  return {
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      type: 'message',
      id: `act-${n}`,
      channelId: 'msteams',
      serviceUrl,
      timestamp: new Date().toISOString(),
      from: { ...user, aadObjectId: `aad-${k}` },
      recipient: TEAMS_BOT,
      conversation: { id: teamsConversation(k), conversationType: 'personal', tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' } },
      locale: 'en-US',
      ...extra,
    }),
  };
}
