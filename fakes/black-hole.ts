// A server that accepts connections, reads whatever is sent, and never answers: a platform endpoint that hangs.
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export class BlackHole {
  /** Connections accepted so far. */
  connections = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    /** http://127.0.0.1:PORT/ (with the trailing slash Teams service URLs have). */
    readonly url: string,
  ) {}

  static async start(): Promise<BlackHole> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const hole = new BlackHole(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    server.on('connection', (socket) => {
      hole.connections++;
      hole.sockets.add(socket);
      socket.on('data', () => undefined);
      socket.on('error', () => undefined);
      socket.on('close', () => hole.sockets.delete(socket));
    });
    return hole;
  }

  /** Sockets still open: requests whose callers have not given up. */
  get open(): number {
    return this.sockets.size;
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
