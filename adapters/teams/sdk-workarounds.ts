// The two things botbuilder offers no public way to do, in one place so an upgrade meets them here.
// Written against botbuilder 4.23.3; tests/teams/sdk-workarounds.test.ts pins that version and checks each
// still takes effect, so an upgrade fails there, loudly, instead of silently losing a timeout or a cache.
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

/** The botbuilder (and botframework-connector) version these workarounds were written and tested against. */
export const BOTBUILDER_VERSION = '4.23.3';

/** What a checked token yields (botframework-connector's type, which botbuilder does not re-export). */
export type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
export type ConnectorFactory = NonNullable<AuthenticateRequestResult['connectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;

/**
 * 1. A time limit on every connector call. botbuilder calls its ConnectorClient without options, so the
 * per-request `timeout` (RequestOptionsBase.timeout, public) is never set, and the client's options cannot carry
 * it: botframework-connector's ConnectorFactoryImpl replaces `requestPolicyFactories` with its own. So the
 * client's sendOperationRequest is wrapped to add the option unless the caller set one. A timed-out request is
 * aborted and not retried by the SDK's retry policy.
 */
export function withRequestTimeout<C extends { sendOperationRequest: (args: { options?: object }, ...rest: never[]) => Promise<unknown> }>(client: C, ms: number): C {
  const send = client.sendOperationRequest.bind(client) as (...a: unknown[]) => Promise<unknown>;
  client.sendOperationRequest = ((args: { options?: object }, ...rest: unknown[]) => send({ ...args, options: { timeout: ms, ...args.options } }, ...rest)) as C['sendOperationRequest'];
  return client;
}

/** Connector clients kept, one per service URL and audience (Teams uses a handful of regional URLs). */
const CONNECTOR_CACHE_SIZE = 64;

/**
 * 2. Connector clients reused. botbuilder builds a new ConnectorClient (credentials, HTTP pipeline,
 * serializers) for every turn and every proactive message; a client holds no per-turn state and its
 * credentials cache their token, so one per service URL serves them all (section 6 of the benchmarks: about a
 * quarter of the CPU of a proactive message). Turns get the cache without any override: the route calls the
 * public authenticateRequest itself and hands `reuseConnectors(result)` to CloudAdapter.processActivityDirect.
 * Proactive messages (continueConversationAsync) build their factory inside CloudAdapterBase, through
 * createConnectorFactory: only overriding that method reaches them.
 */
export class TeamsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  /** Every connector call gives up after this long. */
  requestTimeoutMs = 10_000;

  /** A factory handing out the kept client for a service URL, creating it with `factory` the first time. */
  private cachedFactory(factory: ConnectorFactory): ConnectorFactory {
    return {
      create: (serviceUrl: string, audience?: string) => {
        const key = `${serviceUrl}\n${audience ?? ''}`;
        let client = this.connectors.get(key);
        if (!client) {
          if (this.connectors.size >= CONNECTOR_CACHE_SIZE) this.connectors.delete(this.connectors.keys().next().value!);
          client = factory.create(serviceUrl, audience).then((c) => withRequestTimeout(c, this.requestTimeoutMs));
          // A failed creation is not kept: the next turn tries again.
          client.catch(() => this.connectors.delete(key));
          this.connectors.set(key, client);
        }
        return client;
      },
    };
  }

  /** A checked request whose connector factory hands out the kept clients. */
  reuseConnectors(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return result.connectorFactory ? { ...result, connectorFactory: this.cachedFactory(result.connectorFactory) } : result;
  }

  /** Proactive messages (follow-ups) get their factory here. */
  override createConnectorFactory(claimsIdentity: Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0]): ConnectorFactory {
    return this.cachedFactory(super.createConnectorFactory(claimsIdentity));
  }
}
