// The trainers' commands (and everyone's /join, /leave and /share), handed to the Bot by the runtime.
import type { Bot } from '../core/bot.js';
import type { CommandSpec } from '../core/context.js';
import { cohortCommands } from './cohort-commands.js';
import { consentCommands } from './consent-commands.js';
import { followupCommands } from './followup-commands.js';
import { insightCommands } from './insight-commands.js';

export function trainerCommands(bot: Bot): CommandSpec[] {
  return [...cohortCommands(bot), ...consentCommands(), ...followupCommands(), ...insightCommands()];
}
