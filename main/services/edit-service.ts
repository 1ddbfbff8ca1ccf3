// F4.15 edits in 【通讯录管理】: preview an edit as a one-operation plan, then apply exactly that plan through
// the F4.12 journal (typed confirmation when destructive, errcode explanations, resume after a crash). Before
// applying, the records the edit touches are re-read from WeCom, so an edit planned on a stale mirror is
// refused rather than sent.
import { randomBytes } from 'node:crypto';
import { ApiError } from '../core/api-error';
import type { Clock } from '../core/types';
import type { JobContext } from '../jobs/job-runner';
import type { CorpsRepo } from '../store/corps-repo';
import type { MirrorRepo } from '../store/mirror-repo';
import type { OaRepo } from '../store/oa-repo';
import type { RunsRepo } from '../store/runs-repo';
import { applyJournal, assignDeptIds, type ApplyFailure } from '../sync/apply';
import { planEdit, type EditPlanBody, type EditProblem } from '../sync/edit-plan';
import type { ContactEdit } from '../sync/edit-schema';
import type { Mirror } from '../sync/model';
import { toWxDept, toWxUser } from '../sync/pull';
import { isWeComError } from '../wecom/api/common';
import { getDepartment, getUser } from '../wecom/api/contacts';
import type { WeComClient } from '../wecom/client';
import { SafetyRefusal } from './push-service';
import type { SyncService, ToOaResult } from './sync-service';
import type { SyncSettingsService } from './sync-settings-service';
import type { WeComClients } from './wecom-clients';

export interface EditPlanView extends EditPlanBody {
  id: string;
}

export interface EditResult {
  run: string;
  status: 'succeeded' | 'failed' | 'cancelled';
  target: EditPlanBody['target'];
  kind: ContactEdit['kind'];
  failure: ApplyFailure | null;
  toOA?: ToOaResult;
}

