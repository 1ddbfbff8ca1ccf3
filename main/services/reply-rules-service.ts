// F6.4 【回调设置】 auto-reply rules: add, edit (incl. the 【启用】 switch), delete and batch delete, per app.
import { replyRuleProblem, type ReplyRuleInput, type ReplyRulePatch, type ReplyRuleView } from '../api/callback-contract';
import { ApiError, notFound } from '../core/api-error';
import type { Clock } from '../core/types';
import type { AuditRepo } from '../store/audit-repo';
import type { ReplyRuleFields, ReplyRulesRepo } from '../store/reply-rules-repo';
import type { AppsService } from './apps-service';

export function createReplyRulesService(deps: { repo: ReplyRulesRepo; apps: AppsService; audit: AuditRepo; clock: Clock }) {
  const { repo, audit } = deps;
  const now = () => deps.clock.now().toISOString();
  const mustGet = (id: string): ReplyRuleView => repo.get(id) ?? (() => { throw notFound('回复规则'); })();
  const check = (f: ReplyRuleFields) => {
    const p = replyRuleProblem(f);
    if (p) throw new ApiError('invalid_input', p.message, { details: [{ path: p.path, message: p.message }] });
  };

  return {
    list: (appId: string): ReplyRuleView[] => repo.list(deps.apps.record(appId).id),

    add(input: ReplyRuleInput, actor = 'admin'): ReplyRuleView {
      const app = deps.apps.record(input.appId);
      const { appId: _a, ...fields } = input;
      check(fields);
      const r = repo.add(app.id, fields, now());
      audit.record(now(), actor, 'replyRule.add', app.corpId, { appId: app.id, ruleId: r.id, name: r.name });
      return r;
    },

    update(patch: ReplyRulePatch, actor = 'admin'): ReplyRuleView {
      const old = mustGet(patch.id);
      const f: ReplyRuleFields = {
        name: patch.name ?? old.name,
        action: patch.action ?? old.action,
        match: patch.match !== undefined ? patch.match : old.match,
        keyword: patch.keyword !== undefined ? patch.keyword : old.keyword,
        reply: patch.reply ?? old.reply,
        priority: patch.priority ?? old.priority,
        enabled: patch.enabled ?? old.enabled,
      };
      // Switching to 【发送图片】 or 【直接托管】 drops what those rules do not have, unless sent explicitly.
      if (f.action === 'image' && patch.match === undefined) f.match = null;
      if ((f.action === 'image' || f.match === 'any') && patch.keyword === undefined) f.keyword = null;
      check(f);
      const r = repo.update(old.id, f, now());
      const app = deps.apps.record(old.appId);
      audit.record(now(), actor, 'replyRule.update', app.corpId, { appId: app.id, ruleId: r.id, fields: Object.keys(patch).filter((k) => k !== 'id') });
      return r;
    },

    remove(ids: string[], actor = 'admin'): { removed: number } {
      const found = [...new Set(ids)].map((id) => repo.get(id)).filter((r): r is ReplyRuleView => r !== null);
      if (!found.length) throw notFound('回复规则');
      const removed = repo.remove(found.map((r) => r.id));
      audit.record(now(), actor, 'replyRule.remove', null, { ruleIds: found.map((r) => r.id) });
      return { removed };
    },

    removeAll(appId: string, actor = 'admin'): { removed: number } {
      const app = deps.apps.record(appId);
      const removed = repo.removeAll(app.id);
      audit.record(now(), actor, 'replyRule.removeAll', app.corpId, { appId: app.id, removed });
      return { removed };
    },
  };
}

export type ReplyRulesService = ReturnType<typeof createReplyRulesService>;
