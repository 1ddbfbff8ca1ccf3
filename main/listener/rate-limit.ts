// Per-source rate limit for the listener: a token bucket per remote address. Every request costs one token and
// every rejected one costs `rejectCost` more, so a source sending forged or malformed requests is throttled long
// before one sending valid callbacks at the same rate. WeCom's delivery rate is far below the defaults.
export interface RateLimitOptions {
  /** Sustained requests per second per source. */
  perSecond: number;
  /** Bucket size: the burst a source may send at once. */
  burst: number;
  /** Extra tokens a rejected request costs. */
  rejectCost: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perSecond: 500, burst: 1000, rejectCost: 20 };

interface Bucket {
  tokens: number;
  at: number;
}

const MAX_SOURCES = 10_000;

export class SourceLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly opts: RateLimitOptions = DEFAULT_RATE_LIMIT,
    private readonly now: () => number = () => performance.now(),
  ) {}

  private bucket(source: string): Bucket {
    const t = this.now();
    let b = this.buckets.get(source);
    if (!b) {
      if (this.buckets.size >= MAX_SOURCES) this.prune(t);
      b = { tokens: this.opts.burst, at: t };
      this.buckets.set(source, b);
    } else {
      b.tokens = Math.min(this.opts.burst, b.tokens + ((t - b.at) / 1000) * this.opts.perSecond);
      b.at = t;
    }
    return b;
  }

  /** Takes one token; false = over the limit (answer 429 without reading the request). */
  take(source: string): boolean {
    const b = this.bucket(source);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** A rejected request: charge the extra cost (down to one burst of debt). */
  penalize(source: string): void {
    const b = this.bucket(source);
    b.tokens = Math.max(-this.opts.burst, b.tokens - this.opts.rejectCost);
  }

  private prune(t: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + ((t - b.at) / 1000) * this.opts.perSecond >= this.opts.burst) this.buckets.delete(k);
    if (this.buckets.size >= MAX_SOURCES) this.buckets.clear();
  }
}
