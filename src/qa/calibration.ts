// The answerer's decision points, set from the tuning packs (`npm run eval -- --calibrate` prints the
// best values for them), never from one question.
export const CALIBRATION = {
  /** Below this score of the best document the bot declines, with suggestions. */
  answer: 0.71,
  /** From `answer` up to this score the bot answers but says it is not certain. */
  sure: 0.95,
  /** A neighbouring unit joins the answer when it scores at most this much below the best one. */
  neighbourGap: 0.15,
  /** Below `sure`, a second unit scoring at most this much below the best one is offered beside it. */
  runnerUpGap: 0.15,
  /** At any score, a second unit this close to the best one is a tie the ranking cannot break: both are given. */
  tieGap: 0.05,
  /** "Which is more common, A or B?": a unit giving both figures answers when it scores at most this much below the best. */
  compareGap: 0.35,
  /** What each topic word the best doc lacks (beyond the first) takes from its score. */
  missingWords: 0.3,
  /** A follow-up with words of its own is read with the last topic unless alone it scores this much better. */
  followupTie: 0.1,
};
