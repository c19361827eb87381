// The cheap look at a token's claims that refuses, before botbuilder, what botbuilder would refuse anyway.
import { describe, expect, it } from 'vitest';
import { tokenPrecheck } from '../../adapters/teams/token-precheck.js';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = Date.UTC(2026, 0, 1) / 1000;
const token = (claims: object, head: object = { alg: 'RS256', kid: 'k1' }) => `Bearer ${b64(head)}.${b64(claims)}.c2ln`;

describe('tokenPrecheck', () => {
  it('lets a current token through to the full check', () => {
    expect(tokenPrecheck(token({ exp: now + 600, nbf: now - 10 }), now * 1000)).toBeUndefined();
  });

  it.each([
    ['no header', undefined, 'no bearer token'],
    ['another scheme', 'Basic abc', 'no bearer token'],
    ['not three parts', 'Bearer abc.def', 'not a JWT'],
    ['parts that are not JSON', 'Bearer a.b.c', 'not a JWT'],
    ['no key id', token({ exp: now + 600 }, { alg: 'RS256' }), 'not a JWT'],
    ['expired beyond the tolerance', token({ exp: now - 301 }), 'expired'],
    ['not valid for a while yet', token({ exp: now + 9000, nbf: now + 301 }), 'not valid yet'],
  ])('refuses %s', (_name, header, reason) => {
    expect(tokenPrecheck(header, now * 1000)).toBe(reason);
  });

  it("leaves tokens within botbuilder's five-minute tolerance to botbuilder", () => {
    expect(tokenPrecheck(token({ exp: now - 299, nbf: now + 299 }), now * 1000)).toBeUndefined();
  });
});
