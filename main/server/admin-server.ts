// The headless shell's transport: the UI, `POST /rpc/<method>` and `GET /events` (SSE) on loopback,
// guarded by a random per-launch token, a Host/Origin check against DNS rebinding, and body/connection caps.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isEventName } from '../api/events';
import { bodyLimitOf, isMethod } from '../api/contract';
import type { CoreHandle } from '../core/types';
import { BodyTooLarge, readBody, sendJson, sendText, tokenMatches } from './http-util';
import { createStaticFiles } from './static-files';

const MAX_SSE_CLIENTS = 32;
const HEARTBEAT_MS = 15_000;
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
const COOKIE = 'wb_session';

export interface AdminServerOptions {
  core: CoreHandle;
  host: string;
  port: number;
  rendererDir: string;
  token?: string;
}

export interface AdminServer {
  url: string;
  uiUrl: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

function cookieToken(req: IncomingMessage): string | null {
  const m = /(?:^|;\s*)wb_session=([A-Za-z0-9_-]+)/.exec(req.headers.cookie ?? '');
  return m ? m[1] : null;
}

function bearer(req: IncomingMessage): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return m ? m[1] : null;
}

export async function startAdminServer(opts: AdminServerOptions): Promise<AdminServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const files = createStaticFiles(opts.rendererDir);
  const sse = new Set<ServerResponse>();
  let allowedHosts = new Set<string>();

  const securityHeaders = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' };

  function hostAllowed(req: IncomingMessage): boolean {
    // Bound to a wildcard address the admin chose to expose it; otherwise refuse foreign Host headers.
    if (opts.host === '0.0.0.0' || opts.host === '::') return true;
    return allowedHosts.has((req.headers.host ?? '').toLowerCase());
  }

  function originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (!origin) return true;
    try {
      return new URL(origin).host.toLowerCase() === (req.headers.host ?? '').toLowerCase();
    } catch {
      return false;
    }
  }

  async function handleRpc(req: IncomingMessage, res: ServerResponse, method: string) {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'method_not_allowed', message: 'POST only' } }, { allow: 'POST' });
    if (!tokenMatches(bearer(req), token)) return sendJson(res, 401, { ok: false, error: { code: 'unauthorized', message: '缺少或错误的访问令牌' } });
    if (!isMethod(method)) return sendJson(res, 404, { ok: false, error: { code: 'unknown_method', message: `未知方法 ${method}` } });
    let input: unknown = {};
    try {
      const body = await readBody(req, bodyLimitOf(method));
      if (body.length) input = JSON.parse(body.toString('utf8'));
    } catch (e) {
      if (e instanceof BodyTooLarge) return sendJson(res, 413, { ok: false, error: { code: 'too_large', message: '请求体过大' } });
      return sendJson(res, 400, { ok: false, error: { code: 'bad_json', message: '请求体不是有效的 JSON' } });
    }
    sendJson(res, 200, await opts.core.dispatch(method, input));
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (!tokenMatches(url.searchParams.get('token') ?? bearer(req), token)) return sendText(res, 401, 'unauthorized');
    if (sse.size >= MAX_SSE_CLIENTS) return sendText(res, 503, 'too many event streams');
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(': connected\n\n');
    sse.add(res);
    const off = opts.core.onEvent((name, payload) => {
      if (isEventName(name)) res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const beat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(beat);
      off();
      sse.delete(res);
    });
  }

  function handleUi(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'method not allowed');
    const isIndex = url.pathname === '/' || url.pathname === '/index.html';
    if (isIndex) {
      const viaQuery = tokenMatches(url.searchParams.get('token'), token);
      if (!viaQuery && !tokenMatches(cookieToken(req), token)) {
        return sendText(res, 401, '需要访问令牌：请打开 `wecom-bridge serve` 打印的完整地址（含 ?token=…）\nA token is required: open the full URL printed by `wecom-bridge serve`.');
      }
      if (!files.available()) return sendText(res, 503, '界面尚未构建：请先运行 npm run build:renderer');
      const f = files.get('/')!;
      // A session cookie lets a reload (after the page strips ?token from the address bar) still open the UI;
      // /rpc and /events still require the token itself.
      return res.writeHead(200, {
        'content-type': f.type,
        'cache-control': 'no-store',
        'content-security-policy': CSP,
        'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        ...securityHeaders,
      }).end(req.method === 'HEAD' ? undefined : f.body);
    }
    const f = files.get(url.pathname);
    if (!f) return sendText(res, 404, 'not found');
    res.writeHead(200, { 'content-type': f.type, 'cache-control': 'public, max-age=3600', ...securityHeaders }).end(req.method === 'HEAD' ? undefined : f.body);
  }

  const server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://local');
    } catch {
      return sendText(res, 400, 'bad request');
    }
    if (!hostAllowed(req)) return sendText(res, 421, 'unexpected Host header');
    if (!originAllowed(req)) return sendText(res, 403, 'cross-origin request refused');
    if (url.pathname.startsWith('/rpc/')) {
      handleRpc(req, res, url.pathname.slice(5)).catch(() => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: '内部错误' } });
      });
      return;
    }
    if (url.pathname === '/events') return handleEvents(req, res, url);
    return handleUi(req, res, url);
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  server.maxHeadersCount = 64;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  allowedHosts = new Set([`${shownHost}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`].map((h) => h.toLowerCase()));
  const url = `http://${shownHost}:${port}`;
  return {
    url,
    uiUrl: `${url}/?token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of sse) r.end();
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