export function createEditService(deps: {
  corps: CorpsRepo;
  mirror: MirrorRepo;
  oa: OaRepo;
  runs: RunsRepo;
  sync: SyncService;
  settings: SyncSettingsService;
  clients: WeComClients;
  clock: Clock;
}) {
  const now = () => deps.clock.now().toISOString();

  function writable(corpId: string) {
    const corp = deps.corps.get(corpId) ?? (() => { throw new ApiError('not_found', '企业不存在'); })();
    if (deps.settings.effective(corpId)['sync.mode'] === 'readonly') throw new ApiError('readonly', '接口权限为只读：不能修改企业微信通讯录', { hint: '【接口参数设置】→【读写】（需要通讯录密钥）' });
    if (!corp.hasContactSecret) throw new ApiError('not_configured', '请先配置接口参数设置：修改通讯录需要通讯录密钥', { hint: '【管理工具】→【通讯录同步】→ Secret' });
    if (!deps.mirror.state(corpId).pulledAt) throw new ApiError('not_configured', '请先从企业微信同步组织用户绑定关系', { hint: '【从企业微信同步组织用户绑定关系】' });
    return corp;
  }

  function replan(corpId: string, edit: ContactEdit) {
    const oaUsers = edit.kind === 'createUser' && edit.oaUserId ? new Map(deps.oa.load().users.map((u) => [u.id, u])) : null;
    return planEdit(edit, {
      mirror: deps.mirror.load(corpId),
      bindings: deps.mirror.bindings(corpId),
      links: deps.mirror.links(corpId),
      oaUser: (id) => oaUsers?.get(id) ?? null,
    });
  }

  const refused = (problems: EditProblem[]) =>
    new ApiError('invalid_edit', problems.map((p) => p.message).join('；'), { details: { problems } });

  /** Re-reads from WeCom the member or departments the edit touches and updates the mirror with what it says. */
  async function refreshTargets(corpId: string, client: WeComClient, edit: ContactEdit, signal: AbortSignal) {
    const o = { signal };
    const user = async (userid: string) => {
      const u = await getUser(client, userid, o).catch((x: unknown) => (isWeComError(x, 60111) ? null : Promise.reject(x)));
      if (u) deps.mirror.upsertUser(corpId, toWxUser(u));
      else deps.mirror.transaction(() => {
        deps.mirror.removeUser(corpId, userid);
        deps.mirror.unbind(corpId, userid);
      });
    };
    const dept = async (id: number) => {
      const d = await getDepartment(client, id, o).catch((x: unknown) => (isWeComError(x, 60003, 60123) ? null : Promise.reject(x)));
      if (d) deps.mirror.upsertDept(corpId, toWxDept(d));
      else deps.mirror.removeDept(corpId, id);
    };
    if ('userid' in edit) await user(edit.userid);
    if ('id' in edit) await dept(edit.id);
    if ('parentId' in edit) await dept(edit.parentId);
  }

  return {
    /** The edit as a one-operation plan; a bad edit is refused with every reason and nothing is stored. */
    plan(corpId: string, edit: ContactEdit): EditPlanView {
      writable(corpId);
      const r = replan(corpId, edit);
      if (!r.ok) throw refused(r.problems);
      const id = `e${r.plan.opHash.slice(0, 8)}${randomBytes(4).toString('hex')}`;
      deps.runs.savePlan(corpId, id, now(), r.plan);
      return { id, ...r.plan };
    },

    async apply(corpId: string, opts: { id: string; confirm?: number; actor?: string }, ctx: Pick<JobContext, 'signal' | 'progress'>): Promise<EditResult> {
      const corp = writable(corpId);
      const planned = deps.runs.getPlan<EditPlanBody>(corpId, opts.id);
      if (!planned) throw new ApiError('stale_plan', `没有编号为 ${opts.id} 的修改预览：请重新预览`, { hint: 'preview again' });
      const previous = deps.runs.lastRunFor(corpId, 'edit', opts.id);
      const client = deps.clients.forCorpSecret(corp, 'contact');
      const unfinished = previous ? deps.runs.entries(previous.id).some((e) => e.status === 'pending' || e.status === 'started') : false;
      if (previous && !unfinished && previous.status !== 'running') return previous.summary as unknown as EditResult;
      let runId: string;
      let before: Mirror;
      if (previous) {
        // Interrupted earlier (crash or cancel): the journal resumes, checking WeCom for a `started` operation.
        runId = previous.id;
        deps.runs.setStatus(runId, 'running');
        before = deps.mirror.load(corpId);
      } else {
        if (planned.destructive > 0 && opts.confirm !== planned.destructive) {
          throw new SafetyRefusal('confirm_required', `此修改会${planned.op.kind === 'disableUser' ? '禁用' : '删除'}「${planned.target.name}」：请输入 ${planned.destructive} 确认`, { details: { rule: 'confirm', limit: planned.destructive, actual: opts.confirm ?? null, setting: '--confirm' } });
        }
        ctx.progress('refresh', 0, 1);
        await refreshTargets(corpId, client, planned.edit, ctx.signal);
        before = deps.mirror.load(corpId);
        const fresh = replan(corpId, planned.edit);
        if (!fresh.ok) throw refused(fresh.problems);
        if (fresh.plan.opHash !== planned.opHash) {
          throw new ApiError('stale_plan', '企业微信中的这条记录在预览之后发生了变化：请重新预览', { hint: `${planned.target.name}` });
        }
        runId = deps.runs.start(corpId, 'edit', opts.actor ?? 'admin', now(), opts.id);
        deps.runs.journal(runId, assignDeptIds([fresh.plan.op], before.departments.map((d) => d.id)), () => false);
      }
      const outcome = await applyJournal({
        corpId,
        runId,
        client,
        mirror: deps.mirror,
        runs: deps.runs,
        // A console edit never moves anyone to 已禁用用户, so this is never consulted.
        disabledDept: { name: '', home: 0 },
        now,
        ctx,
      });
      const status: EditResult['status'] = outcome.cancelled ? 'cancelled' : outcome.failed.length ? 'failed' : 'succeeded';
      const toOA = status === 'succeeded' ? await deps.sync.toOaSince(corpId, before) : undefined;
      const result: EditResult = { run: runId, status, target: planned.target, kind: planned.edit.kind, failure: outcome.failed[0] ?? null, ...(toOA ? { toOA } : {}) };
      deps.runs.finish(runId, status, now(), { ...result, changes: planned.changes });
      return result;
    },
  };
}

export type EditService = ReturnType<typeof createEditService>;
