// F4.2 pull, F4.10 simulate: the I/O around the pure planner. Every run leaves a history record (F4.14).
import { ApiError } from '../core/api-error';
import type { Clock } from '../core/types';
import type { JobContext } from '../jobs/job-runner';
import type { AppsRepo } from '../store/apps-repo';
import type { CorpsRepo } from '../store/corps-repo';
import type { MirrorRepo } from '../store/mirror-repo';
import type { OaRepo } from '../store/oa-repo';
import type { RunsRepo } from '../store/runs-repo';
import { autoBindings } from '../sync/auto-bind';
import type { OaSourceView } from '../api/schemas';
import type { DiffTree } from '../sync/diff-tree';
import type { Mirror } from '../sync/model';
import type { Plan } from '../sync/plan-types';
import type { PlanRunner } from '../sync/plan-runner';
import { pullMirror } from '../sync/pull';
import { changeRowsTable, mirrorChanges } from '../sync/to-oa';
import { writeWorkbook } from '../org/workbook-io';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncSettings } from '../sync/settings-schema';
import type { WeComClient } from '../wecom/client';
import type { SyncSettingsService } from './sync-settings-service';
import type { WeComClients } from './wecom-clients';

export interface PullSummary {
  complete: boolean;
  departments: number;
  users: number;
  bound: number;
  newBindings: number;
  error: string | null;
  /** With 是否同步到OA on: the mirror's changes, sent to the HTTP source's write endpoint or, for the file
   * source (or when the endpoint fails), written as a change workbook for the OA admin. */
  toOA?: ToOaResult;
}

export interface ToOaResult {
  changes: number;
  workbook: string | null;
  /** The write endpoint that took the change list. */
  endpoint?: string;
  /** Why the endpoint did not take it (the workbook then holds the changes). */
  error?: string;
}

export interface SyncDeps {
  corps: CorpsRepo;
  apps: AppsRepo;
  mirror: MirrorRepo;
  oa: OaRepo;
  runs: RunsRepo;
  settings: SyncSettingsService;
  clients: WeComClients;
  clock: Clock;
  dataDir: string;
  planner: PlanRunner;
  /** F4.3: the OA source in use and its write endpoint. */
  oaSink: { activeSource(): OaSourceView; writeChanges(corpId: string, changes: unknown[]): Promise<number> };
}

