// F4.6 binding: manual bind/unbind (④), batch unbind (⑤), association export/import (③). Bindings change
// nothing in WeCom, so they work in 只读 mode too.
import { ApiError } from '../core/api-error';
import type { Clock } from '../core/types';
import type { OaUser } from '../org/oa-model';
import { findSheet, readWorkbook, sheetRows, WorkbookError, writeWorkbook } from '../org/workbook-io';
import type { AuditRepo } from '../store/audit-repo';
import type { MirrorRepo } from '../store/mirror-repo';
import type { OaRepo } from '../store/oa-repo';
import type { RunsRepo } from '../store/runs-repo';

export type BindField = 'mobile' | 'email' | 'loginid' | 'workcode' | 'id';
const SHEET = '关联导入';
const HEAD = ['企业微信账号', '姓名', '手机', '邮箱', '部门ID', '已绑定OA用户', '关联字段'];

interface ImportRow {
  row: number;
  userid: string;
  value: string;
  result: 'bound' | 'skipped' | 'error';
  reason: string;
}

function oaKey(u: OaUser, field: BindField): string | null {
  const v = field === 'id' ? u.id : u[field];
  return v ? v.toLowerCase() : null;
}

export function createBindingsService(deps: { mirror: MirrorRepo; oa: OaRepo; runs: RunsRepo; audit: AuditRepo; clock: Clock }) {
  const now = () => deps.clock.now().toISOString();
  const record = (corpId: string, actor: string, action: string, detail: Record<string, unknown>) => {
    const id = deps.runs.start(corpId, 'bind', actor, now());
    deps.runs.finish(id, 'succeeded', now(), { action, ...detail });
    deps.audit.record(now(), actor, `bind.${action}`, corpId, detail);
  };

  return {
    list: (corpId: string) => deps.mirror.bindings(corpId),

    bind(corpId: string, userid: string, oaUserId: string, actor = 'admin') {
      if (!deps.mirror.getUser(corpId, userid)) throw new ApiError('not_found', `企业微信成员 ${userid} 不在本地通讯录中：请先从企业微信同步`);
      const oaUser = deps.oa.load().users.find((u) => u.id === oaUserId);
      if (!oaUser) throw new ApiError('not_found', `OA 用户 ${oaUserId} 不存在`);
      const byOa = deps.mirror.bindingByOa(corpId, oaUserId);
      if (byOa && byOa.wxUserid !== userid) throw new ApiError('conflict', `OA 用户 ${oaUser.name} 已绑定企业微信成员 ${byOa.wxUserid}`, { hint: '先解绑' });
      const byWx = deps.mirror.bindingByWx(corpId, userid);
      if (byWx && byWx.oaUserId !== oaUserId) throw new ApiError('conflict', `企业微信成员 ${userid} 已绑定 OA 用户 ${byWx.oaUserId}`, { hint: '先解绑' });
      if (!byWx) deps.mirror.bind(corpId, userid, oaUserId, 'manual', now());
      record(corpId, actor, 'bind', { userid, oaUserId });
      return deps.mirror.bindingByWx(corpId, userid)!;
    },

    remove(corpId: string, userid: string, actor = 'admin'): boolean {
      const removed = deps.mirror.unbind(corpId, userid);
      if (!removed) throw new ApiError('not_found', `企业微信成员 ${userid} 没有绑定`);
      record(corpId, actor, 'unbind', { userid });
      return true;
    },

    /** ⑤ 批量解绑: the admin types the number of bindings to remove. */
    removeAll(corpId: string, confirm: number | undefined, actor = 'admin'): number {
      const n = deps.mirror.bindings(corpId).length;
      if (confirm !== n) {
        throw Object.assign(new ApiError('confirm_required', `将解除 ${n} 个绑定：请输入 --confirm ${n} 确认`, { details: { rule: 'confirm', limit: n, actual: confirm ?? null, setting: '--confirm' } }), { safety: true });
      }
      const removed = deps.mirror.unbindAll(corpId);
      record(corpId, actor, 'unbindAll', { removed });
      return removed;
    },

    /** ③ 关联导入: the mirror's users with an empty 关联字段 column for the admin to fill. */
    exportWorkbook(corpId: string): Buffer {
      const bound = new Map(deps.mirror.bindings(corpId).map((b) => [b.wxUserid, b.oaUserId]));
      const rows = deps.mirror.load(corpId).users.map((u) => [u.userid, u.name, u.mobile ?? '', u.email ?? '', u.department.join(','), bound.get(u.userid) ?? '', '']);
      return writeWorkbook([{ name: SHEET, rows: [HEAD, ...rows] }]);
    },

    import(corpId: string, file: { name: string; data: Buffer }, field: BindField, opts: { overwrite: boolean; dryRun: boolean; actor?: string }) {
      let wb;
      try {
        wb = readWorkbook(file.data, file.name);
      } catch (e) {
        if (e instanceof WorkbookError) throw new ApiError('bad_workbook', e.message);
        throw e;
      }
      const sheet = findSheet(wb, [SHEET]) ?? wb.SheetNames[0];
      const rows = sheetRows(wb.Sheets[sheet]);
      const header = rows[0] ?? [];
      const col = (name: string) => header.indexOf(name);
      if (col('企业微信账号') < 0 || col('关联字段') < 0) throw new ApiError('bad_workbook', `${file.name} 缺少「企业微信账号」或「关联字段」列：请使用【关联导入】导出的模板`);
      const oaByKey = new Map<string, OaUser[]>();
      for (const u of deps.oa.load().users) {
        const k = oaKey(u, field);
        if (k) oaByKey.set(k, [...(oaByKey.get(k) ?? []), u]);
      }
      const report: ImportRow[] = [];
      const planned: { userid: string; oaUserId: string; replace: boolean }[] = [];
      const takenOa = new Map(deps.mirror.bindings(corpId).map((b) => [b.oaUserId, b.wxUserid]));
      rows.slice(1).forEach((r, i) => {
        const row = i + 2;
        const userid = r[col('企业微信账号')] ?? '';
        const value = r[col('关联字段')] ?? '';
        if (!userid && !value) return;
        const out = (result: ImportRow['result'], reason: string) => report.push({ row, userid, value, result, reason });
        if (!value) return out('skipped', '关联字段为空');
        if (!deps.mirror.getUser(corpId, userid)) return out('error', '企业微信账号不在本地通讯录中');
        const cands = oaByKey.get(value.toLowerCase()) ?? [];
        if (cands.length === 0) return out('error', `找不到 OA 用户（按${field}）`);
        if (cands.length > 1) return out('error', `匹配到多个 OA 用户：${cands.map((c) => c.name).join('、')}`);
        const existing = deps.mirror.bindingByWx(corpId, userid);
        if (existing && existing.oaUserId === cands[0].id) return out('skipped', '已绑定');
        if (existing && !opts.overwrite) return out('skipped', '已绑定');
        const other = takenOa.get(cands[0].id);
        if (other && other !== userid) return out('error', `OA 用户 ${cands[0].name} 已绑定企业微信成员 ${other}`);
        takenOa.set(cands[0].id, userid);
        planned.push({ userid, oaUserId: cands[0].id, replace: !!existing });
        out('bound', existing ? `覆盖原绑定 ${existing.oaUserId} → ${cands[0].id}` : `绑定到 ${cands[0].name}（${cands[0].id}）`);
      });
      if (!opts.dryRun && planned.length) {
        deps.mirror.transaction(() => {
          for (const p of planned) {
            if (p.replace) deps.mirror.unbind(corpId, p.userid);
            deps.mirror.bind(corpId, p.userid, p.oaUserId, 'import', now());
          }
        });
        record(corpId, opts.actor ?? 'admin', 'import', { file: file.name, bound: planned.length });
      }
      const count = (r: ImportRow['result']) => report.filter((x) => x.result === r).length;
      return { ok: count('error') === 0, applied: !opts.dryRun && planned.length > 0, bound: count('bound'), skipped: count('skipped'), errors: count('error'), rows: report };
    },
  };
}

export type BindingsService = ReturnType<typeof createBindingsService>;
