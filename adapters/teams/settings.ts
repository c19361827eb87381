// Bot Framework settings for Teams: picks the standard keys from the environment and refuses an open relay.
import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { SettingError } from '../../src/errors.js';
import { TeamsAuthentication } from './sdk-workarounds.js';
import { withSigningTimeout } from './timeouts.js';

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

/** Where the public cloud publishes the keys that sign the channel's tokens. */
export const PUBLIC_CHANNEL_METADATA = PUBLIC_CLOUD.ToBotFromChannelOpenIdMetadataUrl!;

const ENDPOINT_KEYS = Object.keys(PUBLIC_CLOUD) as (keyof BotFrameworkSettings)[];

/** A Bot Framework setting is missing or wrong; the message names it. */
export class TeamsConfigError extends SettingError {}

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

/**
 * Builds the authentication for CloudAdapter. Throws TeamsConfigError without an app id unless `emulator`.
 * `credentialsFactory` is a test hook (signs outbound calls for a local fake connector); never from the env.
 * Its connector requests and token fetches give up after `timeoutMs` (the route limits token checks).
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
    auth.requestTimeoutMs = timeoutMs;
    return auth;
  } catch (err) {
    // botbuilder's own checks (e.g. SingleTenant without MicrosoftAppTenantId) become a plain start-up error.
    throw new TeamsConfigError(`Teams settings are incomplete: ${(err as Error).message}`);
  }
}
