// F4.8 safety: thresholds that hold a plan (or its user part) until an admin approves this very plan.
import type { Op, SafetyHold } from './plan-types';
import type { SyncSettings } from './settings-schema';

export function safetyHolds(args: {
  ops: Op[];
  s: SyncSettings;
  inScopeActive: number;
  previousActive: number | null;
  mirrorUsers: number;
  scopeChanged: boolean;
}): SafetyHold[] {
  const { ops, s } = args;
  const held: SafetyHold[] = [];
  const n = (k: Op['kind']) => ops.filter((o) => o.kind === k).length;
  const x = s['safety.userDecrease'];
  if (x !== null && args.previousActive !== null && args.previousActive - args.inScopeActive > x) {
    held.push({
      rule: 'userDecrease',
      limit: x,
      actual: args.previousActive - args.inScopeActive,
      setting: 'safety.userDecrease',
      part: 'users',
      message: `范围内在职 OA 用户从 ${args.previousActive} 减少到 ${args.inScopeActive}（减少 ${args.previousActive - args.inScopeActive}，超过【用户减少数量阈值】${x}）：本次只同步部门`,
      params: { previous: args.previousActive, current: args.inScopeActive, decrease: args.previousActive - args.inScopeActive, limit: x },
    });
  }
  const pctLimit = (pct: number) => Math.floor((args.mirrorUsers * pct) / 100);
  for (const [rule, kind, countKey, pctKey, word] of [
    ['maxDeletes', 'deleteUser', 'safety.maxDeletes', 'safety.maxDeletesPct', '删除'],
    ['maxDisables', 'disableUser', 'safety.maxDisables', 'safety.maxDisablesPct', '禁用'],
  ] as const) {
    const actual = n(kind);
    const byCount = s[countKey];
    const byPct = pctLimit(s[pctKey]);
    if (actual > byCount) held.push({ rule, limit: byCount, actual, setting: countKey, part: 'run', message: `本次将${word} ${actual} 名成员，超过每次上限 ${byCount}`, params: { actual, limit: byCount } });
    else if (actual > byPct) held.push({ rule, limit: byPct, actual, setting: pctKey, part: 'run', message: `本次将${word} ${actual} 名成员，超过范围内成员（${args.mirrorUsers}）的 ${s[pctKey]}%（${byPct}）`, params: { variant: 'pct', actual, members: args.mirrorUsers, pct: s[pctKey], limit: byPct } });
  }
  const deptDeletes = n('deleteDept');
  if (deptDeletes > s['safety.maxDeptDeletes']) {
    held.push({ rule: 'maxDeptDeletes', limit: s['safety.maxDeptDeletes'], actual: deptDeletes, setting: 'safety.maxDeptDeletes', part: 'run', message: `本次将删除 ${deptDeletes} 个部门，超过每次上限 ${s['safety.maxDeptDeletes']}`, params: { actual: deptDeletes, limit: s['safety.maxDeptDeletes'] } });
  }
  const outOfScope = ops.filter((o) => (o.kind === 'deleteUser' || o.kind === 'disableUser') && o.reason === 'outOfScope').length + ops.filter((o) => o.kind === 'deleteDept' && o.outOfScope).length;
  if (args.scopeChanged && outOfScope > 0) {
    held.push({
      rule: 'scopeChange',
      limit: 0,
      actual: outOfScope,
      setting: 'scope.units',
      part: 'run',
      message: `范围设置（或所选应用）自上次同步后已改变：${outOfScope} 个已关联的用户/部门因此不在范围内，将被${s['scope.removal'] === 'delete' ? '删除' : '禁用'}。这不是离职：请确认范围是否正确`,
      params: { count: outOfScope, removal: s['scope.removal'] },
    });
  }
  return held;
}
