// The WeCom HTTP client: one per (corp, secret). Token handling, errcode → WeComError, retries that are
// safe (token refresh; 45009/45033 back-off, since a rate-limited call was not applied), timeouts.
import { request } from 'undici';
import { z } from 'zod';
import type { Clock } from '../core/types';
import { apiUrl, dispatcherFor, type CorpEndpoint } from './endpoint';
import type { SecretKind } from './errcodes';
import { TokenCache, tokenKey } from './token-cache';
import { describeNetworkFailure, WeComError, WeComNetworkError } from './wecom-error';

export type Query = Record<string, string | number | undefined>;

const Envelope = z.object({ errcode: z.number().default(0), errmsg: z.string().default('') }).loose();
const TokenReply = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });

export interface ClientOptions {
  clock: Clock;
  tokens: TokenCache;
  timeoutMs?: number;
  /** Retries after 45009/45033 before giving up. */
  backoffRetries?: number;
  backoffBaseMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Reads may be retried after a network failure or errcode -1; writes never are. */
  idempotent?: boolean;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(signal.reason ?? new Error('aborted'));
    }, { once: true });
  });

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
      headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
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
  private readonly timeoutMs: number;
  private readonly sleep: NonNullable<ClientOptions['sleep']>;

  constructor(
    readonly endpoint: CorpEndpoint,
    private readonly secret: string,
    readonly secretKind: SecretKind,
    private readonly opts: ClientOptions,
  ) {
    this.key = tokenKey(`${endpoint.apiBase}${endpoint.apiPrefix}`, endpoint.corpid, secret);
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.sleep = opts.sleep ?? defaultSleep;
  }

  /** gettoken for this secret, cached and single-flight. */
  token(signal?: AbortSignal): Promise<string> {
    return this.opts.tokens.get(this.key, async () => {
      const env = await exchange(this.endpoint, 'GET', 'gettoken', { corpid: this.endpoint.corpid, corpsecret: this.secret }, undefined, this.timeoutMs, signal);
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
    let transient = 0;
    const maxBackoff = this.opts.backoffRetries ?? 3;
    for (;;) {
      const token = await this.token(opts.signal);
      let env;
      try {
        env = await exchange(this.endpoint, method, path, { ...query, access_token: token }, body, this.timeoutMs, opts.signal);
      } catch (e) {
        if (e instanceof WeComNetworkError && opts.idempotent && transient < 1 && !opts.signal?.aborted) {
          transient++;
          continue;
        }
        throw e;
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
        this.opts.tokens.invalidate(this.key, token);
        continue;
      }
      if (err.retry === 'backoff' && backoffs < maxBackoff) {
        await this.sleep(Math.min(8000, (this.opts.backoffBaseMs ?? 1000) * 2 ** backoffs), opts.signal);
        backoffs++;
        continue;
      }
      if (err.retry === 'retry' && opts.idempotent && transient < 2) {
        transient++;
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
