// A token-bucket limiter per (corp, API), sized from WeCom's documented frequency limits (wecom-api.md §10), so
// that a big pull or push slows itself down instead of running into 45009 — which blocks the API for the rest of
// the window (a minute, or an hour). Callers wait in `acquire` (FIFO, cancellable); they never fail for lack of a
// token. A concurrency cap per key answers 45033 (WeCom's undisclosed concurrent-call limit) and shrinks when
// WeCom reports it. Time comes from an injected clock and sleep, so tests run the whole thing on a fake clock.
import type { Clock } from '../core/types';

export interface RateLimit {
  perSecond?: number;
  perMinute?: number;
  perHour?: number;
  perDay?: number;
  /** Calls in flight at once for this key. */
  concurrency?: number;
}

/**
 * Limits by API path (as passed to the client, e.g. `checkin/getcheckindata`), `'*'` for any other API, and
 * `'app:<path>'` for limits WeCom counts per app rather than per corp (acquired in addition to the corp one).
 */
export type RateLimits = Record<string, RateLimit>;

/** wecom-api.md §10. Limits WeCom counts per corp apply to all of a corp's secrets together. */
export const WECOM_LIMITS: RateLimits = Object.freeze({
  '*': { perMinute: 10_000, perHour: 150_000 },
  'checkin/getcheckindata': { perMinute: 600 },
  'oa/getapprovaldata': { perMinute: 600 },
  'checkin/getcorpcheckinoption': { perMinute: 60 },
  'checkin/getcheckin_daydata': { perMinute: 100 },
  'checkin/getcheckin_monthdata': { perMinute: 60 },
  'msgaudit/get_permit_user_list': { perMinute: 1000 },
  get_jsapi_ticket: { perHour: 400 },
  'ticket/get': { perHour: 400 },
  'app:get_jsapi_ticket': { perHour: 100 },
  'app:ticket/get': { perHour: 100 },
});

export interface RateLimiterOptions {
  clock: Clock;
  /** Overrides merged over WECOM_LIMITS (a key given here replaces the built-in entry for that key). */
  limits?: RateLimits;
  /** Cancellable sleep; the default uses real timers. A fake one advancing the fake clock makes tests instant. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Default calls in flight per key when a limit does not say (WeCom does not publish its 45033 threshold). */
  concurrency?: number;
  /**
   * Share of a window's limit allowed as an initial burst (default 0.03). The refill rate is at most
   * (limit − burst) per window, so no window of that length — sliding or fixed — sees more than `limit` grants.
   */
  burstFraction?: number;
  /**
   * Share of the limit left unused (default 0.02) so that calls granted just before a window boundary but arriving
   * just after it (network jitter) cannot push WeCom's count over. Burst + headroom = 5 %: ≥ 95 % of the rate.
   */
  headroom?: number;
}

const WINDOW_MS = { perSecond: 1000, perMinute: 60_000, perHour: 3_600_000, perDay: 86_400_000 } as const;

interface Bucket {
  capacity: number;
  /** Tokens per millisecond. */
  rate: number;
  tokens: number;
  at: number;
}

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (e: unknown) => void;
  done: boolean;
}

interface KeyState {
  buckets: Bucket[];
  concurrency: number;
  active: number;
  queue: Waiter[];
  blockedUntil: number;
  pumping: boolean;
  wake: (() => void) | null;
}

export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason ?? new Error('aborted'));
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The family part of a key: what comes after the last `|` (a path, or `app:<path>`). */
export function familyOf(key: string): string {
  return key.slice(key.lastIndexOf('|') + 1);
}

export class RateLimiter {
  readonly limits: RateLimits;
  private readonly keys = new Map<string, KeyState>();
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly defaultConcurrency: number;
  private readonly burstFraction: number;
  private readonly headroom: number;

  constructor(private readonly opts: RateLimiterOptions) {
    this.limits = { ...WECOM_LIMITS, ...(opts.limits ?? {}) };
    this.sleep = opts.sleep ?? realSleep;
    this.defaultConcurrency = opts.concurrency ?? 10;
    this.burstFraction = Math.min(0.5, Math.max(0, opts.burstFraction ?? 0.03));
    this.headroom = Math.min(0.5, Math.max(0, opts.headroom ?? 0.02));
  }

  /**
   * Keys a call must acquire, in order: the per-app key when WeCom also counts this API per app, then the
   * per-corp key. `corpScope` names the corp (base URL + corpid); `appScope` the secret (a hash, never the secret).
   */
  keysFor(corpScope: string, appScope: string, path: string): string[] {
    const p = path.replace(/^\/+/, '');
    const keys: string[] = [];
    if (this.limits[`app:${p}`]) keys.push(`${corpScope}|${appScope}|app:${p}`);
    keys.push(`${corpScope}|${p}`);
    return keys;
  }

  /** The limit that applies to a key: its family's entry, else `'*'` (never for `app:` families). */
  limitFor(key: string): RateLimit {
    const family = familyOf(key);
    return this.limits[family] ?? (family.startsWith('app:') ? {} : (this.limits['*'] ?? {}));
  }

