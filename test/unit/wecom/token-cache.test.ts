import { describe, expect, it } from 'vitest';
import { TokenCache } from '../../../main/wecom/token-cache';

function clockAt(ms: number) {
  const c = { t: ms, now: () => new Date(c.t) };
  return c;
}

describe('token cache', () => {
  it('50 concurrent callers with no token cause exactly one fetch', async () => {
    const cache = new TokenCache(clockAt(0));
    let fetches = 0;
    const fetch = async () => {
      fetches++;
      await new Promise((r) => setTimeout(r, 20));
      return { token: 'T1', expiresIn: 7200 };
    };
    const tokens = await Promise.all(Array.from({ length: 50 }, () => cache.get('k', fetch)));
    expect(fetches).toBe(1);
    expect(new Set(tokens)).toEqual(new Set(['T1']));
  });

  it('refreshes shortly before expiry, not after', async () => {
    const clock = clockAt(0);
    const cache = new TokenCache(clock);
    let n = 0;
    const fetch = async () => ({ token: `T${++n}`, expiresIn: 7200 });
    expect(await cache.get('k', fetch)).toBe('T1');
    clock.t = (7200 - 301) * 1000;
    expect(await cache.get('k', fetch)).toBe('T1');
    clock.t = (7200 - 299) * 1000;
    expect(await cache.get('k', fetch)).toBe('T2');
  });

  it('invalidate forgets only the token that failed', async () => {
    const cache = new TokenCache(clockAt(0));
    let n = 0;
    const fetch = async () => ({ token: `T${++n}`, expiresIn: 7200 });
    await cache.get('k', fetch);
    cache.invalidate('k', 'stale-other');
    expect(await cache.get('k', fetch)).toBe('T1');
    cache.invalidate('k', 'T1');
    expect(await cache.get('k', fetch)).toBe('T2');
  });

  it('a failed fetch is not cached and the next caller tries again', async () => {
    const cache = new TokenCache(clockAt(0));
    let n = 0;
    const fetch = async () => {
      if (++n === 1) throw new Error('boom');
      return { token: 'OK', expiresIn: 7200 };
    };
    await expect(cache.get('k', fetch)).rejects.toThrow('boom');
    expect(await cache.get('k', fetch)).toBe('OK');
  });
});
