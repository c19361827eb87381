// Every command the bot answers to, declared once: the router, /help, bare words and the platforms' menus read this.
// Adding a command: one entry here, plus its handler in the domain folder it belongs to.
import { cohort, join, leave, listCohorts, trainer } from '../cohorts/cohort-commands.js';
import { MIN_GROUP } from '../cohorts/access.js';
import { share } from '../cohorts/consent-commands.js';
import type { Content } from '../content/schema.js';
import { exampleQuestions } from '../content/examples.js';
import * as everyday from '../core/basic-commands.js';
import { CommandRegistry, type CommandDef, type CommandMenu } from '../core/commands.js';
import { DEFAULT_QUIZ_LENGTH, MAX_QUIZ_LENGTH } from '../core/flows.js';
import { followup, listFollowups } from '../followups/followup-commands.js';
import { exportCsv, report, unanswered } from '../reports/insight-commands.js';

const questions = (n: number): string => `${n} question${n === 1 ? '' : 's'}`;

/** In /help's order: everyone's first, then the trainers'. At most 10 carry a menu line (Teams lists no more). */
export const COMMANDS: readonly CommandDef[] = [
  { name: 'help', aliases: ['start'], bare: true, role: 'everyone', help: 'what I can do (this list)', menu: 'What I can do', handler: everyday.help },
  {
    name: 'ask',
    args: 'QUESTION',
    role: 'everyone',
    help: 'ask about the workshop (in a direct chat, just type)',
    menu: 'Ask about the workshop (in a direct chat, just type)',
    handler: everyday.ask,
  },
  {
    name: 'readiness',
    bare: true,
    role: 'everyone',
    help: (c) => `check your government against the workshop's ${c.indicatorSet.name} (${questions(c.indicators.length)})`,
    menu: (c) => `Readiness self-assessment: ${questions(c.indicators.length)} on the ${c.indicatorSet.name}`,
    available: everyday.hasReadiness,
    handler: everyday.readiness,
  },
  {
    name: 'quiz',
    args: '[N]',
    bare: true,
    role: 'everyone',
    help: `a short knowledge quiz (${DEFAULT_QUIZ_LENGTH} questions, or N up to ${MAX_QUIZ_LENGTH})`,
    menu: 'A short knowledge quiz',
    available: everyday.hasQuiz,
    handler: everyday.quiz,
  },
  { name: 'stop', bare: true, role: 'everyone', help: 'end the quiz or self-assessment in progress', menu: 'Stop the quiz or self-assessment in progress', handler: everyday.stop },
  { name: 'results', bare: true, role: 'everyone', help: 'your own readiness results and quiz scores', menu: 'Your readiness results and quiz scores', handler: everyday.results },
  {
    name: 'timezone',
    args: '[ZONE]',
    role: 'everyone',
    help: 'see or set the time zone your times are shown in (e.g. America/Panama)',
    handler: everyday.timezone,
  },
  { name: 'privacy', bare: true, role: 'everyone', help: 'what is kept about you and who can see it', menu: 'What is kept about you', handler: everyday.privacy },
  { name: 'forget', role: 'everyone', help: 'erase everything kept about you', menu: 'Erase everything kept about you', handler: everyday.forget },
  {
    name: 'join',
    args: 'CODE',
    bare: true,
    deepLink: true,
    role: 'everyone',
    help: 'join your workshop cohort with the code your trainer gave you',
    menu: 'Join a workshop cohort with its code',
    handler: join,
  },
  { name: 'leave', args: '[CODE]', bare: true, role: 'everyone', help: 'leave a cohort (no more follow-ups from it)', menu: 'Leave your cohort', handler: leave },
  {
    name: 'share',
    args: '[CODE|off]',
    role: 'everyone',
    help: `let your cohort's trainers see your results by name before ${MIN_GROUP} members have completed (/share off takes it back)`,
    handler: share,
  },
  { name: 'trainer', args: 'add|remove platform:id', role: 'trainer', help: 'make someone a trainer, or remove one', handler: trainer },
  {
    name: 'cohort',
    args: 'new NAME',
    role: 'trainer',
    help: 'create a cohort and get its join code (/cohort share CODE platform:id to run it with another trainer)',
    handler: cohort,
  },
  { name: 'cohorts', role: 'trainer', help: 'list your cohorts with their codes and member counts', handler: listCohorts },
  {
    name: 'followup',
    args: 'CODE WHEN WHAT',
    role: 'trainer',
    help: 'schedule a message, quiz or readiness re-check for a cohort (/followup cancel ID)',
    handler: followup,
  },
  { name: 'followups', args: '[CODE]', role: 'trainer', help: 'list the scheduled and sent follow-ups of your cohorts', handler: listFollowups },
  {
    name: 'report',
    args: 'CODE',
    role: 'trainer',
    help: `a cohort's readiness, quiz scores and open questions (averages and a chart from ${MIN_GROUP} people)`,
    handler: report,
  },
  {
    name: 'export',
    args: 'CODE',
    role: 'trainer',
    help: `members' results as a CSV file (by name from ${MIN_GROUP} people, or as members /share them)`,
    handler: exportCsv,
  },
  {
    name: 'unanswered',
    args: '[CODE]',
    role: 'trainer',
    help: 'questions your cohorts’ members asked that I could not answer (/unanswered done ID marks one handled)',
    handler: unanswered,
  },
];

/** The registry over COMMANDS. */
export const commandRegistry = (): CommandRegistry => new CommandRegistry(COMMANDS);

/** What the platforms' menus and manifests say for this pack: its commands, an example question, its title. */
export function commandMenu(content: Content): CommandMenu {
  return { commands: commandRegistry().menu(content), example: exampleQuestions(content)[0], title: content.meta.title };
}
