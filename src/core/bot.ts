// The platform-neutral bot: routes every incoming message to a command, a flow or the answerer.
import { createHash } from 'node:crypto';
import { exampleQuestions } from '../content/examples.js';
import { renderAnswer } from '../qa/format.js';
import { asTopic } from '../qa/types.js';
import { clip } from './clip.js';
import { CommandRegistry, type CommandDef } from './commands.js';
import { joinCodeInSentence } from './intents.js';
import { TRAINER_REFUSAL, type BotAbilities, type BotServices, type CommandContext, type PlatformLinks } from './context.js';
import { Flows, parseAction } from './flows.js';
import { newId } from './ids.js';
import { text, userKey as keyOf, type BotCore, type Incoming, type Outgoing, type Platform } from './messages.js';
import { Lru } from './lru.js';
import { RateLimiter } from './rate-limit.js';
import type { SessionRecord } from '../store/types.js';

export interface BotOptions {
  /** Messages (questions, commands and button presses alike) a person may send per minute. */
  messagesPerMinute?: number;
  /** People whose per-person state (rate budget, last row written) this process keeps; older ones are dropped. */
  peopleKept?: number;
  /** Every command the bot answers to: the registry the app declares (src/app/commands.ts). */
  commands: readonly CommandDef[];
  /** Links to the bot per platform (Telegram's t.me ones), for replies that ask someone to open a private chat or join. */
  links?: Partial<Record<Platform, PlatformLinks>>;
}

/** The longest text we look at: anything longer is cut before parsing or searching. */
const MAX_TEXT = 4000;
/** A button value that is a command: '/followup confirm ID'. */
const COMMAND_BUTTON = /^\/([a-z_]+)(?:\s+(.*))?$/;
/** A follow-up refers to the last answer of roughly the same sitting; after this it is a new question. */
const TOPIC_TTL_MS = 30 * 60_000;
/** How long a person's stored row is trusted before the next message refreshes it. */
const USER_REFRESH_MS = 60_000;
const WITHHELD = "The answer to that would give away the quiz question you're on, so I'll keep it until you've answered: ask me again then.";
const ADMIN_REFUSAL = 'Sorry, that command is for the workshop’s administrators only (named in ADMINS).';
const SLOW_DOWN = "You're sending messages faster than I can keep up with. Please wait a few seconds, then try again.";

export class Bot implements BotCore {
  readonly flows: Flows;
  readonly commands: CommandRegistry;
  private readonly abilities: BotAbilities;
  private readonly limiter: RateLimiter;
  /**
   * Last name/address written per person and when, to skip rewriting an unchanged user row on every
   * message. Entries go stale after a while so that someone marked unreachable who writes again is
   * marked reachable again.
   */
  private readonly seen: Lru<string, { fingerprint: string; at: number }>;

  constructor(
    readonly services: BotServices,
    options: BotOptions,
  ) {
    this.flows = new Flows(services);
    this.commands = new CommandRegistry(options.commands);
    const peopleKept = options.peopleKept ?? 10_000;
    this.limiter = new RateLimiter(options.messagesPerMinute ?? 60, undefined, peopleKept);
    this.seen = new Lru(peopleKept);
    this.abilities = {
      flows: this.flows,
      commands: this.commands,
      ask: (ctx, q) => this.ask(ctx, q),
      forget: async (key) => {
        await services.store.forgetUser(key);
        this.seen.delete(key);
      },
      isTrainer: (key) => this.isTrainer(key),
      isAdmin: (key) => this.isAdmin(key),
      isConfigured: (key) => this.isConfigured(key),
      links: options.links ?? {},
    };
  }

