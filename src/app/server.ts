// The one HTTP server: health checks plus every configured platform adapter's webhook routes.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import express from 'express';
import type { Logger } from 'pino';
import type { PlatformAdapter } from '../core/adapter.js';
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

/**
 * Gives every request an id (echoed in x-request-id), refuses declared oversized bodies before any
 * adapter reads them, and logs each request's outcome without its body.
 */
function requestContext(logger: Logger): express.RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', id);
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > MAX_BODY_BYTES) {
      res.status(413).json({ error: 'request body too large' });
      req.resume();
      return;
    }
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // A handler that refused a body part-way (a parser's size limit) leaves the rest unread, and the next
      // request on this keep-alive connection would wait behind it: read and drop the rest.
      if (!req.complete) req.resume();
      // At the usual level (info) a request that went well logs nothing: build no line for it.
      const failed = res.statusCode >= 500;
      if (!failed && !logger.isLevelEnabled('debug')) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = { reqId: id, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 };
      if (failed) logger.error(line, 'request failed');
      else logger.debug(line, 'request');
    });
    next();
  };
}

/** Listens, or fails with a StartupError naming PORT or HOST. */
async function listen(app: express.Express, port: number, host: string): Promise<Server> {
  const server = app.listen(port, host);
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
    server = await listen(httpApp(runtime, adapters), config.PORT, config.TEAMS_EMULATOR ? '127.0.0.1' : config.HOST);
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

function httpApp(runtime: Runtime, adapters: PlatformAdapter[]): express.Express {
  const { logger } = runtime;

  const app = express();
  app.disable('x-powered-by');
  app.use(requestContext(logger));
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
