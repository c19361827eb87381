// The Slack app manifest: paste it at api.slack.com/apps ("From a manifest") to create the app.
import { UMBRELLA_COMMAND } from './parse.js';

export interface SlackManifestOptions {
  /** Display name of the app and its bot user. */
  name?: string;
  /** Socket Mode: no request URLs; events arrive over the app-level token's WebSocket. */
  socketMode?: boolean;
}

/** Slash commands we register; each reaches the core as the same text command. */
export const SLACK_COMMANDS: { command: string; description: string; usage_hint?: string }[] = [
  { command: '/ask', description: 'Ask about the workshop', usage_hint: 'What are the 3As of digital exclusion?' },
  { command: '/readiness', description: 'Self-assess your government against the indicators' },
  { command: '/quiz', description: 'A short knowledge quiz', usage_hint: '[number of questions]' },
  { command: '/results', description: 'Your readiness results and quiz scores' },
  { command: '/stop', description: 'End the quiz or self-assessment in progress' },
  { command: '/privacy', description: 'What is kept about you' },
  { command: '/forget', description: 'Erase everything kept about you' },
  { command: `/${UMBRELLA_COMMAND}`, description: 'Any other bot command, e.g. help, join CODE', usage_hint: 'help | join CODE | cohort ...' },
];

export const SLACK_BOT_SCOPES = [
  'app_mentions:read', // app_mention: mentions in channels
  'chat:write', // replies, updates of answered questions, follow-ups
  'commands', // slash commands
  'files:write', // readiness chart and CSV exports
  'im:history', // message.im: direct messages to the bot
  'im:write', // conversations.open for follow-ups
  'users:read', // users.info: people's names, so trainers' exports say who each row is
];

/** Slack's rule for a bot user's name: lower-case letters, digits, '-', '_' and '.', at most 80. */
export function botDisplayName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, 80);
  return slug || 'workshop-assistant';
}

/** The manifest for an app served at `baseUrl` (e.g. https://bot.example.org), as a plain object. */
export function slackManifest(baseUrl: string, opts: SlackManifestOptions = {}): Record<string, unknown> {
  const name = (opts.name ?? 'Workshop assistant').slice(0, 35);
  const url = new URL(baseUrl);
  // Slack sends events only to https request URLs.
  if (url.protocol !== 'https:') throw new Error(`The base URL must use https (got ${baseUrl})`);
  const requestUrl = `${baseUrl.replace(/\/+$/, '')}/slack/events`;
  const http = !opts.socketMode;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description: 'Answers questions about the workshop, runs readiness self-assessments and quizzes.',
      long_description:
        'The assistant for the UN DESA whole-of-government digital government workshop. Ask it about the session in your own words and it answers from the workshop material, saying where each answer comes from. It also walks you through the institutional-framework readiness self-assessment, runs short knowledge quizzes and sends your trainers\u2019 follow-ups.',
      background_color: '#1d4f91',
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: botDisplayName(name), always_online: true },
      slash_commands: SLACK_COMMANDS.map((c) => ({
        command: c.command,
        description: c.description,
        ...(c.usage_hint ? { usage_hint: c.usage_hint } : {}),
        ...(http ? { url: requestUrl } : {}),
        should_escape: false,
      })),
    },
    oauth_config: { scopes: { bot: SLACK_BOT_SCOPES } },
    settings: {
      event_subscriptions: {
        ...(http ? { request_url: requestUrl } : {}),
        bot_events: ['app_home_opened', 'app_mention', 'message.im'],
      },
      interactivity: { is_enabled: true, ...(http ? { request_url: requestUrl } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: Boolean(opts.socketMode),
      token_rotation_enabled: false,
    },
  };
}
