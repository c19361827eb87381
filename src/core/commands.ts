// The command registry: each command declared once, feeding the router, /help, bare words and the platforms' menus.
import type { Content } from '../content/schema.js';
import type { CommandHandler } from './context.js';

/** Who may run a command: everyone, trainers (and administrators), or administrators only. */
export type Role = 'everyone' | 'trainer' | 'admin';

/** Fixed text, or text that depends on the workshop's content pack (how many questions, the indicator set's name). */
export type PackText = string | ((content: Content) => string);

export interface CommandDef {
  /** Without the slash, lower case. */
  name: string;
  /** Other names that run it ('/start' runs /help). */
  aliases?: readonly string[];
  /** Also works typed as a bare word, with at most one argument ("quiz 10", "join K7P2QX"). */
  bare?: boolean;
  /** Telegram's deep link arrives as '/start ARGS' (t.me/bot?start=ARGS): it runs this command with ARGS. */
  deepLink?: boolean;
  role: Role;
  /** What follows the name, as /help shows it: 'CODE', '[N]', 'add|remove platform:id'. */
  args?: string;
  /** One line for /help. */
  help: PackText;
  /** A short line for the platforms' command menus (Telegram menu, Slack and Teams manifests); absent: not in menus. */
  menu?: PackText;
  /** False when the pack gives the command nothing to do (no indicators, no quiz items): /help and the menus leave it out. */
  available?: (content: Content) => boolean;
  handler: CommandHandler;
}

/** A command as a platform's menu lists it. */
export interface MenuCommand {
  name: string;
  description: string;
  args?: string;
}

/** What a platform's manifest needs of the pack: the menu's commands, an example question (Slack's /ask hint), the title. */
export interface CommandMenu {
  commands: MenuCommand[];
  example?: string;
  title?: string;
}

export interface CommandLine {
  /** Lower-cased, without the slash. */
  name: string;
  /** The bot named after '@' (`/quiz@MyBot`), if any. */
  target?: string;
  args: string;
}

const SLASH = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+([\s\S]*))?$/;

/** Splits '/cmd@bot args'; undefined when the text is not a slash command. The one parser of slash commands. */
export function parseCommandLine(text: string): CommandLine | undefined {
  const m = SLASH.exec(text.trim());
  if (!m) return undefined;
  return { name: m[1]!.toLowerCase(), target: m[2], args: (m[3] ?? '').trim() };
}

const say = (t: PackText, content: Content): string => (typeof t === 'function' ? t(content) : t);

/** Roles a person holds, widest last. */
export const rolesOf = (trainer: boolean, admin: boolean): Role[] => (admin ? ['everyone', 'trainer', 'admin'] : trainer ? ['everyone', 'trainer'] : ['everyone']);

export class CommandRegistry {
  private readonly byName = new Map<string, CommandDef>();
  private readonly bareWords?: RegExp;
  private readonly deepLink?: CommandDef;

  constructor(readonly commands: readonly CommandDef[]) {
    for (const c of commands) {
      for (const name of [c.name, ...(c.aliases ?? [])]) {
        if (!/^[a-z0-9_]{1,32}$/.test(name)) throw new Error(`command name "${name}" must be 1-32 lower-case letters, digits or _`);
        if (this.byName.has(name)) throw new Error(`command /${name} is declared twice`);
        this.byName.set(name, c);
      }
    }
    const deep = commands.filter((c) => c.deepLink);
    if (deep.length > 1) throw new Error('only one command can take the /start deep link');
    this.deepLink = deep[0];
    const bare = commands.filter((c) => c.bare).map((c) => c.name);
    if (bare.length) this.bareWords = new RegExp(`^(${bare.join('|')})(?:\\s+(\\S+?))?[.!]?$`, 'i');
  }

  find(name: string): CommandDef | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /**
   * The command a text is ('/quiz@Bot 10', 'quiz 10', the deep link '/start CODE'), as the name typed and its
   * arguments, and its declaration (undefined for an unknown name); undefined when the text is not a command.
   */
  match(text: string): { name: string; args: string; def?: CommandDef } | undefined {
    const slash = parseCommandLine(text);
    const bare = slash ? undefined : this.bareWords?.exec(text.trim());
    const line = slash ?? (bare ? { name: bare[1]!.toLowerCase(), args: (bare[2] ?? '').trim() } : undefined);
    if (!line) return undefined;
    if (line.name === 'start' && line.args && this.deepLink) return { name: this.deepLink.name, args: line.args, def: this.deepLink };
    return { name: line.name, args: line.args, def: this.find(line.name) };
  }

  /** The commands /help lists for someone with these roles, in declaration order. */
  listed(content: Content, roles: readonly Role[]): CommandDef[] {
    return this.commands.filter((c) => roles.includes(c.role) && (c.available?.(content) ?? true));
  }

  /** '/quiz [N] — a short knowledge quiz ...'. */
  helpLine(c: CommandDef, content: Content): string {
    return `/${c.name}${c.args ? ` ${c.args}` : ''} — ${say(c.help, content)}`;
  }

  /** Everyone's commands that go in the platforms' menus, for this pack. */
  menu(content: Content): MenuCommand[] {
    return this.commands
      .filter((c) => c.role === 'everyone' && c.menu !== undefined && (c.available?.(content) ?? true))
      .map((c) => ({ name: c.name, description: say(c.menu!, content), ...(c.args ? { args: c.args } : {}) }));
  }
}
