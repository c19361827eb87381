// The time source everything that reads "now" is given, so tests can hold or move it.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
