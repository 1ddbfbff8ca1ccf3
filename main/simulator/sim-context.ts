// Everything a route handler can reach: the state, simulated time, tokens, limiter, callbacks, and the short-lived
// things WeCom keeps outside the directory (uploaded media for 3 days, OAuth codes for 5 minutes, batch jobs).
import { randomBytes } from 'node:crypto';
import type { RateLimiter, TokenStore } from './access';
import type { BatchJobs } from './batch-jobs';
import type { CallbackDispatcher } from './callback-delivery';
import { SimError } from './errors';
import type { SimState } from './sim-state';

export interface SimContext {
  state: SimState;
  /** Simulated epoch ms: the host clock plus the settings' offset. */
  now(): number;
  tokens: TokenStore;
  limiter: RateLimiter;
  callbacks: CallbackDispatcher;
  media: MediaStore;
  oauth: OAuthCodes;
  jobs: BatchJobs;
  /** Writes the state file; returns the path written. */
  save(path?: string): Promise<string>;
}

export interface StoredMedia {
  mediaId: string;
  type: string;
  filename: string;
  contentType: string;
  data: Buffer;
  createdAt: number;
}

const MEDIA_TTL_MS = 3 * 24 * 3600_000;

export class MediaStore {
  private readonly items = new Map<string, StoredMedia>();

  put(m: Omit<StoredMedia, 'mediaId'>): StoredMedia {
    const stored = { ...m, mediaId: `3${randomBytes(36).toString('base64url')}` };
    this.items.set(stored.mediaId, stored);
    for (const [id, old] of this.items) if (old.createdAt + MEDIA_TTL_MS < m.createdAt) this.items.delete(id);
    return stored;
  }

  /** 40007 when unknown or older than 3 days. */
  get(mediaId: string, nowMs: number): StoredMedia {
    const m = this.items.get(mediaId);
    if (!m || m.createdAt + MEDIA_TTL_MS <= nowMs) throw new SimError(40007);
    return m;
  }
}

const CODE_TTL_MS = 5 * 60_000;

interface IssuedCode {
  userid: string;
  agentid: number | null;
  expiresAt: number;
  used: boolean;
}

/** OAuth2 codes as WeCom issues them after 网页授权/扫码登录: single use, 5 minutes (else 40029). */
export class OAuthCodes {
  private readonly codes = new Map<string, IssuedCode>();

  issue(userid: string, agentid: number | null, nowMs: number): { code: string; expiresIn: number } {
    const code = randomBytes(32).toString('base64url');
    this.codes.set(code, { userid, agentid, expiresAt: nowMs + CODE_TTL_MS, used: false });
    return { code, expiresIn: CODE_TTL_MS / 1000 };
  }

  consume(code: string, agentid: number, nowMs: number): string {
    const c = this.codes.get(code);
    if (!c || c.used || nowMs >= c.expiresAt || (c.agentid !== null && c.agentid !== agentid)) throw new SimError(40029);
    c.used = true;
    return c.userid;
  }
}
