// Contract shapes for contacts sync (F4): pull, simulate, push, mirror, bindings, history. Pure zod.
import { z } from 'zod';

export const PullSummaryView = z.object({
  complete: z.boolean(),
  departments: z.number(),
  users: z.number(),
  bound: z.number(),
  newBindings: z.number(),
  error: z.string().nullable(),
});

export const ConflictView = z.object({
  kind: z.string(),
  oaUserId: z.string().optional(),
  userid: z.string().optional(),
  oaDeptId: z.string().optional(),
  wxDeptId: z.number().optional(),
  message: z.string(),
  fix: z.string(),
});

export const SafetyHoldView = z.object({
  rule: z.string(),
  limit: z.number(),
  actual: z.number(),
  setting: z.string(),
  part: z.enum(['users', 'run']),
  message: z.string(),
});

export const PlanSummaryView = z.object({
  hash: z.string(),
  counts: z.record(z.string(), z.number()),
  destructive: z.number(),
  outOfScope: z.object({ users: z.number(), depts: z.number() }),
  conflicts: z.array(ConflictView),
  conflictsTotal: z.number(),
  safety: z.object({ ok: z.boolean(), held: z.array(SafetyHoldView) }),
  estimate: z.object({ calls: z.number(), seconds: z.number() }),
  inScopeActive: z.number(),
  mirrorUsers: z.number(),
  removalsWithheld: z.boolean(),
  changes: z.number(),
});

export const PlanStopView = z.object({ code: z.string(), message: z.string(), oaRoot: z.string().optional(), wecomRoot: z.string().optional(), setting: z.string().optional(), topDept: z.number().optional() });

export const SimulateView = z.object({ summary: PlanSummaryView, stop: PlanStopView.nullable() });

export const ApplyFailureView = z.object({ op: z.string(), target: z.string(), errcode: z.number().nullable(), message: z.string() });
export const PushResultView = z.object({
  run: z.string(),
  status: z.enum(['succeeded', 'partial', 'failed', 'refused', 'cancelled']),
  done: z.number(),
  failed: z.array(ApplyFailureView),
  held: z.array(SafetyHoldView).optional(),
});

export const MirrorUserView = z.object({
  userid: z.string(),
  name: z.string(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  position: z.string().nullable(),
  department: z.array(z.number()),
  mainDepartment: z.number().nullable(),
  status: z.number(),
  boundTo: z.string().nullable(),
  bindingSource: z.string().nullable(),
  boundAt: z.string().nullable(),
  disabledAt: z.string().nullable(),
});
export const MirrorDeptView = z.object({ id: z.number(), name: z.string(), parentId: z.number().nullable(), order: z.number(), linkedTo: z.string().nullable() });

export const BindingView = z.object({ wxUserid: z.string(), oaUserId: z.string(), source: z.string(), boundAt: z.string(), disabledAt: z.string().nullable() });

export const BindImportRow = z.object({ row: z.number(), userid: z.string(), value: z.string(), result: z.enum(['bound', 'skipped', 'error']), reason: z.string() });
export const BindImportReport = z.object({ ok: z.boolean(), applied: z.boolean(), bound: z.number(), skipped: z.number(), errors: z.number(), rows: z.array(BindImportRow) });

export const HistoryEntryView = z.object({
  id: z.string(),
  corpId: z.string(),
  kind: z.string(),
  actor: z.string(),
  planHash: z.string().nullable(),
  status: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
});

export const BindMatchField = z.enum(['mobile', 'email', 'loginid', 'workcode', 'id']);
