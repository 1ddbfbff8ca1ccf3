// The embedded HTTP listener that WeCom and business systems reach (separate from the admin UI server).
// Routes are registered by features (callbacks, SSO, message API); /healthz answers the F0.2 inbound check.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { sendJson, sendText } from '../server/http-util';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;
/** A request that never reached a route: malformed HTTP, or headers/body too slow (`timeout`). */
export type ClientErrorListener = (e: { reason: 'timeout' | 'client_error'; source: string }) => void;

export interface Listener {
  url: string;
  port: number;
  server: Server;
  route(prefix: string, handler: RouteHandler): void;
  onClientError(l: ClientErrorListener): () => void;
  close(): Promise<void>;
}

export interface ListenerOptions {
  host: string;
  port: number;
  onError?: (e: unknown) => void;
  /** Whole header block (default 10 s) and whole request (default 15 s); WeCom answers well within both. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  maxConnections?: number;
}

export async function startListener(opts: ListenerOptions): Promise<Listener> {
  const routes: [string, RouteHandler][] = [];
  const clientErrorListeners = new Set<ClientErrorListener>();
  const requestTimeout = opts.requestTimeoutMs ?? 15_000;
  const server = createServer(
    // Timeouts are enforced by a periodic sweep; a short period makes them bite on time.
    { connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(requestTimeout / 4))), requestTimeout, headersTimeout: opts.headersTimeoutMs ?? 10_000 },
    (req, res) => {
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
    },
  );
  // Slow clients must not hold connections open (WeCom itself answers well within these).
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 64;
  server.maxConnections = opts.maxConnections ?? 4096;
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    const timeout = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const reset = err.code === 'ECONNRESET' || !socket.writable;
    if (!reset) {
      const e = { reason: timeout ? ('timeout' as const) : ('client_error' as const), source: socket.remoteAddress ?? '' };
      for (const l of clientErrorListeners) {
        try {
          l(e);
        } catch {
          // A broken counter must not keep the socket open.
        }
      }
    }
    if (socket.writable && !socket.destroyed) socket.end(timeout ? 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n' : 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
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
    onClientError(l) {
      clientErrorListeners.add(l);
      return () => clientErrorListeners.delete(l);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