export function createSyncService(deps: SyncDeps) {
  const now = () => deps.clock.now().toISOString();
  const corpOf = (corpId: string) => deps.corps.get(corpId) ?? (() => { throw new ApiError('not_found', '企业不存在'); })();

  /** The client a pull reads with: the chosen app's (visible scope) or the contacts-sync secret (whole tree). */
  function readClient(corpId: string, s: SyncSettings): { client: WeComClient; scopeApp: { agentid: number; name: string } | null } {
    const corp = corpOf(corpId);
    if (s['sync.scopeApp']) {
      const app = deps.apps.get(s['sync.scopeApp']);
      if (!app || app.corpId !== corpId) throw new ApiError('not_configured', '请先配置接口参数设置：所选应用已不存在', { hint: 'config set sync.scopeApp <app>' });
      return { client: deps.clients.forApp(corp, app), scopeApp: { agentid: app.agentid, name: app.name } };
    }
    if (s['sync.mode'] === 'readonly' || !corp.hasContactSecret) {
      throw new ApiError('not_configured', '请先配置接口参数设置', { hint: '【只读】需要选择应用（config set sync.scopeApp <app>）；【读写】需要通讯录密钥' });
    }
    return { client: deps.clients.forCorpSecret(corp, 'contact'), scopeApp: null };
  }

  /** The plan for the store as it is now (in the planning worker for large directories). */
  function currentPlan(corpId: string, s: SyncSettings): Promise<Plan> {
    return deps.planner.plan(corpId, s, now());
  }

  async function writeOaChanges(corpId: string, rows: ReturnType<typeof mirrorChanges>): Promise<ToOaResult> {
    if (!rows.length) return { changes: 0, workbook: null };
    const source = deps.oaSink.activeSource();
    if (source.kind === 'http' && source.writeUrl) {
      try {
        await deps.oaSink.writeChanges(corpId, rows);
        return { changes: rows.length, workbook: null, endpoint: source.writeUrl };
      } catch (e) {
        // The mirror has moved on: keep the changes for the OA admin rather than lose them.
        return { ...changeWorkbook(corpId, rows), error: e instanceof Error ? e.message : String(e) };
      }
    }
    if (source.kind === 'http') return { ...changeWorkbook(corpId, rows), error: 'OA 来源没有写入地址：变更已写入变更表' };
    return changeWorkbook(corpId, rows);
  }

  function changeWorkbook(corpId: string, rows: ReturnType<typeof mirrorChanges>): ToOaResult {
    const dir = join(deps.dataDir, 'oa-changes');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, `${corpId}-${now().replace(/[:.]/g, '-')}.xlsx`);
    writeFileSync(file, writeWorkbook([{ name: '企业微信变更', rows: changeRowsTable(rows) }]));
    return { changes: rows.length, workbook: file };
  }

  return {
    readClient,
    currentPlan,

    /** F4.3 after a console edit: with 是否同步到OA on, what the edit changed in the mirror goes to the OA side. */
    async toOaSince(corpId: string, before: Mirror): Promise<ToOaResult | undefined> {
      if (!deps.settings.effective(corpId)['sync.toOA']) return undefined;
      return writeOaChanges(corpId, mirrorChanges(before, deps.mirror.load(corpId), deps.mirror.bindings(corpId)));
    },

    async pull(corpId: string, ctx: Pick<JobContext, 'signal' | 'progress'>, actor = 'admin'): Promise<PullSummary> {
      const s = deps.settings.effective(corpId);
      const { client, scopeApp } = readClient(corpId, s);
      const runId = deps.runs.start(corpId, 'pull', actor, now());
      try {
        const r = await pullMirror(client, scopeApp, ctx);
        let newBindings = 0;
        let toOA: PullSummary['toOA'];
        if (r.complete) {
          const before = s['sync.toOA'] ? deps.mirror.load(corpId) : null;
          deps.mirror.replace(corpId, r.mirror);
          if (before) toOA = await writeOaChanges(corpId, mirrorChanges(before, r.mirror, deps.mirror.bindings(corpId)));
          if (s['bind.auto']) {
            const found = autoBindings(r.mirror.users, deps.oa.load().users, deps.mirror.bindings(corpId), s['bind.match']);
            deps.mirror.transaction(() => found.forEach((b) => deps.mirror.bind(corpId, b.wxUserid, b.oaUserId, 'auto', now())));
            newBindings = found.length;
          }
          // Departments matched by level and name are linked now, as the manual's black dot shows after a pull.
          const p = await currentPlan(corpId, { ...s });
          deps.mirror.transaction(() => p.ops.forEach((o) => o.kind === 'linkDept' && deps.mirror.link(corpId, o.wxDeptId, o.oaDeptId, now())));
        }
        deps.mirror.setPulled(corpId, now(), r.complete, r.error);
        const counts = deps.mirror.counts(corpId);
        const summary: PullSummary = { complete: r.complete, departments: counts.depts, users: counts.users, bound: counts.bound, newBindings, error: r.error, ...(toOA ? { toOA } : {}) };
        deps.runs.finish(runId, r.complete ? 'succeeded' : 'partial', now(), { ...summary, calls: r.calls });
        return summary;
      } catch (e) {
        deps.runs.finish(runId, ctx.signal.aborted ? 'cancelled' : 'failed', now(), { error: e instanceof Error ? e.message : String(e) });
        throw e;
      }
    },

    /** The org-tree diff of a simulated plan (F4.10), built where the plan was: in the worker for large directories. */
    async diffTree(corpId: string, hash: string): Promise<DiffTree> {
      const tree = await deps.planner.diffTree(corpId, hash);
      if (!tree) throw new ApiError('stale_plan', `没有哈希为 ${hash} 的模拟结果：请重新模拟`);
      return tree;
    },

    /** A simulation writes nothing to WeCom; it stores the plan (for approval by hash) and the baseline. */
    async simulate(corpId: string, actor = 'admin'): Promise<Plan> {
      const s = deps.settings.effective(corpId);
      const p = await currentPlan(corpId, s);
      const at = now();
      const runId = deps.runs.start(corpId, 'simulate', actor, at, p.stop ? null : p.summary.hash);
      if (!p.stop) deps.runs.savePlan(corpId, p.summary.hash, at, p);
      // F4.8: a run stopped by the user-decrease rule keeps the old baseline.
      if (!p.stop && !p.summary.safety.held.some((h) => h.rule === 'userDecrease')) deps.mirror.setBaseline(corpId, p.summary.inScopeActive, p.scopeFingerprint);
      deps.runs.finish(runId, p.stop ? 'refused' : p.summary.safety.ok ? 'succeeded' : 'held', at, p.stop ? { stop: p.stop } : { ...p.summary, conflicts: undefined, conflictsTotal: p.summary.conflictsTotal });
      return p;
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
