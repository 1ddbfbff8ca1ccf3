// The WeCom HTTP client: one per (corp, secret). Token handling, errcode → WeComError, retries that are
// safe (token refresh; 45009/45033 back-off, since a rate-limited call was not applied), timeouts, and the
// optional per-(corp, API) rate limiter every call (gettoken included) passes through before it is sent.
import { createHash } from 'node:crypto';
import { request } from 'undici';
import { z } from 'zod';
import type { Clock } from '../core/types';
import { apiUrl, dispatcherFor, type CorpEndpoint } from './endpoint';
import type { SecretKind } from './errcodes';
import { realSleep, type RateLimiter } from './rate-limiter';
import { TokenCache, tokenKey } from './token-cache';
import { describeNetworkFailure, WeComError, WeComNetworkError } from './wecom-error';

export type Query = Record<string, string | number | undefined>;

const Envelope = z.object({ errcode: z.number().default(0), errmsg: z.string().default('') }).loose();
const TokenReply = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });

export interface ClientOptions {
  clock: Clock;
  tokens: TokenCache;
  timeoutMs?: number;
  /** Shared by every client of the process: WeCom counts limits per corp, across all of its secrets. */
  limiter?: RateLimiter;
  /** Retries after 45009/45033 before giving up (default 6). */
  backoffRetries?: number;
  /** First back-off delay, doubled each time (default 2 s). */
  backoffBaseMs?: number;
  /** Longest single back-off: a 45009 blocks the API for the rest of its window, a minute → 60 s (default). */
  backoffMaxMs?: number;
  /** Total back-off per call before the error is handed to the caller (default 150 s). */
  backoffTotalMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Told about every automatic retry (logs, tests, the benchmark's count of handled 45009s). */
  onRetry?: (e: RetryEvent) => void;
}

export interface RetryEvent {
  path: string;
  reason: 'token' | 'backoff' | 'transient';
  errcode: number | null;
  attempt: number;
  delayMs: number;
}

/** A request body sent as is (multipart uploads); anything else given as a body is sent as JSON. */
export class RawBody {
  constructor(
    readonly contentType: string,
    readonly bytes: Uint8Array,
  ) {}
}

/** One file part named `field`, as WeCom's media/upload expects (`filename` is what recipients see). */
export function multipartFile(field: string, filename: string, content: Uint8Array, contentType = 'application/octet-stream'): RawBody {
  const boundary = `----WeComBridge${createHash('sha1').update(content).update(filename).digest('hex').slice(0, 24)}`;
  const safeName = filename.replace(/["\r\n]/g, '_');
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${safeName}"; filelength=${content.byteLength}\r\n` +
      `Content-Type: ${contentType}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return new RawBody(`multipart/form-data; boundary=${boundary}`, Buffer.concat([head, content, tail]));
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Reads may be retried after a network failure or errcode -1; writes never are. */
  idempotent?: boolean;
}

/** Raw JSON exchange with WeCom; no token logic. Returns the parsed envelope or throws. */
export async function exchange(
  ep: CorpEndpoint,
  method: 'GET' | 'POST',
  path: string,
  query: Query,
  body: unknown,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Record<string, unknown> & { errcode: number; errmsg: string }> {
  const url = apiUrl(ep, path, query);
  let res;
  try {
    res = await request(url, {
      method,
      dispatcher: dispatcherFor(ep),
      headers:
        body === undefined ? {} : { 'content-type': body instanceof RawBody ? body.contentType : 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : body instanceof RawBody ? body.bytes : JSON.stringify(body),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal,
    });
  } catch (e) {
    throw new WeComNetworkError(describeNetworkFailure(e), path, e);
  }
  const text = await res.body.text().catch((e: unknown) => {
    throw new WeComNetworkError(describeNetworkFailure(e), path, e);
  });
  if (res.statusCode !== 200) {
    throw new WeComNetworkError(`HTTP ${res.statusCode}：${res.statusCode === 404 ? '接口路径不存在，检查 API服务地址和路径前缀' : '服务器返回了非 200 状态'}`, path);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WeComNetworkError('返回的不是 JSON：该地址可能不是企业微信 API（检查 API服务地址、代理）', path);
  }
  const env = Envelope.safeParse(json);
  if (!env.success) throw new WeComNetworkError('返回的 JSON 不是企业微信的格式（缺少 errcode）', path);
  return env.data as Record<string, unknown> & { errcode: number; errmsg: string };
}

export class WeComClient {
  private readonly key: string;
  /** Names the corp for the limiter: WeCom counts per corp, whichever secret calls. */
  private readonly corpScope: string;
  /** Names the secret (a hash) for limits WeCom counts per app. */
  private readonly appScope: string;
  private readonly timeoutMs: number;
  private readonly sleep: NonNullable<ClientOptions['sleep']>;

  constructor(
    readonly endpoint: CorpEndpoint,
    private readonly secret: string,
    readonly secretKind: SecretKind,
    private readonly opts: ClientOptions,
  ) {
    this.key = tokenKey(`${endpoint.apiBase}${endpoint.apiPrefix}`, endpoint.corpid, secret);
    this.corpScope = `${endpoint.apiBase}${endpoint.apiPrefix}#${endpoint.corpid}`;
    this.appScope = `app:${createHash('sha256').update(secret).digest('hex').slice(0, 16)}`;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.sleep = opts.sleep ?? realSleep;
  }

  /** Stable name of this (API base, corp, secret) without the secret itself: a cache key for per-app data. */
  get identity(): string {
    return this.key;
  }

  /** gettoken for this secret, cached and single-flight. */
  token(signal?: AbortSignal): Promise<string> {
    return this.opts.tokens.get(this.key, async () => {
      const release = await this.acquire('gettoken', signal);
      let env;
      try {
        env = await exchange(this.endpoint, 'GET', 'gettoken', { corpid: this.endpoint.corpid, corpsecret: this.secret }, undefined, this.timeoutMs, signal);
      } finally {
        release();
      }
      if (env.errcode !== 0) throw new WeComError(env.errcode, env.errmsg, 'gettoken', this.secretKind);
      const t = TokenReply.safeParse(env);
      if (!t.success) throw new WeComNetworkError('gettoken 返回缺少 access_token', 'gettoken');
      return { token: t.data.access_token, expiresIn: t.data.expires_in };
    });
  }

  get<S extends z.ZodType>(path: string, query: Query, schema: S, opts: CallOptions = {}): Promise<z.output<S>> {
    return this.call('GET', path, query, undefined, schema, { idempotent: true, ...opts });
  }

  post<S extends z.ZodType>(path: string, body: unknown, schema: S, opts: CallOptions = {}, query: Query = {}): Promise<z.output<S>> {
    return this.call('POST', path, query, body, schema, opts);
  }

  /** multipart POST (media/upload). Safe to repeat: a repeated upload only yields another media_id. */
  upload<S extends z.ZodType>(path: string, query: Query, body: RawBody, schema: S, opts: CallOptions = {}): Promise<z.output<S>> {
    return this.call('POST', path, query, body, schema, { idempotent: true, ...opts });
  }

  /** Waits for the limiter's permits for `path` (none without a limiter); returns the function that frees them. */
  private async acquire(path: string, signal?: AbortSignal): Promise<() => void> {
    const limiter = this.opts.limiter;
    if (!limiter) return () => {};
    const releases: (() => void)[] = [];
    const releaseAll = () => releases.splice(0).forEach((r) => r());
    try {
      for (const k of limiter.keysFor(this.corpScope, this.appScope, path)) releases.push(await limiter.acquire(k, signal));
    } catch (e) {
      releaseAll();
      throw e;
    }
    return releaseAll;
  }

  /**
   * After 45009/45033: the delay before the next try, or null when the retries or the total wait are used up.
   * With a limiter, 45009 blocks the whole key (so concurrent callers wait too) and 45033 halves its concurrency.
   */
  private async backoff(path: string, errcode: number, attempt: number, waitedMs: number, signal?: AbortSignal): Promise<number | null> {
    const limiter = this.opts.limiter;
    const keys = limiter ? limiter.keysFor(this.corpScope, this.appScope, path) : [];
    const total = this.opts.backoffTotalMs ?? 150_000;
    // WeCom blocks for the rest of the limit's window (minute → ≤ 60 s): no single wait needs to be longer.
    const block = limiter ? Math.max(...keys.map((k) => limiter.blockLengthMs(k))) : 60_000;
    const retries = this.opts.backoffRetries ?? 6;
    const delay = Math.min(this.opts.backoffMaxMs ?? 60_000, block, (this.opts.backoffBaseMs ?? 2000) * 2 ** attempt);
    if (attempt >= retries || waitedMs + delay > total) return null;
    this.opts.onRetry?.({ path, reason: 'backoff', errcode, attempt: attempt + 1, delayMs: delay });
    if (limiter && errcode === 45009) {
      // The next acquire waits out the block, together with every other caller of this API.
      for (const k of keys) limiter.block(k, delay);
      return delay;
    }
    if (limiter) for (const k of keys) limiter.shrinkConcurrency(k);
    await this.sleep(delay, signal);
    return delay;
  }

  private async call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    query: Query,
    body: unknown,
    schema: S,
    opts: CallOptions,
  ): Promise<z.output<S>> {
    let refreshed = false;
    let backoffs = 0;
    let waited = 0;
    let transient = 0;
    for (;;) {
      const token = await this.token(opts.signal);
      let env;
      const release = await this.acquire(path, opts.signal);
      try {
        env = await exchange(this.endpoint, method, path, { ...query, access_token: token }, body, this.timeoutMs, opts.signal);
      } catch (e) {
        if (e instanceof WeComNetworkError && opts.idempotent && transient < 1 && !opts.signal?.aborted) {
          transient++;
          this.opts.onRetry?.({ path, reason: 'transient', errcode: null, attempt: transient, delayMs: 0 });
          continue;
        }
        throw e;
      } finally {
        release();
      }
      if (env.errcode === 0) {
        const parsed = schema.safeParse(env);
        if (!parsed.success) {
          throw new WeComNetworkError(`企业微信 ${path} 的返回格式与预期不符：${parsed.error.issues[0]?.message ?? ''}`, path);
        }
        return parsed.data;
      }
      const err = new WeComError(env.errcode, env.errmsg, path, this.secretKind);
      if (err.retry === 'refreshToken' && !refreshed) {
        refreshed = true;
        this.opts.onRetry?.({ path, reason: 'token', errcode: env.errcode, attempt: 1, delayMs: 0 });
        this.opts.tokens.invalidate(this.key, token);
        continue;
      }
      if (err.retry === 'backoff') {
        const delay = await this.backoff(path, env.errcode, backoffs, waited, opts.signal);
        if (delay !== null) {
          backoffs++;
          waited += delay;
          continue;
        }
      }
      if (err.retry === 'retry' && opts.idempotent && transient < 2) {
        transient++;
        this.opts.onRetry?.({ path, reason: 'transient', errcode: env.errcode, attempt: transient, delayMs: 0 });
        continue;
      }
      throw err;
    }
  }
}

/**
 * WeCom names the caller's IP only in error messages (`from ip: …`). A bare gettoken is a harmless call
 * that always fails (41002) and so tells us the egress IP WeCom sees — what the admin must add to
 * 【企业可信IP】.
 */
export async function probeEgressIp(ep: CorpEndpoint, timeoutMs = 8000): Promise<string | null> {
  try {
    const env = await exchange(ep, 'GET', 'gettoken', {}, undefined, timeoutMs);
    const m = /from ip:\s*([0-9a-fA-F.:]+)/.exec(env.errmsg);
    return m ? m[1] : null;
  } catch {
    return null;
  }
}
