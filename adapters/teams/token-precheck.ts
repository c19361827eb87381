// A cheap look at a bearer token's claims before botbuilder checks it: refuses what it would refuse anyway.
//
// botframework-connector prints to the console for some refusals (an expired token: the whole error with its
// stack; a bad signature or issuer: "Error finding key for token" and the signing keys), and anyone can send
// such tokens. Patching console is not ours to do; refusing such forgeries before the SDK sees them keeps them
// out of the output. This check only ever refuses more: every token it lets through still gets botbuilder's full check.
import { compactVerify, createRemoteJWKSet, errors as joseErrors } from 'jose';

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

/** botframework-connector's AuthenticationConstants.AllowedSigningAlgorithms. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512'];

/** Tokens whose signature this check has seen verify: the channel sends the same token with many activities. */
const VERIFIED_CACHE_SIZE = 1000;

export interface TokenPrecheckOptions {
  /**
   * The OpenID metadata the channel's tokens are signed under (ToBotFromChannelOpenIdMetadataUrl); without it
   * (emulator mode, a national cloud's ChannelService) only the claims are looked at.
   */
  metadataUrl?: string;
  timeoutMs: number;
}

/**
 * The claims check above, then the signature against the channel's published keys (jose): a token signed with
 * another key under a known key id is what makes botframework-connector print the keys. Whatever this cannot
 * decide (keys not fetched, a key id it does not know yet) is left to botbuilder, never refused here.
 */
export function createTokenPrecheck(opts: TokenPrecheckOptions): (header: string | undefined) => Promise<string | undefined> {
  let keys: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  const keySet = () => {
    keys ??= (async () => {
      const res = await fetch(opts.metadataUrl!, { signal: AbortSignal.timeout(opts.timeoutMs) });
      const jwksUri = ((await res.json()) as { jwks_uri?: unknown }).jwks_uri;
      if (!res.ok || typeof jwksUri !== 'string') throw new Error(`no jwks_uri in the OpenID metadata (${res.status})`);
      return createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: opts.timeoutMs });
    })();
    // A failed fetch is not kept: the next request tries again.
    keys.catch(() => (keys = undefined));
    return keys;
  };
  // Only this pre-check's own verdict is remembered (until the check above would refuse the token as expired):
  // botbuilder still checks every request in full.
  const verified = new Set<string>();
  return async (header) => {
    const why = tokenPrecheck(header, Date.now());
    if (why || !opts.metadataUrl) return why;
    const jwt = header!.slice('Bearer '.length);
    if (verified.has(jwt)) return undefined;
    try {
      await compactVerify(jwt, await keySet(), { algorithms: ALGORITHMS });
      if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.values().next().value!);
      verified.add(jwt);
      return undefined;
    } catch (err) {
      return err instanceof joseErrors.JWSSignatureVerificationFailed ? 'bad signature' : undefined;
    }
  };
}