  async handle(incoming: Incoming): Promise<Outgoing[]> {
    const { store, clock } = this.services;
    const typed = sanitize(incoming.text);
    // In groups the bot speaks only when spoken to; button presses are always addressed to it.
    if (incoming.conversation.type === 'group' && !incoming.addressed && !incoming.action) return [];
    if (!typed && !incoming.action) return [];

    const key = keyOf(incoming.user);
    // One budget per person for everything they send: a flood gets one request to slow down, then silence.
    const budget = this.limiter.take(key, clock.now().getTime());
    if (budget !== 'ok') return budget === 'slow-down' ? [text(SLOW_DOWN)] : [];
    // One store step: the delivery id (a redelivery stops here), the person's row when due, a text's active session.
    const user = incoming.passive ? undefined : this.userToWrite(incoming, key);
    const { fresh, active } = await store.receive({ deliveryId: incoming.deliveryId, user, activeSessionOf: incoming.action ? undefined : key }, clock.now());
    if (!fresh) return [];
    if (user) this.seen.set(key, user.seen);
    const ctx: CommandContext = {
      services: this.services,
      incoming,
      user: { platform: incoming.user.platform, id: incoming.user.id },
      userKey: key,
      command: '',
      args: '',
      isTrainer: () => this.isTrainer(key),
      isAdmin: () => this.isAdmin(key),
      bot: this.abilities,
    };
    if (incoming.action) return this.onAction(ctx, incoming.action);
    return this.onText(ctx, typed, active);
  }

  /** Starts a flow for a person unprompted (follow-ups); `quizLength` questions, else the usual number. */
  begin(userKey: string, kind: 'quiz' | 'readiness', note?: string, quizLength?: number): Promise<Outgoing[]> {
    return kind === 'quiz' ? this.flows.startQuiz(userKey, quizLength, note) : this.flows.startReadiness(userKey, note);
  }

  /** Where a returning person left off (the console shows it when a chat opens). */
  resume(userKey: string): Promise<Outgoing[] | undefined> {
    return this.flows.resume(userKey);
  }

  async isTrainer(key: string): Promise<boolean> {
    return this.isConfigured(key) || (await this.services.store.isTrainer(key));
  }

  isAdmin(key: string): boolean {
    return this.services.configuredAdmins.includes(key);
  }

  /** Named in TRAINERS or ADMINS (and so not removable at run time). */
  isConfigured(key: string): boolean {
    return this.services.configuredTrainers.includes(key) || this.isAdmin(key);
  }

  /** The person's row to write with this message, unless the same was written within USER_REFRESH_MS. */
  private userToWrite(incoming: Incoming, key: string) {
    // A digest, not the text: a Teams address is several hundred characters, kept for each of 10,000 people.
    const fingerprint = createHash('sha256').update(JSON.stringify([incoming.user.name ?? null, incoming.address ?? null])).digest('base64');
    const now = this.services.clock.now().getTime();
    const last = this.seen.get(key);
    if (last && last.fingerprint === fingerprint && now - last.at < USER_REFRESH_MS) return undefined;
    return { key, platform: incoming.user.platform, name: incoming.user.name, address: incoming.address, seen: { fingerprint, at: now } };
  }

  private async onAction(ctx: CommandContext, value: string): Promise<Outgoing[]> {
    if (value === 'forget:confirm') return this.run(ctx, 'forget', 'confirm');
    // A button that carries a command (a confirmation's Yes or Change) is the same as typing it, checks and all.
    const command = COMMAND_BUTTON.test(value) ? this.commands.match(value) : undefined;
    if (command) return this.run(ctx, command.name, command.args);
    const action = parseAction(value);
    if (!action) return [text("That button is no longer in use. Send /help to see what I can do.")];
    return this.flows.answer(ctx.userKey, action.sessionId, action.index, action.answer);
  }

  private async onText(ctx: CommandContext, typed: string, active: SessionRecord | undefined): Promise<Outgoing[]> {
    const command = this.commands.match(typed);
    if (command) return this.run(ctx, command.name, command.args);
    const join = joinCodeInSentence(typed);
    if (join && (join.sure || (await this.services.store.getCohortByCode(join.code.toUpperCase())))) return this.run(ctx, 'join', join.code);

    if (active && active.index < active.items.length) {
      const answer = this.flows.parseTyped(active, typed);
      if (answer !== undefined) return this.flows.answer(ctx.userKey, active.id, active.index, answer);
      const which = this.flows.whichChoice(active, typed);
      if (which) return [which, this.flows.prompt(active)];
      // Not an answer: treat it as a question, then point back at the waiting one; never with its answer in it.
      const asked = await this.ask(ctx, typed);
      const reply = this.flows.revealsAnswer(active, asked) ? [text(WITHHELD)] : asked;
      return [...reply, text('(Your question is still waiting: reply with a choice, or /stop.)'), this.flows.prompt(active)];
    }
    return this.ask(ctx, typed);
  }

