// The App Home tab: how to use the bot, and the person's latest results as the core reports them.
import type { types } from '@slack/bolt';
import { SLACK_LIMITS, sectionBlocks } from './render.js';

const HOW_TO = [
  '*Ask a question*: write to me in the Messages tab, or mention me in a channel I am in. I answer from the workshop material and say where the answer comes from.',
  '*Check your readiness*: `/readiness` walks you through the institutional-framework indicators, one button press each, and ends with your profile chart.',
  '*Test yourself*: `/quiz` (or `/quiz 10`) asks a short knowledge quiz.',
  '*Your results*: `/results`. *Your data*: `/privacy` and `/forget`.',
  '*Everything else*: `/workshop help`, e.g. `/workshop join CODE` to join your cohort.',
].join('\n\n');

/** The Home tab view; `results` is the core's plain-text answer to /results (absent if it failed). */
export function renderHomeView(results: string | undefined): types.HomeView {
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Workshop assistant', emoji: true } },
    // The how-to is our own mrkdwn; text from the core is plain text.
    { type: 'section', text: { type: 'mrkdwn', text: HOW_TO } },
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: 'Your latest results', emoji: true } },
    ...sectionBlocks(results ?? 'Your results could not be loaded just now. Send /results to see them.'),
  ];
  return { type: 'home', blocks: blocks.slice(0, SLACK_LIMITS.homeBlocks) };
}
