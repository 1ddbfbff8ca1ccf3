// F4.11–F4.12 push: refresh the mirror, re-plan, apply exactly the approved plan (by hash) through the
// journal. Destructive counts are typed in; held plans need an explicit approval of this very plan.
import { ApiError } from '../core/api-error';
import type { Clock } from '../core/types';
import type { JobContext } from '../jobs/job-runner';
import type { MirrorRepo } from '../store/mirror-repo';
import type { RunsRepo, RunStatus } from '../store/runs-repo';
import { applyJournal, assignDeptIds, type ApplyFailure } from '../sync/apply';
import type { Op, Plan, SafetyHold } from '../sync/plan-types';
import type { CorpsRepo } from '../store/corps-repo';
import type { SyncService } from './sync-service';
import type { SyncSettingsService } from './sync-settings-service';
import type { WeComClients } from './wecom-clients';

export interface PushResult {
  run: string;
  status: 'succeeded' | 'partial' | 'failed' | 'refused' | 'cancelled';
  done: number;
  failed: ApplyFailure[];
  held?: SafetyHold[];
}

/** Refusals by a safety rule carry exit code 3 on the command line. */
export class SafetyRefusal extends ApiError {
  readonly safety = true;
}

const USER_OPS = new Set<Op['kind']>(['bind', 'createUser', 'updateUser', 'moveUser', 'enableUser', 'disableUser', 'deleteUser']);

export function createPushService(deps: { corps: CorpsRepo; mirror: MirrorRepo; runs: RunsRepo; sync: SyncService; settings: SyncSettingsService; clients: WeComClients; clock: Clock }) {
  const now = () => deps.clock.now().toISOString();

  async function run(corpId: string, runId: string, holdUsers: boolean, held: SafetyHold[], ctx: Pick<JobContext, 'signal' | 'progress'>): Promise<PushResult> {
    const corp = deps.corps.get(corpId)!;
    const s = deps.settings.effective(corpId);
    const outcome = await applyJournal({
      corpId,
      runId,
      client: deps.clients.forCorpSecret(corp, 'contact'),
      mirror: deps.mirror,
      runs: deps.runs,
      disabledDept: { name: s['push.disabledDept'], home: s['push.topDept'] ?? deps.mirror.load(corpId).departments.find((d) => d.parentId === null)?.id ?? 1 },
      now,
      ctx,
    });
    const status: PushResult['status'] = outcome.cancelled
      ? 'cancelled'
      : outcome.failed.length === 0 && (outcome.held === 0 || !holdUsers)
        ? outcome.held
          ? 'partial'
          : 'succeeded'
        : outcome.done === 0 && outcome.failed.length
          ? 'failed'
          : 'partial';
    const result: PushResult = { run: runId, status, done: outcome.done, failed: outcome.failed, ...(holdUsers ? { held } : {}) };
    deps.runs.finish(runId, status as RunStatus, now(), { ...result });
    return result;
  }

  return {
    /**
     * `hash` is the simulated plan the admin approved. A journal for it that is unfinished is resumed; a
     * finished one answers its recorded result; otherwise the mirror is refreshed, the plan recomputed and
     * applied only if it is still the same plan.
     */
    async push(corpId: string, opts: { hash: string; confirm?: number; approveHeld?: boolean; actor?: string }, ctx: Pick<JobContext, 'signal' | 'progress'>): Promise<PushResult> {
      const s = deps.settings.effective(corpId);
      if (s['sync.mode'] === 'readonly') throw new ApiError('readonly', '接口权限为只读：不能同步到企业微信', { hint: 'config set sync.mode readwrite（需要通讯录密钥）' });
      const previous = deps.runs.lastPushFor(corpId, opts.hash);
      if (previous) {
        const entries = deps.runs.entries(previous.id);
        const unfinished = entries.some((e) => e.status === 'pending' || e.status === 'started');
        if (!unfinished && previous.status !== 'running') return previous.summary as unknown as PushResult;
        if (unfinished) {
          deps.runs.setStatus(previous.id, 'running');
          const held = ((previous.summary.held as SafetyHold[] | undefined) ?? []);
          return run(corpId, previous.id, entries.some((e) => e.status === 'held'), held, ctx);
        }
      }
      const approved = deps.runs.getPlan<Plan>(corpId, opts.hash);
      if (!approved) throw new ApiError('stale_plan', `没有哈希为 ${opts.hash} 的模拟结果：请重新模拟（simulate）`, { hint: 'simulate again' });

      // F4.11: a push always first refreshes the mirror and bindings.
      ctx.progress('pull', 0, 1);
      await deps.sync.pull(corpId, ctx, opts.actor);
      const fresh = await deps.sync.currentPlan(corpId, s);
      if (fresh.stop) throw new SafetyRefusal('root_mismatch', fresh.stop.message, { details: fresh.stop });
      if (fresh.summary.hash !== opts.hash) {
        const runId = deps.runs.start(corpId, 'push', opts.actor ?? 'admin', now(), opts.hash, 'refused');
        deps.runs.finish(runId, 'refused', now(), { reason: 'stale_plan', current: fresh.summary.hash });
        throw new ApiError('stale_plan', '企业微信或 OA 在模拟之后发生了变化，计划已过期：请重新模拟（simulate again）', { hint: `当前计划哈希 ${fresh.summary.hash}` });
      }
      const destructive = approved.summary.destructive;
      if (destructive > 0 && opts.confirm !== destructive) {
        throw new SafetyRefusal('confirm_required', `本计划含 ${destructive} 个删除/禁用操作：请输入 --confirm ${destructive} 确认`, { details: { rule: 'confirm', limit: destructive, actual: opts.confirm ?? null, setting: '--confirm' } });
      }
      const held = approved.summary.safety.held;
      const runHeld = held.filter((h) => h.part === 'run');
      if (runHeld.length && !opts.approveHeld) {
        throw new SafetyRefusal('held', `计划被安全规则暂停：${runHeld.map((h) => h.message).join('；')}`, { hint: '确认无误后加 --approve-held 批准本计划', details: { held } });
      }
      const holdUsers = held.some((h) => h.part === 'users') && !opts.approveHeld;
      const runId = deps.runs.start(corpId, 'push', opts.actor ?? 'admin', now(), opts.hash);
      const existingIds = deps.mirror.load(corpId).departments.map((d) => d.id);
      deps.runs.journal(runId, assignDeptIds(fresh.ops, existingIds), (op) => holdUsers && USER_OPS.has(op.kind));
      deps.mirror.setBaseline(corpId, fresh.summary.inScopeActive, fresh.scopeFingerprint);
      return run(corpId, runId, holdUsers, held, ctx);
    },
  };
}

export type PushService = ReturnType<typeof createPushService>;
