// Contract shapes for contacts sync (F4): pull, simulate, push, mirror, bindings, history. Pure zod.
import { z } from 'zod';
import { OaDept, OaUser } from '../org/oa-model';

export const PullSummaryView = z.object({
  complete: z.boolean(),
  departments: z.number(),
  users: z.number(),
  bound: z.number(),
  newBindings: z.number(),
  error: z.string().nullable(),
});

// What a conflict's, hold's or stop's text is made from, so the UI can say it in another language.
export const PlanParamsView = z.record(z.string(), z.union([z.string(), z.number()]));

export const ConflictView = z.object({
  kind: z.string(),
  oaUserId: z.string().optional(),
  userid: z.string().optional(),
  oaDeptId: z.string().optional(),
  wxDeptId: z.number().optional(),
  message: z.string(),
  fix: z.string(),
  params: PlanParamsView.optional(),
});

export const SafetyHoldView = z.object({
  rule: z.string(),
  limit: z.number(),
  actual: z.number(),
  setting: z.string(),
  part: z.enum(['users', 'run']),
  message: z.string(),
  params: PlanParamsView.optional(),
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

export const PlanStopView = z.object({ code: z.string(), message: z.string(), oaRoot: z.string().optional(), wecomRoot: z.string().optional(), setting: z.string().optional(), topDept: z.number().optional(), params: PlanParamsView.optional() });

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
  /** Other member fields (alias, telephone, extattr.X …) as text. */
  extra: z.record(z.string(), z.string()),
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

// F4.10 the org-tree diff (main/sync/diff-tree.ts): departments with their status and user changes.
export const DiffStatusView = z.enum(['matched', 'new', 'updated', 'moved', 'disabled', 'deleted', 'outOfScope']);
export const DiffNodeStatusView = z.enum(['matched', 'new', 'updated', 'moved', 'disabled', 'deleted', 'outOfScope', 'kept', 'skipped']);
export const UserChangeKindView = z.enum(['create', 'update', 'move', 'disable', 'enable', 'delete', 'bind']);
export const DiffUserChangeView = z.object({
  userid: z.string().nullable(),
  oaUserId: z.string().nullable(),
  name: z.string(),
  kinds: z.array(UserChangeKindView),
  status: DiffStatusView,
  reason: z.enum(['departed', 'outOfScope', 'afterDays', 'manual']).nullable(),
  fields: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
});
export const DiffNodeView = z.object({
  key: z.string(),
  name: z.string(),
  status: DiffNodeStatusView,
  linked: z.boolean(),
  wxId: z.number().nullable(),
  oaId: z.string().nullable(),
  context: z.boolean(),
  removes: z.boolean(),
  renamedFrom: z.string().nullable(),
  movedFrom: z.string().nullable(),
  conflicts: z.number(),
  counts: z.partialRecord(UserChangeKindView, z.number()),
  users: z.array(DiffUserChangeView),
  subtreeChanges: z.number(),
  get children() {
    return z.array(DiffNodeView);
  },
});
export const DiffTreeView = z.object({
  hash: z.string(),
  summary: PlanSummaryView,
  stop: PlanStopView.nullable(),
  roots: z.array(DiffNodeView),
  mountPath: z.array(z.string()),
  deptCounts: z.record(DiffNodeStatusView, z.number()),
  userCounts: z.record(DiffStatusView, z.number()),
  linkedCount: z.number(),
  conflicts: z.array(ConflictView),
  conflictsTotal: z.number(),
});

// The OA side for pickers (bind, scope) and the user card.
export const OaUserView = OaUser.omit({ order: true, custom: true }).extend({ departmentName: z.string().nullable(), boundTo: z.string().nullable() });
export const OaDeptView = OaDept.omit({ order: true });

// A running or finished push, read from its journal (errors so far while it runs).
export const PushStatusView = z.object({
  run: z.string().nullable(),
  status: z.string().nullable(),
  total: z.number(),
  done: z.number(),
  failed: z.array(ApplyFailureView),
  held: z.number(),
  pending: z.number(),
});
