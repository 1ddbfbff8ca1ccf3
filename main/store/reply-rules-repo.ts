// F6.4 auto-reply rules per app. Listed in priority order (smaller first, then older), which is the order the
// receiver tries them in.
import type { ReplyRuleInput, ReplyRuleView } from '../api/callback-contract';
import { cachedBy, sharedChangeStamp } from './callbacks-change-watch';
import type { Db } from './db';
import { newId } from './ids';

interface RuleRow {
  id: string;
  app_id: string;
  name: string;
  action: ReplyRuleView['action'];
  match: ReplyRuleView['match'];
  keyword: string | null;
  reply: string;
  priority: number;
  enabled: number;
  created_at: string;
  updated_at: string;
}

const toView = (r: RuleRow): ReplyRuleView => ({
  id: r.id,
  appId: r.app_id,
  name: r.name,
  action: r.action,
  match: r.match,
  keyword: r.keyword,
  reply: r.reply,
  priority: r.priority,
  enabled: r.enabled === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export type ReplyRuleFields = Omit<ReplyRuleInput, 'appId'>;

export function createReplyRulesRepo(db: Db) {
  const order = 'ORDER BY priority, created_at, rowid';
  const q = {
    list: db.prepare(`SELECT * FROM reply_rules WHERE app_id = ? ${order}`),
    enabled: db.prepare(`SELECT * FROM reply_rules WHERE app_id = ? AND enabled = 1 ${order}`),
    get: db.prepare('SELECT * FROM reply_rules WHERE id = ?'),
    insert: db.prepare(`INSERT INTO reply_rules (id, app_id, name, action, match, keyword, reply, priority, enabled, created_at, updated_at)
      VALUES (@id, @appId, @name, @action, @match, @keyword, @reply, @priority, @enabled, @now, @now)`),
    update: db.prepare(`UPDATE reply_rules SET name = @name, action = @action, match = @match, keyword = @keyword, reply = @reply,
      priority = @priority, enabled = @enabled, updated_at = @now WHERE id = @id`),
    remove: db.prepare('DELETE FROM reply_rules WHERE id = ?'),
    removeAll: db.prepare('DELETE FROM reply_rules WHERE app_id = ?'),
  };
  const row = (f: ReplyRuleFields) => ({ name: f.name, action: f.action, match: f.match, keyword: f.keyword, reply: f.reply, priority: f.priority, enabled: f.enabled ? 1 : 0 });
  const stamp = sharedChangeStamp(db);
  const enabledCached = cachedBy(stamp, (appId) => (q.enabled.all(appId) as RuleRow[]).map(toView));
  return {
    list: (appId: string): ReplyRuleView[] => (q.list.all(appId) as RuleRow[]).map(toView),
    /** The receiver's read: the app's enabled rules, in the order they are tried. */
    enabled: (appId: string): ReplyRuleView[] => enabledCached(appId),
    get(id: string): ReplyRuleView | null {
      const r = q.get.get(id) as RuleRow | undefined;
      return r ? toView(r) : null;
    },
    add(appId: string, f: ReplyRuleFields, now: string): ReplyRuleView {
      const id = newId('rr');
      q.insert.run({ id, appId, ...row(f), now });
      stamp.bump();
      return this.get(id)!;
    },
    update(id: string, f: ReplyRuleFields, now: string): ReplyRuleView {
      q.update.run({ id, ...row(f), now });
      stamp.bump();
      return this.get(id)!;
    },
    remove(ids: string[]): number {
      stamp.bump();
      return db.transaction(() => ids.reduce((n, id) => n + q.remove.run(id).changes, 0))();
    },
    removeAll(appId: string): number {
      stamp.bump();
      return q.removeAll.run(appId).changes;
    },
  };
}

export type ReplyRulesRepo = ReturnType<typeof createReplyRulesRepo>;
