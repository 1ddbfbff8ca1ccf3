// The HTTP side of WeCom callbacks on the listener: /callback/app/<appId>, /callback/contacts/<corpId>,
// /callback/customer/<corpId>. Hostile input is stopped here before any work: per-source rate limit first
// (nothing read), body size cap (declared or streamed), a body deadline against slow clients, then the
// receiver. Rejections answer a bare status with no detail; each one is counted and shown in the inspector.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallbackKind } from '../api/callback-contract';
import type { CallbackHttpResponse, CallbackReceiver, RejectReason } from '../services/callback-receiver';
import type { Listener } from './listener';
import { DEFAULT_RATE_LIMIT, SourceLimiter, type RateLimitOptions } from './rate-limit';

export interface CallbackRouteOptions {
  /** Largest accepted body (WeCom's envelopes are a few KB). */
  bodyLimit?: number;
  /** The whole body must arrive within this time. */
  bodyTimeoutMs?: number;
  /** null = no per-source limit (benchmarks, tests that flood on purpose). */
  rateLimit?: RateLimitOptions | null;
}

export const CALLBACK_BODY_LIMIT = 64 * 1024;
const PATH = /^\/callback\/(app|contacts|customer)\/([A-Za-z0-9_-]{1,64})\/?$/;

type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: 'too_large' | 'timeout' | 'aborted' };

function readBodyWithin(req: IncomingMessage, limit: number, ms: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (!Number.isFinite(declared) || declared > limit) return resolve({ ok: false, reason: 'too_large' });
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: BodyResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.off('data', onData);
      if (!r.ok) req.pause();
      resolve(r);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), ms);
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) finish({ ok: false, reason: 'too_large' });
      else chunks.push(c);
    };
    req.on('data', onData);
    req.once('end', () => finish({ ok: true, body: Buffer.concat(chunks, size) }));
    req.once('aborted', () => finish({ ok: false, reason: 'aborted' }));
    req.once('error', () => finish({ ok: false, reason: 'aborted' }));
  });
}

function send(res: ServerResponse, r: CallbackHttpResponse, close: boolean): void {
  if (res.headersSent || res.destroyed) return;
  // A rejected client may still be sending (an oversized or trickling body): drop it once it had the answer.
  if (close) res.once('finish', () => setTimeout(() => res.socket?.destroy(), 200).unref());
  res.writeHead(r.status, {
    'content-type': r.contentType,
    'content-length': Buffer.byteLength(r.body),
    'cache-control': 'no-store',
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(r.body);
}

/** Mounts the callback routes and counts the listener's own client errors (malformed HTTP, slow headers). */
export function mountCallbacks(
  listener: Listener,
  callbacks: { receiver: CallbackReceiver; settings: { noteListenerBase(url: string): void } },
  opts: CallbackRouteOptions = {},
): void {
  const { receiver } = callbacks;
  const limit = opts.bodyLimit ?? CALLBACK_BODY_LIMIT;
  const bodyTimeout = opts.bodyTimeoutMs ?? 3000;
  const limiter = opts.rateLimit === null ? null : new SourceLimiter(opts.rateLimit ?? DEFAULT_RATE_LIMIT);
  callbacks.settings.noteListenerBase(listener.url);

  listener.onClientError(({ reason, source }) => {
    limiter?.penalize(source);
    receiver.reject({ source, method: '', path: '', query: new URLSearchParams(), body: null, kind: null, refId: null }, reason, reason === 'timeout' ? 408 : 400);
  });

  listener.route('/callback', async (req, res, url) => {
    const source = req.socket.remoteAddress ?? '';
    const method = req.method ?? '';
    const path = url.pathname.slice(0, 200);
    const m = PATH.exec(url.pathname);
    const kind = (m?.[1] ?? null) as CallbackKind | null;
    const refId = m?.[2] ?? null;
    const info = { source, method, path, query: url.searchParams, body: null, kind, refId };
    const rejectWith = (reason: RejectReason, status: number) => {
      if (reason !== 'rate_limited') limiter?.penalize(source);
      send(res, receiver.reject(info, reason, status), true);
    };

    if (limiter && !limiter.take(source)) return rejectWith('rate_limited', 429);
    if (!kind || !refId) return rejectWith('not_found', 404);
    if (method === 'GET') {
      const r = receiver.verify({ ...info, kind, refId });
      if (r.status >= 400) limiter?.penalize(source);
      return send(res, r, r.status >= 400);
    }
    if (method !== 'POST') return rejectWith('method', 405);
    const body = await readBodyWithin(req, limit, bodyTimeout);
    if (!body.ok) {
      if (body.reason === 'aborted') {
        limiter?.penalize(source);
        receiver.reject(info, 'client_error', 400);
        return void res.destroy();
      }
      return rejectWith(body.reason, body.reason === 'timeout' ? 408 : 413);
    }
    const r = receiver.receive({ ...info, kind, refId, body: body.body });
    if (r.status >= 400) limiter?.penalize(source);
    send(res, r, r.status >= 400);
  });
}
