// Wrong /join codes per person: a few typos are fine, guessing codes is not.
import { Lru } from '../core/lru.js';

export const MAX_WRONG_CODES = 5;
export const WRONG_CODES_WINDOW_MS = 10 * 60_000;

/** Per person (in this process, on the bot's clock): when their last few wrong codes were sent. */
export class JoinGuesses {
  private readonly wrong: Lru<string, number[]>;

  constructor(
    private readonly maxWrong = MAX_WRONG_CODES,
    private readonly windowMs = WRONG_CODES_WINDOW_MS,
    peopleKept = 10_000,
  ) {
    this.wrong = new Lru(peopleKept);
  }

  /** How long until this person may try a code again; 0 when they may now. */
  waitMs(key: string, nowMs: number): number {
    const recent = (this.wrong.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
    const oldest = recent.at(-this.maxWrong);
    return recent.length >= this.maxWrong && oldest !== undefined ? oldest + this.windowMs - nowMs : 0;
  }

  recordWrong(key: string, nowMs: number): void {
    const recent = (this.wrong.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
    this.wrong.set(key, [...recent, nowMs].slice(-this.maxWrong));
  }
}
