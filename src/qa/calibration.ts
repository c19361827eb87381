// The answerer's decision points, set from the tuning packs (`npm run eval -- --calibrate` prints the
// best values for them), never from one question.
export const CALIBRATION = {
  /** Below this score of the best document the bot declines, with suggestions. */
  answer: 0.71,
  /** From `answer` up to this score the bot answers but says it is not certain. */
  sure: 0.95,
  /** A neighbouring unit joins the answer when it scores at most this much below the best one. */
  neighbourGap: 0.15,
  /**
   * A second unit scoring at most this much below the best one is offered beside it ("these two look closest"):
   * within this margin, in 1 such answer in 10 or more on the tuning packs the second holds what the best one
   * lacks, whatever the best one's score (`node dist/eval/calibrate.js` prints the shares by margin).
   */
  runnerUpGap: 0.2,
  /** "Which is more common, A or B?": a unit giving both figures answers when it scores at most this much below the best. */
  compareGap: 0.35,
  /** What each topic word the best doc lacks (beyond the first) takes from its score. */
  missingWords: 0.3,
  /** A follow-up with words of its own is read with the last topic unless alone it scores this much better. */
  followupTie: 0.1,
  /** A question that points back with a pronoun is read alone when that reading scores this much above the one with the last topic. */
  followupFar: 0.5,
  /**
   * A declined question whose best unit holds at least this share of its words still names what the conversation
   * is about: "who paid for it?" after it asks of that, not of the answer before.
   */
  declinedTopic: 0.5,
};
