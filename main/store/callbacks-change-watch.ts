// A cheap "has anything changed?" for the callback hot path's caches (targets, reply rules). SQLite's data_version
// moves whenever another connection commits (the CLI next to a running `serve`, a worker thread), total_changes()
// whenever this connection writes anything; the callback repositories also bump a local counter on their own
// writes, which takes effect at once. The database is asked at most every `recheckMs` (each ask costs syscalls),
// so a change made elsewhere applies within that time.
import type { Db } from './db';

export interface ChangeStamp {
  (): string;
  /** This process changed callback rows: invalidate now. */
  bump(): void;
}

export function changeStamp(db: Db, recheckMs = 100): ChangeStamp {
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  let local = 0;
  let dbStamp = '';
  let checkedAt = -Infinity;
  const stamp = (() => {
    const now = performance.now();
    if (now - checkedAt >= recheckMs) {
      dbStamp = `${dataVersion.get() as number}:${totalChanges.get() as number}`;
      checkedAt = now;
    }
    return `${dbStamp}:${local}`;
  }) as ChangeStamp;
  stamp.bump = () => void local++;
  return stamp;
}

/** One stamp per database connection, shared by the callback repositories (their writes bump it). */
const stamps = new WeakMap<Db, ChangeStamp>();
export function sharedChangeStamp(db: Db): ChangeStamp {
  let s = stamps.get(db);
  if (!s) {
    s = changeStamp(db);
    stamps.set(db, s);
  }
  return s;
}

/** Memoizes `load(key)` until the stamp changes. */
export function cachedBy<T>(stamp: () => string, load: (key: string) => T, max = 4096): (key: string) => T {
  let seen = '';
  const cache = new Map<string, T>();
  return (key) => {
    const now = stamp();
    if (now !== seen) {
      cache.clear();
      seen = now;
    }
    if (cache.has(key)) return cache.get(key) as T;
    const v = load(key);
    if (cache.size >= max) cache.clear();
    cache.set(key, v);
    return v;
  };
}
