// A local stand-in for the Bot Framework's identity service: OpenID metadata, JWKS, channel token signing, token endpoint.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

export interface IdentityCall {
  method: string;
  path: string;
  body?: Record<string, string>;
}

/** What botbuilder checks on a token from the Teams channel (see ParameterizedBotFrameworkAuthentication). */
export interface ChannelTokenClaims {
  appId: string;
  serviceUrl: string;
  /** Seconds from now; negative for an expired token. Default 3600. */
  expiresIn?: number;
  /** Default: the public cloud's 'https://api.botframework.com'. */
  issuer?: string;
  /** Default: appId. */
  audience?: string;
  /** Sign with a key the JWKS does not list (a forged token). */
  foreignKey?: boolean;
}

/**
 * Usage: `const id = await FakeBotFrameworkIdentity.start()`, set `ToBotFromChannelOpenIdMetadataUrl` to
 * `id.metadataUrl`, send `Authorization: Bearer ${await id.channelToken({ appId, serviceUrl })}`.
 * For outbound calls pass `id.credentialsFactory(appId, password)` as the adapter's credentials factory:
 * it takes tokens from this server's token endpoint, and `issuedTokens` lists them.
 */
export class FakeBotFrameworkIdentity {
  readonly calls: IdentityCall[] = [];
  readonly issuedTokens = new Set<string>();
  readonly kid = 'fake-teams-key-1';
  readonly issuer = 'https://api.botframework.com';
  private clients = new Map<string, string>();

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
    private readonly privateKey: CryptoKey,
    private readonly foreignKey: CryptoKey,
    private readonly jwk: Record<string, unknown>,
  ) {}

  /** `endorsements`: the channels the signing key is endorsed for (Teams: ['msteams']). */
  static async start(opts: { endorsements?: string[] } = {}): Promise<FakeBotFrameworkIdentity> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const foreign = await generateKeyPair('RS256');
    const server = http.createServer();
    server.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const jwk = { ...(await exportJWK(publicKey)), use: 'sig', alg: 'RS256', endorsements: opts.endorsements ?? ['msteams'] };
    const self = new FakeBotFrameworkIdentity(server, url, privateKey, foreign.privateKey, jwk);
    server.on('request', (req, res) => void self.handle(req, res));
    return self;
  }

  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  get tokenUrl(): string {
    return `${this.url}/botframework.com/oauth2/v2.0/token`;
  }

  /** A channel token as Teams would send it, signed with this server's key (or a foreign one). */
  async channelToken(c: ChannelTokenClaims): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + (c.expiresIn ?? 3600);
    return new SignJWT({ serviceurl: c.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer(c.issuer ?? this.issuer)
      .setAudience(c.audience ?? c.appId)
      .setIssuedAt(Math.min(now, exp - 60))
      .setNotBefore(Math.min(now, exp - 60))
      .setExpirationTime(exp)
      .sign(c.foreignKey ? this.foreignKey : this.privateKey);
  }

  /** Registers a bot's client credentials with the token endpoint. */
  registerClient(appId: string, password: string): void {
    this.clients.set(appId, password);
  }

  /**
   * A botbuilder ServiceClientCredentialsFactory (duck-typed) whose credentials take client-credentials tokens
   * from this server. Test-only: used because botbuilder's MSAL path needs https and Microsoft's instance discovery.
   */
  credentialsFactory(appId: string, password: string) {
    this.registerClient(appId, password);
    const tokenUrl = this.tokenUrl;
    return {
      isValidAppId: async (id: string) => id === appId,
      isAuthenticationDisabled: async () => false,
      createCredentials: async (_appId: string, audience?: string) => ({
        async signRequest<T extends { headers: { set(name: string, value: string): void } }>(webResource: T): Promise<T> {
          const res = await fetch(tokenUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
              grant_type: 'client_credentials',
              client_id: appId,
              client_secret: password,
              scope: `${audience ?? 'https://api.botframework.com'}/.default`,
            }),
          });
          if (!res.ok) throw new Error(`fake token endpoint said ${res.status}`);
          const { access_token } = (await res.json()) as { access_token: string };
          webResource.headers.set('authorization', `Bearer ${access_token}`);
          return webResource;
        },
      }),
    };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? Object.fromEntries(new URLSearchParams(raw)) : undefined;
    this.calls.push({ method: req.method ?? 'GET', path, ...(body ? { body } : {}) });
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (req.method === 'GET' && path === '/v1/.well-known/openidconfiguration') {
      return json(200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.url}/v1/.well-known/authorize`,
        jwks_uri: `${this.url}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    }
    if (req.method === 'GET' && path === '/v1/.well-known/keys') return json(200, { keys: [{ ...this.jwk, kid: this.kid }] });
    if (req.method === 'POST' && path === '/botframework.com/oauth2/v2.0/token') {
      if (body?.grant_type !== 'client_credentials' || !body.client_id || this.clients.get(body.client_id) !== body.client_secret) {
        return json(401, { error: 'invalid_client' });
      }
      const token = `fake-bf-token-${randomBytes(12).toString('hex')}`;
      this.issuedTokens.add(token);
      return json(200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: token });
    }
    json(404, { error: 'not found' });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
