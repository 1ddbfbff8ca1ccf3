// Failure paths the simulator does not produce on demand (45033, errcode -1, a reply lost after a write): a tiny
// scripted WeCom on loopback, so the real client runs its real HTTP code against them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createUser, getUser } from '../../../main/wecom/api/contacts';
import { WeComClient, type RetryEvent } from '../../../main/wecom/client';
import { RateLimiter } from '../../../main/wecom/rate-limiter';
import { TokenCache } from '../../../main/wecom/token-cache';
import { WeComError, WeComNetworkError } from '../../../main/wecom/wecom-error';

type Script = (path: string, body: string) => Record<string, unknown> | 'drop';

let server: Server | null = null;
const hits: string[] = [];

async function scripted(script: Script): Promise<string> {
  hits.length = 0;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname.replace('/cgi-bin/', '');
      hits.push(path);
      if (path === 'gettoken') return res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', access_token: 'T', expires_in: 7200 }));
      const out = script(path, body);
      if (out === 'drop') return req.socket.destroy();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', ...out }));
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

function clientFor(base: string, extra: { limiter?: RateLimiter; retries?: RetryEvent[] } = {}): WeComClient {
  const clock = { now: () => new Date() };
  return new WeComClient({ corpid: 'ww1', apiBase: base, apiPrefix: '/cgi-bin', proxyUrl: null, caPem: null }, 's', 'contact', {
    clock,
    tokens: new TokenCache(clock),
    timeoutMs: 2000,
    backoffBaseMs: 5,
    backoffMaxMs: 20,
    limiter: extra.limiter,
    onRetry: (e) => extra.retries?.push(e),
  });
}

const user = { userid: 'u1', name: '一', department: [1] };

describe('client fault handling (scripted WeCom)', () => {
  it('45033: backs off, halves the key’s concurrency, then succeeds', async () => {
    let n = 0;
    const base = await scripted(() => (++n <= 2 ? { errcode: 45033, errmsg: 'api concurrent out of limit' } : user));
    const limiter = new RateLimiter({ clock: { now: () => new Date() } });
    const retries: RetryEvent[] = [];
    expect((await getUser(clientFor(base, { limiter, retries }), 'u1')).userid).toBe('u1');
    expect(retries.map((r) => r.errcode)).toEqual([45033, 45033]);
    expect(limiter.inspect(`${base}/cgi-bin#ww1|user/get`).concurrency).toBe(2);
  });

  it('errcode -1 (busy): reads are retried, writes are not', async () => {
    let n = 0;
    const base = await scripted((path) => (path === 'user/get' && ++n <= 2 ? { errcode: -1, errmsg: 'system busy' } : path === 'user/get' ? user : { errcode: -1, errmsg: 'system busy' }));
    const c = clientFor(base);
    expect((await getUser(c, 'u1')).userid).toBe('u1');
    const e = (await createUser(c, user).catch((x: unknown) => x)) as WeComError;
    expect(e.errcode).toBe(-1);
    expect(hits.filter((p) => p === 'user/create')).toHaveLength(1);
  });

  it('a write whose reply is lost is confirmed by reading state, never sent twice', async () => {
    const base = await scripted((path) => (path === 'user/create' ? 'drop' : user));
    await createUser(clientFor(base), user);
    expect(hits.filter((p) => p === 'user/create')).toHaveLength(1);
    expect(hits).toContain('user/get');
  });

  it('…and when the state shows it did not land, the network error is reported (no blind retry)', async () => {
    const base = await scripted((path) => (path === 'user/create' ? 'drop' : { errcode: 60111, errmsg: 'userid not found' }));
    await expect(createUser(clientFor(base), user)).rejects.toBeInstanceOf(WeComNetworkError);
    expect(hits.filter((p) => p === 'user/create')).toHaveLength(1);
  });

  it('a reply that does not match the expected shape is a clear error, not a crash later', async () => {
    const base = await scripted(() => ({ userlist: 'not-an-array' }));
    await expect(getUser(clientFor(base), 'u1')).rejects.toThrow('user/get 的返回格式与预期不符');
  });
});
