// WeCom retries a callback it got no timely 200 for (3 attempts in total): a retry must not be applied twice,
// and a retried user message should get the same passive reply. Messages are keyed by MsgId; events by
// FromUserName + CreateTime (wecom-api.md §8) plus a digest of the decrypted plaintext, because distinct
// contact changes from `sys` routinely share one CreateTime second while a retry repeats the same plaintext.
import { createHash } from 'node:crypto';

export interface Seen {
  at: number;
  /** The plaintext passive reply given the first time (re-sealed for the retry), or null for none. */
  reply: string | null;
}

export function dedupeKey(target: string, fields: Record<string, string>, plaintext: string): string {
  if (fields.MsgId) return `${target}|m|${fields.MsgId}`;
  const digest = createHash('sha1').update(plaintext).digest('base64');
  return `${target}|e|${fields.FromUserName ?? ''}|${fields.CreateTime ?? ''}|${digest}`;
}

export class Deduper {
  private readonly seen = new Map<string, Seen>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly max = 100_000,
  ) {}

  get(key: string, now: number): Seen | null {
    const s = this.seen.get(key);
    if (!s) return null;
    if (now - s.at > this.ttlMs) {
      this.seen.delete(key);
      return null;
    }
    return s;
  }

  remember(key: string, now: number, reply: string | null): void {
    this.seen.set(key, { at: now, reply });
    // Insertion order = age: drop expired entries from the front, and the oldest beyond the cap.
    for (const [k, s] of this.seen) {
      if (this.seen.size > this.max || now - s.at > this.ttlMs) this.seen.delete(k);
      else break;
    }
  }

  get size(): number {
    return this.seen.size;
  }
}
