// Access tokens per (API base, corp, secret): cached until shortly before expiry, fetched single-flight so
// that any number of concurrent callers with an expired token cause exactly one gettoken.
import { createHash } from 'node:crypto';
import type { Clock } from '../core/types';

interface Entry {
  token: string;
  expiresAt: number;
}

export interface TokenFetch {
  (): Promise<{ token: string; expiresIn: number }>;
}

export function tokenKey(apiBase: string, corpid: string, secret: string): string {
  return `${apiBase}|${corpid}|${createHash('sha256').update(secret).digest('hex').slice(0, 32)}`;
}

export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<string>>();

  constructor(private readonly clock: Clock) {}

  /** Refresh this long before WeCom's stated expiry (WeCom may also invalidate early: callers retry once). */
  static marginMs(expiresIn: number): number {
    return Math.min(300_000, Math.floor(expiresIn * 1000 * 0.1));
  }

  async get(key: string, fetch: TokenFetch): Promise<string> {
    const e = this.entries.get(key);
    if (e && this.clock.now().getTime() < e.expiresAt) return e.token;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const p = (async () => {
      try {
        const { token, expiresIn } = await fetch();
        this.entries.set(key, { token, expiresAt: this.clock.now().getTime() + expiresIn * 1000 - TokenCache.marginMs(expiresIn) });
        return token;
      } finally {
        this.inflight.delete(key);
      }
    })();
    this.inflight.set(key, p);
    return p;
  }

  /** Forget `token` if it is still the cached one (a concurrent refresh may already have replaced it). */
  invalidate(key: string, token: string): void {
    if (this.entries.get(key)?.token === token) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
