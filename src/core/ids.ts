// Short random ids for sessions, cohorts and follow-ups (kept short: they travel in button values).
import { randomBytes, randomInt } from 'node:crypto';

export const newId = (bytes = 6): string => randomBytes(bytes).toString('base64url');

/** A join code people can read aloud and type: no 0/O or 1/I. */
export function joinCode(length = 6): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let code = '';
  for (let i = 0; i < length; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}
