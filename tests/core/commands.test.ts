// The command registry is the one list: /help (by role), bare words, the Telegram menu and the Slack and Teams
// manifests all come from it and from the content pack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackCommands, UMBRELLA_ONLY } from '../../adapters/slack/manifest.js';
import { teamsCommands, TEAMS_MAX_COMMANDS } from '../../adapters/teams/manifest.js';
import { botCommands } from '../../adapters/telegram/index.js';
import { COMMANDS, commandMenu, commandRegistry } from '../../src/app/commands.js';
import { CommandRegistry, parseCommandLine } from '../../src/core/commands.js';
import type { Content } from '../../src/content/schema.js';
import { fixtureContent } from '../quiz/fixture.js';
import { allText, person, fixtureRuntime } from './helpers.js';

type Rt = Awaited<ReturnType<typeof fixtureRuntime>>;

const TRAINER = 'console:trainer';
const everyone = COMMANDS.filter((c) => c.role === 'everyone');
const forTrainers = COMMANDS.filter((c) => c.role !== 'everyone');
const inMenu = everyone.filter((c) => c.menu !== undefined);

/** The fixture pack with `n` of its indicators under another set name, and optionally no quiz items. */
function pack(opts: { indicators: number; quiz: boolean }): Content {
  const base = fixtureContent();
  return { ...base, indicators: base.indicators.slice(0, opts.indicators), quiz: opts.quiz ? base.quiz : [], indicatorSet: { name: 'open-budget indicators' } };
}

describe('the command registry', () => {
  let rt: Rt;
  beforeAll(async () => {
    rt = await fixtureRuntime({ TRAINERS: TRAINER });
  });
  afterAll(async () => rt.close());

  it('lists every command in /help for its role: everyone sees theirs, a trainer sees all', async () => {
    const member = allText(await person(rt, 'member').say('/help'));
    for (const c of everyone) expect(member, `/${c.name}`).toContain(`/${c.name}${c.args ? ` ${c.args}` : ''} — `);
    for (const c of forTrainers) expect(member, `/${c.name}`).not.toMatch(new RegExp(`^/${c.name}\\b`, 'm'));
    const trainer = allText(await person(rt, 'trainer').say('/help'));
    for (const c of COMMANDS) expect(trainer, `/${c.name}`).toMatch(new RegExp(`^/${c.name}\\b.* — `, 'm'));
    expect(trainer).toContain('For trainers:');
  });

  it('puts every menu command in the Telegram menu, the Slack manifest and the Teams manifest', () => {
    const menu = commandMenu(rt.content);
    expect(menu.commands.map((c) => c.name)).toEqual(inMenu.map((c) => c.name));
    expect(botCommands(menu.commands).map((c) => c.command)).toEqual(inMenu.map((c) => c.name));
    const slack = slackCommands(menu);
    const umbrella = slack.at(-1)!;
    for (const c of inMenu) {
      const own = slack.some((s) => s.command === `/${c.name}`);
      // Slack's own /join and /leave win over an app's: those go through the umbrella command.
      expect(own || umbrella.usage_hint!.split(' | ').some((h) => h.split(' ')[0] === c.name), `/${c.name} in Slack`).toBe(true);
      expect(own).toBe(!UMBRELLA_ONLY.includes(c.name));
    }
    expect(teamsCommands(menu).map((c) => c.title)).toEqual(inMenu.map((c) => `/${c.name}`));
    // Teams lists no more than 10: a registry with more menu lines would lose some there.
    expect(inMenu.length).toBeLessThanOrEqual(TEAMS_MAX_COMMANDS);
  });

  it('keeps every menu line within the platforms’ limits (Telegram 256, Teams 128 characters)', () => {
    for (const c of commandMenu(rt.content).commands) {
      expect(c.description.length, c.name).toBeGreaterThanOrEqual(3);
      expect(c.description.length, c.name).toBeLessThanOrEqual(128);
    }
  });

  it('takes the pack’s counts and names: nothing of the full pack or the shipped deck in the menus of another pack', () => {
    const other = pack({ indicators: 3, quiz: true });
    const menu = commandMenu(other);
    const readiness = menu.commands.find((c) => c.name === 'readiness')!;
    expect(readiness.description).toBe('Readiness self-assessment: 3 questions on the open-budget indicators');
    const everything = JSON.stringify([menu, slackCommands(menu), teamsCommands(menu), botCommands(menu.commands)]);
    expect(everything).not.toMatch(/\b6\b|\b16\b|digital-utility|member utilities|3As|Member States/);
  });

  it('leaves /readiness out of /help and the menus when the pack has no indicators, and /quiz when it has no quiz', () => {
    const registry = commandRegistry();
    const noReadiness = pack({ indicators: 0, quiz: true });
    expect(registry.listed(noReadiness, ['everyone']).map((c) => c.name)).not.toContain('readiness');
    expect(registry.menu(noReadiness).map((c) => c.name)).not.toContain('readiness');
    expect(registry.menu(noReadiness).map((c) => c.name)).toContain('quiz');
    const nothing = pack({ indicators: 0, quiz: false });
    const names = [...registry.listed(nothing, ['everyone', 'trainer']), ...registry.menu(nothing)].map((c) => c.name);
    expect(names).not.toContain('readiness');
    expect(names).not.toContain('quiz');
    expect(slackCommands(commandMenu(nothing)).map((c) => c.command)).not.toEqual(expect.arrayContaining([expect.stringMatching(/readiness|quiz/)]));
  });

  it('parses slash commands once, reads bare words, and takes the deep link /start CODE as /join CODE', () => {
    const r = commandRegistry();
    expect(parseCommandLine('/quiz@WorkshopTestBot 10')).toEqual({ name: 'quiz', target: 'WorkshopTestBot', args: '10' });
    expect(r.match('/Quiz 10')).toMatchObject({ name: 'quiz', args: '10' });
    expect(r.match('quiz 10.')).toMatchObject({ name: 'quiz', args: '10' });
    expect(r.match('join K7P2QX')).toMatchObject({ name: 'join', args: 'K7P2QX' });
    expect(r.match('quiz me on data governance')).toBeUndefined();
    expect(r.match('/start K7P2QX')).toMatchObject({ name: 'join', args: 'K7P2QX' });
    expect(r.match('/start')).toMatchObject({ name: 'start', args: '', def: { name: 'help' } });
    expect(r.match('/nosuch')).toMatchObject({ name: 'nosuch', def: undefined });
  });

  it('runs /start CODE as /join and a bare /start as a welcome with /help', async () => {
    const p = person(rt, 'newcomer');
    expect(allText(await p.say('/start'))).toMatch(/^Hello! I'm the assistant for/);
    expect(allText(await p.say('/start ZZ9ZZ9'))).toContain("couldn't find a cohort");
  });

  it('refuses a registry that declares a name twice', () => {
    const handler = async () => [];
    expect(() => new CommandRegistry([{ name: 'a', role: 'everyone', help: 'x', handler }, { name: 'b', aliases: ['a'], role: 'everyone', help: 'y', handler }])).toThrow(/twice/);
  });
});