  /**
   * How long WeCom blocks this key after a 45009: its shortest limited window (minute → 60 s, hour → 1 h), since
   * "block length = window" (wecom-api.md §10). A minute when the limit names no window.
   */
  blockLengthMs(key: string): number {
    const limit = this.limitFor(key);
    const windows = (Object.keys(WINDOW_MS) as (keyof typeof WINDOW_MS)[]).filter((w) => (limit[w] ?? 0) > 0).map((w) => WINDOW_MS[w]);
    return windows.length > 0 ? Math.min(...windows) : WINDOW_MS.perMinute;
  }

  /**
   * Waits until a call under `key` may be sent and returns the function that ends it (call it exactly once, when
   * the reply arrived or the call failed). Rejects only when `signal` aborts.
   */
  acquire(key: string, signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason ?? new Error('aborted'));
    const st = this.state(key);
    return new Promise<() => void>((resolve, reject) => {
      const w: Waiter = { resolve, reject, done: false };
      const onAbort = () => {
        if (w.done) return;
        w.done = true;
        const i = st.queue.indexOf(w);
        if (i >= 0) st.queue.splice(i, 1);
        reject(signal?.reason ?? new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      w.resolve = (release) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(release);
      };
      st.queue.push(w);
      void this.pump(st);
    });
  }

  /** WeCom answered 45009 anyway (another program using the same corp, or a stricter real limit): pause the key. */
  block(key: string, ms: number): void {
    const st = this.state(key);
    st.blockedUntil = Math.max(st.blockedUntil, this.now() + ms);
  }

  /** WeCom answered 45033: halve the key's concurrency (at least 1) for the rest of this limiter's life. */
  shrinkConcurrency(key: string): number {
    const st = this.state(key);
    st.concurrency = Math.max(1, Math.floor(st.concurrency / 2));
    return st.concurrency;
  }

  /** For diagnostics and tests. */
  inspect(key: string): { active: number; waiting: number; concurrency: number; tokens: number[] } {
    const st = this.state(key);
    this.refill(st, this.now());
    return { active: st.active, waiting: st.queue.length, concurrency: st.concurrency, tokens: st.buckets.map((b) => b.tokens) };
  }

  private now(): number {
    return this.opts.clock.now().getTime();
  }

  private state(key: string): KeyState {
    let st = this.keys.get(key);
    if (!st) {
      const limit = this.limitFor(key);
      const now = this.now();
      const buckets: Bucket[] = [];
      for (const [name, windowMs] of Object.entries(WINDOW_MS) as [keyof typeof WINDOW_MS, number][]) {
        const n = limit[name];
        if (n === undefined || !(n > 0)) continue;
        const burst = Math.max(1, Math.min(n, Math.floor(n * this.burstFraction)));
        const spare = Math.floor(n * this.headroom);
        // With n = 1 the burst is the whole limit: refill one token per window (one grant per half-open window).
        const perWindow = n - burst - spare > 0 ? n - burst - spare : n - burst > 0 ? n - burst : n;
        buckets.push({ capacity: burst, rate: perWindow / windowMs, tokens: burst, at: now });
      }
      st = {
        buckets,
        concurrency: Math.max(1, limit.concurrency ?? this.defaultConcurrency),
        active: 0,
        queue: [],
        blockedUntil: 0,
        pumping: false,
        wake: null,
      };
      this.keys.set(key, st);
    }
    return st;
  }

  private refill(st: KeyState, now: number): void {
    for (const b of st.buckets) {
      if (now > b.at) {
        b.tokens = Math.min(b.capacity, b.tokens + (now - b.at) * b.rate);
        b.at = now;
      }
    }
  }

  /** Milliseconds until every bucket holds a whole token and the key is not blocked (0 = go now). */
  private waitMs(st: KeyState, now: number): number {
    let wait = Math.max(0, st.blockedUntil - now);
    for (const b of st.buckets) {
      if (b.tokens < 1) wait = Math.max(wait, Math.ceil((1 - b.tokens) / b.rate));
    }
    return wait;
  }

  /** One pump per key hands out permits in FIFO order; it sleeps only when the head of the queue must wait. */
  private async pump(st: KeyState): Promise<void> {
    if (st.pumping) return;
    st.pumping = true;
    try {
      while (st.queue.length > 0) {
        const head = st.queue[0];
        if (head.done) {
          st.queue.shift();
          continue;
        }
        if (st.active >= st.concurrency) {
          await new Promise<void>((r) => (st.wake = r));
          continue;
        }
        const now = this.now();
        this.refill(st, now);
        const wait = this.waitMs(st, now);
        if (wait > 0) {
          await this.sleep(wait).catch(() => undefined);
          continue;
        }
        for (const b of st.buckets) b.tokens -= 1;
        st.active++;
        st.queue.shift();
        head.done = true;
        head.resolve(this.releaser(st));
      }
    } finally {
      st.pumping = false;
    }
  }

  private releaser(st: KeyState): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      st.active--;
      const wake = st.wake;
      st.wake = null;
      wake?.();
    };
  }
}
