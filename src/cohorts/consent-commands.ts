// /share: a member lets their cohort's trainers see their results by name before 5 members have completed.
import type { CommandContext } from '../core/context.js';
import { text, type Outgoing } from '../core/messages.js';
import { firstWord } from '../core/words.js';
import type { CohortRecord } from '../store/types.js';
import { MIN_GROUP } from './access.js';
import { cohortByCode, isReply } from './codes.js';

const names = (cohorts: CohortRecord[]) => cohorts.map((c) => `"${c.name}" (${c.code})`).join(', ');

/** /share [CODE|off]. */
export async function share(ctx: CommandContext): Promise<Outgoing[]> {
  const { store } = ctx.services;
  const [first, rest] = firstWord(ctx.args);
  const off = /^(off|stop|no|undo)$/i.test(first);
  const which = off ? rest : ctx.args.trim();
  const mine = await store.cohortsOf(ctx.userKey);
  if (!mine.length) return [text("You're not in any cohort, so there is no trainer to share your results with. /join CODE joins one.")];

  let chosen: CohortRecord[];
  if (/^all$/i.test(which) || (!which && (mine.length === 1 || off))) chosen = mine;
  else if (!which) {
    return [text([`You're in ${mine.length} cohorts:`, ...mine.map((c) => `• ${c.name} (${c.code})`), 'Send /share CODE for one of them, or /share all.'].join('\n'))];
  } else {
    const found = await cohortByCode(ctx, which);
    if (isReply(found) || !mine.some((c) => c.id === found.id)) return [text("You're not in a cohort with that code. /share alone lists yours.")];
    chosen = [found];
  }
  for (const c of chosen) await store.setSharesResults(c.id, ctx.userKey, !off);
  if (off) {
    return [text(`Done: the trainers of ${names(chosen)} see your results by name only once ${MIN_GROUP} members have completed the same activity; until then, counts only.`)];
  }
  return [
    text(
      `Done: the trainers of ${names(chosen)} now see your readiness answers and quiz scores by name in their exports, ` +
        `even before ${MIN_GROUP} members have completed. /share off takes it back; /privacy says what trainers see.`,
    ),
  ];
}
