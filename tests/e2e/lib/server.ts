// A local HTTPS server for end-to-end runs: 127.0.0.1, a free port, and a throwaway self-signed
// certificate made at start-up (never written to disk). Chromium reaches it through
// --host-resolver-rules, so the page really is https://x.com/... as far as the extension knows.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface Reply {
  status?: number;
  type: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/** Returns the reply for a request, or null for 404. `host` has no port. */
export type Route = (request: { url: URL; host: string; method: string }) => Reply | null;

export interface TestServer {
  port: number;
  /** Every request served, newest last: `host path` (handy when a test needs to see what loaded). */
  log: string[];
  close(): Promise<void>;
}

export const MIME = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  text: 'text/plain; charset=utf-8',
} as const;

export async function startHttpsServer(route: Route, hosts: string[] = []): Promise<TestServer> {
  const altNames = [
    { type: 7 as const, ip: '127.0.0.1' },
    { type: 2 as const, value: 'localhost' },
    ...hosts.flatMap((h) => [
      { type: 2 as const, value: h },
      { type: 2 as const, value: `*.${h}` },
    ]),
  ];
  const pems = await generate([{ name: 'commonName', value: hosts[0] ?? 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    notAfterDate: new Date(Date.now() + 2 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  const log: string[] = [];
  const server: Server = createServer(
    { key: pems.private, cert: pems.cert },
    (req: IncomingMessage, res: ServerResponse) => {
      const host = (req.headers.host ?? 'localhost').replace(/:\d+$/, '');
      const url = new URL(req.url ?? '/', `https://${host}`);
      log.push(`${host} ${url.pathname}`);
      let reply: Reply | null;
      try {
        reply = route({ url, host, method: req.method ?? 'GET' });
      } catch (error) {
        reply = { status: 500, type: MIME.text, body: String(error) };
      }
      reply ??= { status: 404, type: MIME.text, body: 'not found' };
      res.writeHead(reply.status ?? 200, {
        'content-type': reply.type,
        'cache-control': 'no-store',
        ...reply.headers,
      });
      res.end(req.method === 'HEAD' ? undefined : reply.body);
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
