import type { Db } from './db';

/** Global key/value settings (JSON values). Per-corp sync settings get their own table later. */
export function createSettingsRepo(db: Db) {
  const get = db.prepare('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
    ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
  const del = db.prepare('DELETE FROM settings WHERE key = ?');
  return {
    get<T>(key: string): T | null {
      const r = get.get(key) as { value: string } | undefined;
      return r ? (JSON.parse(r.value) as T) : null;
    },
    set(key: string, value: unknown, now: string): void {
      if (value === null || value === undefined) del.run(key);
      else put.run(key, JSON.stringify(value), now);
    },
  };
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
