// Who is calling: access tokens per secret (TTL from the settings, expired → 42001, unknown → 40014), the
// corp's IP allow-list (60020) and the per-(corp, API) frequency limit (45009).
import { randomBytes } from 'node:crypto';
import { SimError } from './errors';
import type { SimState } from './sim-state';
import type { SimApp } from './types';

export type CallerKind = 'contact' | 'customer' | 'archive' | 'app';

export type Caller =
  | { kind: 'contact' }
  | { kind: 'customer' }
  | { kind: 'archive' }
  | { kind: 'app'; app: SimApp };

type CallerRef = { kind: Exclude<CallerKind, 'app'> } | { kind: 'app'; agentid: number };

interface IssuedToken {
  ref: CallerRef;
  expiresAt: number;
}

/** Expired tokens are remembered this long (to answer 42001 rather than 40014), then forgotten. */
const REMEMBER_EXPIRED_MS = 24 * 3600_000;

export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  /** gettoken: 41002/41004 missing params, 40013 wrong corpid, 40001 unknown secret. */
  issue(state: SimState, corpid: string | null, secret: string | null, nowMs: number): { token: string; expiresIn: number } {
    if (!corpid) throw new SimError(41002);
    if (!secret) throw new SimError(41004);
    if (corpid !== state.corp.corpid) throw new SimError(40013);
    const ref = refForSecret(state, secret);
    if (!ref) throw new SimError(40001);
    this.prune(nowMs);
    const token = randomBytes(96).toString('base64url');
    const ttl = state.settings.tokenTtlSec;
    this.tokens.set(token, { ref, expiresAt: nowMs + ttl * 1000 });
    return { token, expiresIn: ttl };
  }

  /** 41001 missing, 40014 unknown (or its app is gone), 42001 expired. */
  resolve(state: SimState, token: string | null, nowMs: number): Caller {
    if (!token) throw new SimError(41001);
    const t = this.tokens.get(token);
    if (!t) throw new SimError(40014);
    if (nowMs >= t.expiresAt) throw new SimError(42001);
    if (t.ref.kind !== 'app') return { kind: t.ref.kind };
    const agentid = t.ref.agentid;
    const app = state.apps.find((a) => a.agentid === agentid);
    if (!app) throw new SimError(40014);
    return { kind: 'app', app };
  }

  /** Invalidate every token (e.g. after loading another state). */
  clear(): void {
    this.tokens.clear();
  }

  private prune(nowMs: number): void {
    if (this.tokens.size < 1000) return;
    for (const [k, t] of this.tokens) if (t.expiresAt + REMEMBER_EXPIRED_MS < nowMs) this.tokens.delete(k);
  }
}

function refForSecret(state: SimState, secret: string): CallerRef | null {
  if (secret === state.secrets.contact) return { kind: 'contact' };
  if (secret === state.secrets.customer) return { kind: 'customer' };
  if (secret === state.secrets.archive) return { kind: 'archive' };
  const app = state.apps.find((a) => a.secret === secret);
  return app ? { kind: 'app', agentid: app.agentid } : null;
}

/** 60020 unless the allow-list is off (null) or names the caller. */
export function checkIpAllowed(state: SimState, ip: string): void {
  const list = state.settings.ipAllowList;
  if (list && !list.includes(ip)) throw new SimError(60020);
}

/**
 * WeCom's per-corp, per-API limit (10,000/min by default in WeCom; here whatever the settings say, off when null).
 * A fixed window aligned on the simulated minute, as WeCom blocks "for the rest of the window".
 */
export class RateLimiter {
  private readonly windows = new Map<string, { minute: number; count: number }>();

  hit(state: SimState, api: string, nowMs: number): void {
    const limit = state.settings.rateLimit;
    if (!limit) return;
    const minute = Math.floor(nowMs / 60_000);
    const key = `${state.corp.corpid}|${api}`;
    let w = this.windows.get(key);
    if (!w || w.minute !== minute) this.windows.set(key, (w = { minute, count: 0 }));
    w.count++;
    if (w.count > limit.perMinute) throw new SimError(45009);
  }

  reset(): void {
    this.windows.clear();
  }
}
