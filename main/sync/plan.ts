// plan(oa, mirror, bindings, settings) → Plan. PURE: no I/O, no clock, no randomness; stable order; the
// hash identifies exactly the operations an admin approves (F4.10).
import { createHash } from 'node:crypto';
import { DESTRUCTIVE, COUNT_KINDS, type CountKind, type DiffStatus, type Op, type Plan, type PlanInput, type PlanSummary } from './plan-types';
import { indexWx, planDepartments, wxOrder } from './plan-depts';
import { planDeptDeletes } from './plan-deletes';
import { planUsers } from './plan-users';
import { safetyHolds } from './safety';
import { computeScope, indexOa, scopeFingerprint } from './scope';

/** Apply order: departments top-down, then users, removals, and department deletes bottom-up. */
const PHASE: Record<Op['kind'], number> = {
  linkDept: 0,
  createDept: 1,
  renameDept: 2,
  moveDept: 2,
  bind: 3,
  createUser: 4,
  updateUser: 5,
  moveUser: 6,
  enableUser: 7,
  disableUser: 8,
  deleteUser: 9,
  deleteDept: 10,
};

export const isWrite = (o: Op) => o.kind !== 'bind' && o.kind !== 'linkDept';
const REMOVALS = new Set<Op['kind']>(['disableUser', 'deleteUser', 'deleteDept']);
const SUMMARY_CONFLICTS = 200;

export function hashOps(ops: Op[]): string {
  return createHash('sha256').update(JSON.stringify(ops)).digest('hex').slice(0, 16);
}

function emptyCounts(): PlanSummary['counts'] {
  const c = Object.fromEntries(COUNT_KINDS.map((k) => [k, 0])) as Record<CountKind, number>;
  return { ...c, bind: 0, linkDept: 0 };
}

export function plan(input: PlanInput): Plan {
  const { oa, mirror, settings: s, context } = input;
  const ix = indexOa(oa);
  const wx = indexWx(mirror.departments);
  const scope = computeScope(ix, oa, s);
  const fingerprint = scopeFingerprint(s);
  const topDept = s['push.topDept'];
  const base = { scopeFingerprint: fingerprint, deptStatus: {} as Record<string, DiffStatus> };
  const stopped = (stop: NonNullable<Plan['stop']>): Plan => ({ ops: [], conflicts: [], summary: summarize([], [], [], 0, mirror.users.length, false, context.callsPerMinute), stop, ...base });
  if (!ix.root) return stopped({ code: 'no_oa_directory', message: '还没有 OA 组织架构：请先导入（oa import）', params: {} });

  const depts = planDepartments(ix, wx, input.deptLinks, scope, topDept);
  if (depts.stop) return stopped(depts.stop);
  const users = planUsers({ ix, oaUsers: oa.users, wxUsers: mirror.users, bindings: input.userBindings, scope, placed: depts.placed, s, now: context.now });
  const deletes = planDeptDeletes({ ix, wx, linkByWx: depts.linkByWx, scope, finalMembers: users.finalMembers, removal: s['scope.removal'], topDept, status: depts.status });
  let ops = [...depts.ops, ...users.ops, ...deletes.ops];

  // 已禁用用户: created under the top-level department (or the root) when a disable moves someone there.
  if (ops.some((o) => o.kind === 'disableUser' && o.moveTo)) {
    const home = topDept ?? wx.root?.id ?? 1;
    const existing = (wx.childrenOf.get(home) ?? []).find((d) => d.name === s['push.disabledDept']);
    if (!existing) ops.push({ kind: 'createDept', key: 'createDept:disabled', oaDeptId: null, name: s['push.disabledDept'], parent: { wx: home }, order: wxOrder(0) });
    else for (const o of ops) if (o.kind === 'disableUser' && o.moveTo) o.moveTo = { wx: existing.id };
  }

  const removalsWithheld = !context.pullComplete && ops.some((o) => REMOVALS.has(o.kind));
  if (!context.pullComplete) ops = ops.filter((o) => !REMOVALS.has(o.kind));
  ops = ops.map((o, i) => ({ o, i })).sort((a, b) => PHASE[a.o.kind] - PHASE[b.o.kind] || a.i - b.i).map((x) => x.o);

  const conflicts = [...depts.conflicts, ...users.conflicts, ...deletes.conflicts];
  const held = safetyHolds({
    ops,
    s,
    inScopeActive: scope.users.size,
    previousActive: context.previousActive,
    mirrorUsers: mirror.users.length,
    scopeChanged: context.previousScope !== null && context.previousScope !== fingerprint,
  });
  const summary = summarize(ops, conflicts, held, scope.users.size, mirror.users.length, removalsWithheld, context.callsPerMinute);
  for (const d of oa.departments) if (!depts.status.has(d.id) && !scope.depts.has(d.id)) depts.status.set(d.id, 'outOfScope');
  return { ops, conflicts, summary, stop: null, scopeFingerprint: fingerprint, deptStatus: Object.fromEntries(depts.status) };
}

function summarize(ops: Op[], conflicts: PlanSummary['conflicts'], held: PlanSummary['safety']['held'], inScopeActive: number, mirrorUsers: number, removalsWithheld: boolean, cpm = 10_000): PlanSummary {
  const counts = emptyCounts();
  let outUsers = 0;
  let outDepts = 0;
  for (const o of ops) {
    counts[o.kind]++;
    if (o.kind === 'createUser' && o.invite) counts.invite++;
    if ((o.kind === 'deleteUser' || o.kind === 'disableUser') && o.reason === 'outOfScope') outUsers++;
    if (o.kind === 'deleteDept' && o.outOfScope) outDepts++;
  }
  const calls = ops.filter(isWrite).length;
  // Sequential writes are latency-bound (~50 ms each on a good link) unless the rate limit is tighter.
  const seconds = Math.ceil(Math.max(calls / (cpm / 60), calls * 0.05));
  return {
    hash: hashOps(ops),
    counts,
    destructive: ops.filter((o) => DESTRUCTIVE.has(o.kind)).length,
    outOfScope: { users: outUsers, depts: outDepts },
    conflicts: conflicts.slice(0, SUMMARY_CONFLICTS),
    conflictsTotal: conflicts.length,
    safety: { ok: held.length === 0, held },
    estimate: { calls, seconds },
    inScopeActive,
    mirrorUsers,
    removalsWithheld,
    changes: calls,
  };
}
