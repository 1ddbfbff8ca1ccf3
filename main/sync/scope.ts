// F4.5 范围设置: which OA users and departments go to this corp. Pure.
import { createHash } from 'node:crypto';
import type { OaDept, OaDirectory, OaUser } from '../org/oa-model';
import type { SyncSettings } from './settings-schema';

export interface OaIndex {
  deptById: Map<string, OaDept>;
  childrenOf: Map<string | null, OaDept[]>;
  root: OaDept | null;
  userById: Map<string, OaUser>;
}

export function indexOa(oa: OaDirectory): OaIndex {
  const deptById = new Map(oa.departments.map((d) => [d.id, d]));
  const childrenOf = new Map<string | null, OaDept[]>();
  for (const d of oa.departments) {
    const list = childrenOf.get(d.parentId);
    if (list) list.push(d);
    else childrenOf.set(d.parentId, [d]);
  }
  // OA order ascending; ties by id so the plan is deterministic.
  for (const list of childrenOf.values()) list.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { deptById, childrenOf, root: childrenOf.get(null)?.[0] ?? null, userById: new Map(oa.users.map((u) => [u.id, u])) };
}

export interface Scope {
  /** OA departments pushed to WeCom: in-scope ones plus their ancestors. */
  depts: Set<string>;
  /** Active OA users in scope. */
  users: Set<string>;
  /** Departments (with subtrees) chosen in 分部/部门范围; null = all. */
  units: Set<string> | null;
}

function subtree(ix: OaIndex, ids: string[]): Set<string> {
  const out = new Set<string>();
  const stack = ids.filter((id) => ix.deptById.has(id));
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    for (const c of ix.childrenOf.get(id) ?? []) stack.push(c.id);
  }
  return out;
}

export function userDepartments(u: OaUser, partTime: boolean): string[] {
  return partTime ? [u.department, ...u.partTimeDepartments] : [u.department];
}

export function computeScope(ix: OaIndex, oa: OaDirectory, s: SyncSettings): Scope {
  const units = s['scope.units'].length ? subtree(ix, s['scope.units']) : null;
  const include = new Set(s['scope.includeUsers']);
  const exclude = new Set(s['scope.excludeUsers']);
  const inUnits = (deptId: string) => ix.deptById.has(deptId) && (units === null || units.has(deptId));
  const users = new Set<string>();
  const depts = new Set<string>(units ?? ix.deptById.keys());
  for (const u of oa.users) {
    if (u.status !== 'active' || exclude.has(u.id)) continue;
    const mine = userDepartments(u, s['push.partTime']);
    if (mine.some(inUnits) || include.has(u.id)) {
      users.add(u.id);
      // An included user's department comes along (with its ancestors, below).
      if (include.has(u.id) && ix.deptById.has(u.department)) depts.add(u.department);
    }
  }
  for (const id of [...depts]) {
    let p = ix.deptById.get(id)?.parentId ?? null;
    while (p !== null && !depts.has(p)) {
      depts.add(p);
      p = ix.deptById.get(p)?.parentId ?? null;
    }
  }
  return { depts, users, units };
}

/** What a scope-change check compares between runs: the scope settings and the pulled WeCom scope. */
export function scopeFingerprint(s: SyncSettings): string {
  const parts = {
    units: [...s['scope.units']].sort(),
    include: [...s['scope.includeUsers']].sort(),
    exclude: [...s['scope.excludeUsers']].sort(),
    partTime: s['push.partTime'],
    app: s['sync.scopeApp'],
    top: s['push.topDept'],
  };
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}
