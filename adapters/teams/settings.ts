// Bot Framework settings for Teams: picks the standard keys from the environment and refuses an open relay.
import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { within, withRequestTimeout, withSigningTimeout } from './timeouts.js';

/** The Bot Framework's own setting names, read as they are (its SDK and docs use them). */
export const BOT_FRAMEWORK_KEYS = [
  'MicrosoftAppId',
  'MicrosoftAppPassword',
  'MicrosoftAppType',
  'MicrosoftAppTenantId',
  'CertificateThumbprint',
  'CertificatePrivateKey',
  'ChannelService',
  'ValidateAuthority',
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
  'ToBotFromChannelTokenIssuer',
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromEmulatorOpenIdMetadataUrl',
  'OAuthUrl',
  'CallerId',
] as const;

export type BotFrameworkSettings = Partial<Record<(typeof BOT_FRAMEWORK_KEYS)[number], string>>;

/** The public Azure cloud's values (botframework-connector's AuthenticationConstants). */
const PUBLIC_CLOUD: BotFrameworkSettings = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  OAuthUrl: 'https://api.botframework.com',
  CallerId: 'urn:botframework:azure',
};

const ENDPOINT_KEYS = Object.keys(PUBLIC_CLOUD) as (keyof BotFrameworkSettings)[];

export class TeamsConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamsConfigError';
  }
}

export const MISSING_APP_ID =
  'Teams needs MicrosoftAppId (and MicrosoftAppPassword, or a certificate / managed identity) from the Azure Bot ' +
  'registration: without an app id the Bot Framework SDK accepts unsigned requests and would post replies to any ' +
  'serviceUrl a caller names. For local testing with the Bot Framework Emulator set TEAMS_EMULATOR=true.';

/** Reads the standard keys (trimmed; empty means unset) from the environment. */
export function readBotFrameworkSettings(env: Record<string, string | undefined>): BotFrameworkSettings {
  const out: BotFrameworkSettings = {};
  for (const key of BOT_FRAMEWORK_KEYS) {
    const value = env[key]?.trim();
    if (value) out[key] = value;
  }
  // botbuilder treats ANY endpoint override as "all endpoints are given"; the rest would be undefined and
  // outbound calls would fail obscurely. Fill the unset ones with the public cloud's values instead.
  if (!out.ChannelService && ENDPOINT_KEYS.some((k) => out[k])) {
    for (const k of ENDPOINT_KEYS) out[k] ??= PUBLIC_CLOUD[k];
  }
  return out;
}

type CredentialsFactory = ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1];

/** What a checked token yields (botframework-connector's type, which botbuilder does not re-export). */
export type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type ConnectorFactory = NonNullable<AuthenticateRequestResult['connectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;

/** Connector clients kept, one per service URL and audience (Teams uses a handful of regional URLs). */
const CONNECTOR_CACHE_SIZE = 64;

/**
 * The Bot Framework authentication, with connector clients reused. botbuilder builds a new ConnectorClient
 * (credentials, HTTP pipeline, serializers) for every turn and every proactive message; a client holds no
 * per-turn state and its credentials cache their token, so one per service URL serves them all.
 */
export class TeamsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  /** The longest a token check may take (it may fetch the OpenID metadata and signing keys, with no timeout of its own). */
  timeoutMs = 10_000;

  /** A factory handing out the kept client for a service URL, creating it with `factory` the first time. */
  private cachedFactory(factory: ConnectorFactory): ConnectorFactory {
    return {
      create: (serviceUrl: string, audience?: string) => {
        const key = `${serviceUrl}\n${audience ?? ''}`;
        let client = this.connectors.get(key);
        if (!client) {
          if (this.connectors.size >= CONNECTOR_CACHE_SIZE) this.connectors.delete(this.connectors.keys().next().value!);
          client = factory.create(serviceUrl, audience).then((c) => withRequestTimeout(c, this.timeoutMs));
          // A failed creation is not kept: the next turn tries again.
          client.catch(() => this.connectors.delete(key));
          this.connectors.set(key, client);
        }
        return client;
      },
    };
  }

  /** Proactive messages (follow-ups) get their factory here. */
  override createConnectorFactory(claimsIdentity: Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0]): ConnectorFactory {
    return this.cachedFactory(super.createConnectorFactory(claimsIdentity));
  }

  /** Turns get their factory with the checked request (botbuilder builds it there, not through the method above). */
  override async authenticateRequest(
    activity: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>[0],
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await within(super.authenticateRequest(activity, authHeader), this.timeoutMs, 'Checking the request token');
    return result.connectorFactory ? { ...result, connectorFactory: this.cachedFactory(result.connectorFactory) } : result;
  }
}

/**
 * Builds the authentication for CloudAdapter. Throws TeamsConfigError without an app id unless `emulator`.
 * `credentialsFactory` is a test hook (signs outbound calls for a local fake connector); never from the env.
 * Every call it makes (connector requests, token fetches, token checks) gives up after `timeoutMs`.
 */
export function createTeamsAuthentication(
  settings: BotFrameworkSettings,
  options: { emulator: boolean; credentialsFactory?: unknown; timeoutMs?: number },
): TeamsAuthentication {
  if (!settings.MicrosoftAppId && !options.emulator) throw new TeamsConfigError(MISSING_APP_ID);
  const timeoutMs = options.timeoutMs ?? 10_000;
  try {
    const config = { ...settings, MicrosoftAppId: settings.MicrosoftAppId ?? '' };
    // What botbuilder would build itself without a factory, so the signing timeout covers production credentials too.
    const credentials = (options.credentialsFactory as CredentialsFactory | undefined) ?? new ConfigurationServiceClientCredentialFactory(config);
    const auth = new TeamsAuthentication(config, withSigningTimeout(credentials, timeoutMs));
    auth.timeoutMs = timeoutMs;
    return auth;
  } catch (err) {
    // botbuilder's own checks (e.g. SingleTenant without MicrosoftAppTenantId) become a plain start-up error.
    throw new TeamsConfigError(`Teams settings are incomplete: ${(err as Error).message}`);
  }
}
