import type { Db } from './db';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  corpId: string | null;
  detail: Record<string, unknown>;
}

/** Who changed what, when. Details never carry secrets (callers pass only names and ids). */
export function createAuditRepo(db: Db) {
  const ins = db.prepare('INSERT INTO audit (at, actor, action, corp_id, detail) VALUES (?, ?, ?, ?, ?)');
  const list = db.prepare('SELECT * FROM audit ORDER BY id DESC LIMIT ?');
  return {
    record(at: string, actor: string, action: string, corpId: string | null, detail: Record<string, unknown> = {}): void {
      ins.run(at, actor, action, corpId, JSON.stringify(detail));
    },
    recent(limit = 100): AuditEntry[] {
      return (list.all(limit) as { id: number; at: string; actor: string; action: string; corp_id: string | null; detail: string }[]).map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        corpId: r.corp_id,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
      }));
    },
  };
}

export type AuditRepo = ReturnType<typeof createAuditRepo>;
