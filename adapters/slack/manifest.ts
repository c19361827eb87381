// The Slack app manifest: paste it at api.slack.com/apps ("From a manifest") to create the app.
import type { CommandMenu, MenuCommand } from '../../src/core/commands.js';
import { UMBRELLA_COMMAND } from './parse.js';

export interface SlackManifestOptions {
  /** The commands to register and the pack's example question, from the command registry (src/app/commands.ts). */
  menu: CommandMenu;
  /** Display name of the app and its bot user. */
  name?: string;
  /** Socket Mode: no request URLs; events arrive over the app-level token's WebSocket. */
  socketMode?: boolean;
}

/**
 * Commands reached only through the umbrella command ('/workshop join CODE'): Slack's own /join and /leave act on
 * channels, and '/workshop' alone is help.
 */
export const UMBRELLA_ONLY: readonly string[] = ['help', 'join', 'leave'];

export interface SlackSlashCommand {
  command: string;
  description: string;
  usage_hint?: string;
}

/** Slash commands we register, from the menu; each reaches the core as the same text command. */
export function slackCommands(menu: CommandMenu): SlackSlashCommand[] {
  const own = menu.commands.filter((c) => !UMBRELLA_ONLY.includes(c.name));
  const under = menu.commands.filter((c) => UMBRELLA_ONLY.includes(c.name));
  const hint = (c: MenuCommand) => (c.name === 'ask' && menu.example ? menu.example : c.args);
  return [
    ...own.map((c) => ({ command: `/${c.name}`, description: c.description, ...(hint(c) ? { usage_hint: hint(c) } : {}) })),
    {
      command: `/${UMBRELLA_COMMAND}`,
      description: `Any other bot command, e.g. ${under.map((c) => (c.args ? `${c.name} ${c.args}` : c.name)).join(', ') || 'help'}`,
      usage_hint: [...under.map((c) => (c.args ? `${c.name} ${c.args}` : c.name)), 'cohort ...'].join(' | '),
    },
  ];
}

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

/** One line of what the app does, naming only what this pack offers (Slack allows 140 characters). */
function shortDescription(menu: CommandMenu): string {
  const has = (name: string) => menu.commands.some((c) => c.name === name);
  const runs = [has('readiness') && 'readiness self-assessments', has('quiz') && 'quizzes'].filter(Boolean).join(' and ');
  return `Answers questions about the workshop${runs ? `, runs ${runs}` : ''}.`.slice(0, 140);
}

/** What the app does, for this pack: only the commands it has (no self-assessment when there are no indicators). */
function longDescription(menu: CommandMenu): string {
  const has = (name: string) => menu.commands.some((c) => c.name === name);
  const also = [has('readiness') && 'walks you through a readiness self-assessment', has('quiz') && 'runs short knowledge quizzes', 'sends your trainers\u2019 follow-ups'].filter(Boolean);
  const last = also.pop();
  return (
    `The assistant for ${menu.title ? `the workshop \u201c${menu.title}\u201d` : 'the workshop'}. Ask it about the session in your own words and it answers ` +
    `from the workshop material, saying where each answer comes from. It also ${also.length ? `${also.join(', ')} and ${last}` : last}.`
  ).slice(0, 4000);
}

/** The manifest for an app served at `baseUrl` (e.g. https://bot.example.org), as a plain object. */
export function slackManifest(baseUrl: string, opts: SlackManifestOptions): Record<string, unknown> {
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
      description: shortDescription(opts.menu),
      long_description: longDescription(opts.menu),
      background_color: '#1d4f91',
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: botDisplayName(name), always_online: true },
      slash_commands: slackCommands(opts.menu).map((c) => ({
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
