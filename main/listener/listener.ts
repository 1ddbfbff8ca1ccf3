// The embedded HTTP listener that WeCom and business systems reach (separate from the admin UI server).
// Routes are registered by features (callbacks, SSO, message API); /healthz answers the F0.2 inbound check.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendJson, sendText } from '../server/http-util';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface Listener {
  url: string;
  port: number;
  server: Server;
  route(prefix: string, handler: RouteHandler): void;
  close(): Promise<void>;
}

export async function startListener(opts: { host: string; port: number; onError?: (e: unknown) => void }): Promise<Listener> {
  const routes: [string, RouteHandler][] = [];
  const server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://listener');
    } catch {
      return sendText(res, 400, 'bad request');
    }
    if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true, service: 'wecom-bridge-listener' });
    const hit = routes.find(([p]) => url.pathname === p || url.pathname.startsWith(p.endsWith('/') ? p : `${p}/`));
    if (!hit) return sendText(res, 404, 'not found');
    Promise.resolve(hit[1](req, res, url)).catch((e) => {
      opts.onError?.(e);
      if (!res.headersSent) sendText(res, 500, 'error');
      else res.destroy();
    });
  });
  // Slow clients must not hold connections open (WeCom itself answers well within these).
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 64;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${host}:${port}`,
    port,
    server,
    route(prefix, handler) {
      routes.push([prefix, handler]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
