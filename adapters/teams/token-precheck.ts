// A cheap look at a bearer token's claims before botbuilder checks it: refuses what it would refuse anyway.
//
// botframework-connector prints to the console for some refusals (an expired token: the whole error with its
// stack; a bad signature or issuer: "Error finding key for token"), and anyone can send such tokens. Patching
// console is not ours to do; refusing the commonest forgeries before the SDK sees them keeps them out of the
// output. This check only ever refuses more: every token it lets through still gets botbuilder's full check.

/** botframework-connector's clock tolerance (ChannelValidation: clockTolerance 5 * 60 seconds). */
const CLOCK_TOLERANCE_S = 5 * 60;

const SEGMENT = /^[A-Za-z0-9_-]+$/;

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why the Authorization header cannot carry a token botbuilder would accept (missing, not a JWT, expired or
 * not yet valid beyond the SDK's tolerance), or undefined when only botbuilder's full check can tell.
 */
export function tokenPrecheck(header: string | undefined, nowMs: number): string | undefined {
  const m = /^Bearer ([^\s]+)$/i.exec(header ?? '');
  if (!m) return 'no bearer token';
  const parts = m[1]!.split('.');
  if (parts.length !== 3 || !parts.every((p) => SEGMENT.test(p))) return 'not a JWT';
  const head = decodeSegment(parts[0]!);
  const claims = decodeSegment(parts[1]!);
  if (!head || !claims || typeof head.kid !== 'string') return 'not a JWT';
  const now = nowMs / 1000;
  if (typeof claims.exp === 'number' && claims.exp + CLOCK_TOLERANCE_S < now) return 'expired';
  if (typeof claims.nbf === 'number' && claims.nbf - CLOCK_TOLERANCE_S > now) return 'not valid yet';
  return undefined;
}
