import type { Db } from './db';

/** Per-corp settings: only explicitly set keys are stored; defaults are computed where they are read. */
export function createCorpSettingsRepo(db: Db) {
  const all = db.prepare('SELECT key, value FROM corp_settings WHERE corp_id = ?');
  const put = db.prepare(`INSERT INTO corp_settings (corp_id, key, value, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(corp_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
  const del = db.prepare('DELETE FROM corp_settings WHERE corp_id = ? AND key = ?');
  return {
    stored(corpId: string): Record<string, unknown> {
      return Object.fromEntries((all.all(corpId) as { key: string; value: string }[]).map((r) => [r.key, JSON.parse(r.value) as unknown]));
    },
    set(corpId: string, key: string, value: unknown, at: string): void {
      put.run(corpId, key, JSON.stringify(value), at);
    },
    reset(corpId: string, key: string): void {
      del.run(corpId, key);
    },
  };
}

export type CorpSettingsRepo = ReturnType<typeof createCorpSettingsRepo>;