  private async run(ctx: CommandContext, name: string, args: string): Promise<Outgoing[]> {
    const spec = this.commands.find(name);
    if (!spec) return [text(`I don't know the command /${name}. Send /help to see what I can do.`)];
    if (spec.role === 'trainer' && !(await ctx.isTrainer())) return [text(TRAINER_REFUSAL)];
    if (spec.role === 'admin' && !ctx.isAdmin()) return [text(ADMIN_REFUSAL)];
    const own = (await this.services.store.getUser(ctx.userKey))?.timeZone;
    const out = await spec.handler({ ...ctx, command: name, args, services: own ? { ...this.services, timeZone: own } : this.services });
    // Trainer results (members' names, answers, questions, join codes) never go to a group: only to the trainer.
    if (spec.role !== 'everyone' && ctx.incoming.conversation.type === 'group') return this.privately(ctx, `/${spec.name}${args ? ` ${args}` : ''}`, out);
    return out;
  }

  private async privately(ctx: CommandContext, command: string, out: Outgoing[]): Promise<Outgoing[]> {
    if (await this.services.sendPrivately?.(ctx.userKey, out)) return [text("I've sent it to you privately.")];
    return [text(`Trainer results go only in a private chat, and I couldn't reach you in one: ${howToOpenPrivateChat(ctx.user.platform, this.abilities.links[ctx.user.platform]?.chat)}, then send ${command} there.`)];
  }

  private async ask(ctx: CommandContext, question: string): Promise<Outgoing[]> {
    const { answerer, store, clock, logger } = this.services;
    const small = smallTalk(question, exampleQuestions(this.services.content)[0] ?? 'What is this session about?');
    if (small) return [text(small)];
    // The conversation's last topic, for "tell me more" and "and X?": kept in the store, so it survives a
    // restart and reaches whichever process gets the next message; read only for a follow-up.
    const conversation = ctx.incoming.conversation.id;
    const since = new Date(clock.now().getTime() - TOPIC_TTL_MS);
    const previous = answerer.needsTopic?.(question) ? asTopic(await store.getTopic(ctx.userKey, conversation, since)) : undefined;
    const answer = answerer.answer(question, previous);
    if (answer.topic && answer.topic !== previous) await store.setTopic(ctx.userKey, conversation, answer.topic, clock.now());
    if (!answer.answered) {
      try {
        const cohorts = await store.cohortsOf(ctx.userKey);
        await store.logUnanswered({ id: newId(), userKey: ctx.userKey, cohortIds: cohorts.map((c) => c.id), question: clip(question, 500), askedAt: clock.now() });
      } catch (err) {
        logger.warn({ err }, 'could not log an unanswered question');
      }
    }
    return [text(renderAnswer(answer))];
  }
}

/** How a person opens a private chat with the bot on their platform. */
function howToOpenPrivateChat(platform: Platform, link: string | undefined): string {
  switch (platform) {
    case 'telegram':
      return link ? `open ${link} and press Start` : 'open a private chat with me and press Start';
    case 'teams':
      return 'open a chat with me (in Teams: Apps, find me, then Chat)';
    case 'slack':
      return 'open a direct message with me (my name under Apps)';
    default:
      return 'open a direct chat with me';
  }
}

/** Greetings and thanks get a human reply rather than an "I don't know" (and are not logged as unanswered). */
function smallTalk(t: string, example: string): string | undefined {
  const s = t.toLowerCase().replace(/[!.,?\s]+$/g, '').trim();
  if (/^(hi|hello|hey|hiya|good (morning|afternoon|evening|day)|greetings|halo)( there| bot| everyone)?$/.test(s)) {
    return `Hello! Ask me anything about the workshop, e.g. "${example}", or send /help to see what I can do.`;
  }
  if (/^(thanks|thank you|thx|cheers|ta)( (so|very) much| a lot)?$/.test(s)) return "You're welcome. Ask me anything else about the workshop whenever you like.";
  // Typed instead of pressing a No button (/forget): nothing to answer, and nothing was done.
  if (/^(no|nope|no thanks|no thank you|cancel|never ?mind)$/.test(s)) return 'All right: nothing changed. Ask me anything about the workshop whenever you like, or send /help.';
  return undefined;
}

/** Drops control characters and cuts very long text, so nothing downstream sees either. */
function sanitize(raw: string | undefined): string {
  if (!raw) return '';
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return clip(raw, MAX_TEXT).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
}

export function createBot(services: BotServices, options: BotOptions): Bot {
  return new Bot(services, options);
}
