// The one HTTP server: health checks plus every configured platform adapter's webhook routes.
import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import express from 'express';
import type { Logger } from 'pino';
import { sendJson } from '../../adapters/kit/node-http.js';
import type { NodeRoute, PlatformAdapter } from '../core/adapter.js';
import type { Config } from './config.js';
import { createAdapters, type AdapterOverrides } from './platforms.js';
import { createRuntime, type Runtime, type RuntimeOptions } from './runtime.js';
import { listenStartupError } from './startup.js';

export interface ServerOptions extends RuntimeOptions {
  overrides?: AdapterOverrides;
}

export interface RunningServer {
  /** Where to reach the server (loopback when it listens on every interface). */
  url: string;
  /** The address it really listens on, e.g. http://0.0.0.0:3978. */
  listening: string;
  port: number;
  runtime: Runtime;
  adapters: PlatformAdapter[];
  /** Graceful stop: no new requests, in-flight ones finish, adapters and scheduler stop, store closes. */
  close(): Promise<void>;
}

/** Largest request body any endpoint takes; platform payloads are far smaller. */
export const MAX_BODY_BYTES = 512 * 1024;

const REQUEST_ID = /^[\w.-]{1,64}$/;

/** How a node route is looked up: express's matching (any case, a trailing slash, the query string ignored). */
function routeKey(method: string, url: string): string {
  let end = url.indexOf('?');
  if (end < 0) end = url.length;
  if (end > 1 && url.charCodeAt(end - 1) === 47 /* '/' */) end--;
  return `${method} ${url.slice(0, end).toLowerCase()}`;
}

export interface RequestListenerOptions {
  /** Answered straight from node:http, ahead of `fallback` (the adapters' hot webhooks). */
  nodeRoutes: readonly NodeRoute[];
  /** Everything else: the express app. */
  fallback: RequestListener;
  logger: Logger;
  maxBodyBytes?: number;
}

/**
 * The server's request listener. For every request: an id (echoed in x-request-id), a declared oversized body
 * refused with 413 before anyone reads it, the outcome logged without the body (a 5xx always; every request
 * at debug), and a body a handler left unread drained after the response. Then a node route's handler, or
 * express for anything else. Exported for tests that serve an adapter alone.
 */
export function createRequestListener(options: RequestListenerOptions): RequestListener {
  const { logger, fallback } = options;
  const limits = { maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES };
  const routes = new Map(options.nodeRoutes.map((r) => [routeKey(r.method.toUpperCase(), r.path), r]));
  return (req, res) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // A handler that refused a body part-way (a size limit) leaves the rest unread, and the next request on
      // this keep-alive connection would wait behind it: read and drop the rest.
      if (!req.complete) req.resume();
      // At the usual level (info) a request that went well logs nothing: build no line for it.
      const failed = res.statusCode >= 500;
      if (!failed && !logger.isLevelEnabled('debug')) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const line = { reqId: id, method: req.method, path: q < 0 ? url : url.slice(0, q), status: res.statusCode, ms: Math.round(ms * 10) / 10 };
      if (failed) logger.error(line, 'request failed');
      else logger.debug(line, 'request');
    });
    if (Number(req.headers['content-length'] ?? 0) > limits.maxBodyBytes) {
      sendJson(res, 413, { error: 'request body too large' });
      req.resume();
      return;
    }
    const route = routes.size ? routes.get(routeKey(req.method ?? 'GET', req.url ?? '/')) : undefined;
    if (!route) {
      fallback(req, res);
      return;
    }
    route.handle(req, res, limits).catch((err: unknown) => {
      logger.error({ err, reqId: id }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  };
}

/** Listens, or fails with a StartupError naming PORT or HOST. */
async function listen(listener: RequestListener, port: number, host: string): Promise<Server> {
  const server = createServer(listener).listen(port, host);
  try {
    await once(server, 'listening');
    return server;
  } catch (err) {
    throw listenStartupError(err, host, port);
  }
}

export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const runtime = await createRuntime(config, options);
  let adapters: PlatformAdapter[] = [];
  let server: Server | undefined;
  try {
    adapters = await createAdapters(config, runtime.adapterDeps, options.overrides);
    // Teams emulator mode has no authentication: keep it on loopback whatever HOST says.
    server = await listen(httpListener(runtime, adapters), config.PORT, config.TEAMS_EMULATOR ? '127.0.0.1' : config.HOST);
    server.keepAliveTimeout = 65_000;
    for (const adapter of adapters) await adapter.start();
    runtime.startBackground(Object.fromEntries(adapters.map((a) => [a.platform, a.messenger])));
  } catch (err) {
    // Nothing half-started stays running, so a process that failed to start can exit.
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    }
    for (const adapter of adapters) await adapter.stop().catch(() => undefined);
    await runtime.close().catch(() => undefined);
    throw err;
  }
  return running(runtime, adapters, server);
}

/** The Telegram webhook (node routes) straight from node:http; health checks and the other adapters on express. */
function httpListener(runtime: Runtime, adapters: PlatformAdapter[]): RequestListener {
  const { logger } = runtime;
  const nodeRoutes = adapters.flatMap((a) => a.nodeRoutes ?? []);
  return createRequestListener({ nodeRoutes, fallback: expressApp(runtime, adapters), logger });
}

function expressApp(runtime: Runtime, adapters: PlatformAdapter[]): express.Express {
  const { logger } = runtime;

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', async (_req, res) => {
    const ok = await runtime.store.ping().catch(() => false);
    res.status(ok ? 200 : 503).json({ ok, store: runtime.store.kind });
  });
  for (const adapter of adapters) if (adapter.routes) app.use(adapter.routes);
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  // Express's last-resort handler: a short JSON error, never a stack trace.
  app.use((err: { status?: number; statusCode?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = err.status ?? err.statusCode ?? 500;
    if (status >= 500) logger.error({ err }, 'request failed');
    if (!res.headersSent) res.status(status).json({ error: status >= 500 ? 'internal error' : 'bad request' });
  });
  return app;
}

function running(runtime: Runtime, adapters: PlatformAdapter[], server: Server): RunningServer {
  const { logger } = runtime;
  const address = server.address() as AddressInfo;
  const { port } = address;
  const bound = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const listening = `http://${bound}:${port}`;
  const anywhere = address.address === '0.0.0.0' || address.address === '::';
  const url = anywhere ? `http://127.0.0.1:${port}` : listening;
  logger.info({ port, address: address.address, platforms: adapters.map((a) => a.platform) }, 'workshop-bot serving');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // close() only drops connections idle at this moment; one busy now would stay open for keepAliveTimeout
      // after its last response (and hold up the exit), so drop each as it falls idle.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      void stopped.finally(() => clearInterval(sweep));
      for (const adapter of adapters) await adapter.stop().catch((err) => logger.warn({ err }, 'adapter stop failed'));
      await stopped;
      await runtime.close();
    })());

  return { url, listening, port, runtime, adapters, close };
}
