// The baseline server: bare node:http answering every request with a fixed-size body (BARE_BODY_BYTES).
// Also the memory baseline: an idle node process holding an http server.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const size = Number(process.env.BARE_BODY_BYTES ?? 0);
const body = Buffer.alloc(size, 'x');
const server = createServer((req, res) => {
  // Read the request body as a real endpoint would, then answer.
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(size) });
    res.end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
