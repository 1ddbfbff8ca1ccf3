// Plan → the org-tree diff the UI draws (F4.10): the OA tree mounted where it lands in WeCom, every
// department with its status, and per department the user changes field by field. PURE: no I/O.
import type { OaDept, OaDirectory, OaUser } from '../org/oa-model';
import type { DeptLink, Mirror, WxDept, WxUser } from './model';
import type { Conflict, DeptRef, DiffStatus, Op, Plan, PlanStop, PlanSummary } from './plan-types';

/** `kept`: a WeCom department outside OA that the push leaves alone; `skipped`: an in-scope OA department a conflict keeps out. */
export type DiffNodeStatus = DiffStatus | 'kept' | 'skipped';
export type UserChangeKind = 'create' | 'update' | 'move' | 'disable' | 'enable' | 'delete' | 'bind';

export interface DiffFieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface DiffUserChange {
  userid: string | null;
  oaUserId: string | null;
  name: string;
  kinds: UserChangeKind[];
  /** The colour: the strongest of its kinds (delete > disable > new > moved > updated > matched). */
  status: DiffStatus;
  reason: 'departed' | 'outOfScope' | 'afterDays' | 'manual' | null;
  fields: DiffFieldChange[];
}

export interface DiffNode {
  key: string;
  name: string;
  status: DiffNodeStatus;
  /** Linked to a WeCom department now or by this plan (the manual's black dot). */
  linked: boolean;
  wxId: number | null;
  oaId: string | null;
  /** A WeCom department above the mount point, shown for orientation only. */
  context: boolean;
  /** The plan deletes this WeCom department (out of scope, or gone from OA). */
  removes: boolean;
  renamedFrom: string | null;
  movedFrom: string | null;
  conflicts: number;
  counts: Partial<Record<UserChangeKind, number>>;
  users: DiffUserChange[];
  /** Department and user changes in this subtree, this node included. */
  subtreeChanges: number;
  children: DiffNode[];
}

export interface DiffTree {
  hash: string;
  summary: PlanSummary;
  stop: PlanStop | null;
  roots: DiffNode[];
  /** The WeCom path the OA root is mounted under (empty: the OA root is WeCom's root). */
  mountPath: string[];
  deptCounts: Record<DiffNodeStatus, number>;
  userCounts: Record<DiffStatus, number>;
  linkedCount: number;
  conflicts: Conflict[];
  conflictsTotal: number;
}

const MAX_CONFLICTS = 500;
const SEVERITY: DiffStatus[] = ['deleted', 'disabled', 'outOfScope', 'new', 'moved', 'updated', 'matched'];
const STATUS_OF: Record<UserChangeKind, DiffStatus> = { create: 'new', update: 'updated', move: 'moved', disable: 'disabled', enable: 'updated', delete: 'deleted', bind: 'matched' };
const WX_STATUS: Record<number, string> = { 1: 'active', 2: 'disabled', 4: 'inactive', 5: 'quit' };
const NODE_STATUSES: DiffNodeStatus[] = ['matched', 'new', 'updated', 'moved', 'disabled', 'deleted', 'outOfScope', 'kept', 'skipped'];

function node(key: string, name: string, status: DiffNodeStatus, over: Partial<DiffNode> = {}): DiffNode {
  return { key, name, status, linked: false, wxId: null, oaId: null, context: false, removes: false, renamedFrom: null, movedFrom: null, conflicts: 0, counts: {}, users: [], subtreeChanges: 0, children: [], ...over };
}

export function buildDiffTree(plan: Plan, oa: OaDirectory, mirror: Mirror, links: DeptLink[]): DiffTree {
  const wxById = new Map<number, WxDept>(mirror.departments.map((d) => [d.id, d]));
  const wxUsers = new Map<string, WxUser>(mirror.users.map((u) => [u.userid, u]));
  const oaById = new Map<string, OaDept>(oa.departments.map((d) => [d.id, d]));
  const oaUsers = new Map<string, OaUser>(oa.users.map((u) => [u.id, u]));
  const base = { hash: plan.summary.hash, summary: plan.summary, stop: plan.stop, conflicts: plan.conflicts.slice(0, MAX_CONFLICTS), conflictsTotal: plan.conflicts.length };
  const deptCounts = Object.fromEntries(NODE_STATUSES.map((s) => [s, 0])) as Record<DiffNodeStatus, number>;
  const userCounts = Object.fromEntries(SEVERITY.map((s) => [s, 0])) as Record<DiffStatus, number>;
  const empty: DiffTree = { ...base, roots: [], mountPath: [], deptCounts, userCounts, linkedCount: 0 };
  const oaRoot = oa.departments.find((d) => d.parentId === null);
  if (plan.stop || !oaRoot) return empty;

  const linkByOa = new Map<string, number>();
  for (const l of links) if (wxById.has(l.wxDeptId) && oaById.has(l.oaDeptId)) linkByOa.set(l.oaDeptId, l.wxDeptId);
  const byKind = <K extends Op['kind']>(k: K) => plan.ops.filter((o): o is Extract<Op, { kind: K }> => o.kind === k);
  for (const o of byKind('linkDept')) linkByOa.set(o.oaDeptId, o.wxDeptId);
  const renames = new Map(byKind('renameDept').map((o) => [o.oaDeptId, o.from]));
  const moves = new Map(byKind('moveDept').map((o) => [o.oaDeptId, o]));
  const creates = new Map(byKind('createDept').map((o) => [o.oaDeptId ?? 'disabled', o]));
  const deletes = new Map(byKind('deleteDept').map((o) => [o.wxDeptId, o]));
  const conflictsByOa = new Map<string, number>();
  const conflictsByWx = new Map<number, number>();
  for (const c of plan.conflicts) {
    if (c.oaDeptId) conflictsByOa.set(c.oaDeptId, (conflictsByOa.get(c.oaDeptId) ?? 0) + 1);
    else if (c.wxDeptId !== undefined) conflictsByWx.set(c.wxDeptId, (conflictsByWx.get(c.wxDeptId) ?? 0) + 1);
  }

  // OA departments, in the OA tree.
  const byOa = new Map<string, DiffNode>();
  const byWx = new Map<number, DiffNode>();
  for (const d of oa.departments) {
    const wxId = linkByOa.get(d.id) ?? null;
    const move = moves.get(d.id);
    const n = node(`oa:${d.id}`, d.name, plan.deptStatus[d.id] ?? 'skipped', {
      oaId: d.id,
      wxId,
      linked: wxId !== null,
      removes: wxId !== null && deletes.has(wxId),
      renamedFrom: renames.get(d.id) ?? null,
      movedFrom: move ? (move.fromParent !== null ? (wxById.get(move.fromParent)?.name ?? String(move.fromParent)) : null) : null,
      conflicts: (conflictsByOa.get(d.id) ?? 0) + (wxId !== null ? (conflictsByWx.get(wxId) ?? 0) : 0),
    });
    byOa.set(d.id, n);
    if (wxId !== null) byWx.set(wxId, n);
  }
  const orderOf = (n: DiffNode) => (n.oaId ? (oaById.get(n.oaId)?.order ?? 0) : 0);
  for (const d of oa.departments) if (d.parentId !== null) byOa.get(d.parentId)?.children.push(byOa.get(d.id)!);
  for (const n of byOa.values()) n.children.sort((a, b) => orderOf(a) - orderOf(b) || (a.oaId! < b.oaId! ? -1 : 1));

  // Where the OA root lands: under the WeCom parent of its (new) place; the path above it is context.
  const rootNode = byOa.get(oaRoot.id)!;
  const rootCreate = creates.get(oaRoot.id);
  const rootMove = moves.get(oaRoot.id);
  const mountWx = rootCreate && 'wx' in rootCreate.parent ? rootCreate.parent.wx : rootMove && 'wx' in rootMove.toParent ? rootMove.toParent.wx : rootNode.wxId !== null ? (wxById.get(rootNode.wxId)?.parentId ?? null) : null;
  const chain: WxDept[] = [];
  for (let id = mountWx; id !== null && chain.length < 64; id = wxById.get(id)?.parentId ?? null) {
    const d = wxById.get(id);
    if (!d) break;
    chain.unshift(d);
  }
  let roots: DiffNode[] = [rootNode];
  let parentOfRoot: DiffNode | null = null;
  for (const d of chain) {
    const c = byWx.get(d.id) ?? node(`wx:${d.id}`, d.name, 'kept', { wxId: d.id, context: true });
    byWx.set(d.id, c);
    if (parentOfRoot) parentOfRoot.children.push(c);
    else roots = [c];
    parentOfRoot = c;
  }
  parentOfRoot?.children.push(rootNode);

  // WeCom departments without an OA department under a shown one: deleted by the plan, or left alone.
  const kids = new Map<number | null, WxDept[]>();
  for (const d of mirror.departments) kids.set(d.parentId, [...(kids.get(d.parentId) ?? []), d]);
  const queue = mirror.departments.filter((d) => d.parentId === null);
  for (let i = 0; i < queue.length; i++) {
    const d = queue[i];
    const here = byWx.get(d.id);
    for (const c of (kids.get(d.id) ?? []).sort((a, b) => b.order - a.order)) {
      queue.push(c);
      if (byWx.has(c.id) || !here || here.context) continue;
      const del = deletes.get(c.id);
      const n = node(`wx:${c.id}`, c.name, del ? (del.outOfScope ? 'outOfScope' : 'deleted') : 'kept', { wxId: c.id, oaId: del?.oaDeptId ?? null, linked: !!del, removes: !!del, conflicts: conflictsByWx.get(c.id) ?? 0 });
      byWx.set(c.id, n);
      here.children.push(n);
    }
  }

  // 已禁用用户, when this plan creates it.
  const disabledCreate = creates.get('disabled');
  let disabledNode: DiffNode | null = null;
  if (disabledCreate && 'wx' in disabledCreate.parent) {
    disabledNode = node('disabled', disabledCreate.name, 'new');
    (byWx.get(disabledCreate.parent.wx) ?? rootNode).children.push(disabledNode);
  }

  const refNode = (r: DeptRef | null | undefined): DiffNode | undefined => (!r ? undefined : 'wx' in r ? byWx.get(r.wx) : 'oa' in r ? byOa.get(r.oa) : (disabledNode ?? undefined));
  const refName = (r: DeptRef): string => ('wx' in r ? (wxById.get(r.wx)?.name ?? String(r.wx)) : 'oa' in r ? (oaById.get(r.oa)?.name ?? r.oa) : (disabledCreate?.name ?? ''));
  const names = (refs: DeptRef[]) => refs.map(refName).join('、');
  const wxNames = (ids: number[]) => ids.map((id) => wxById.get(id)?.name ?? String(id)).join('、');
  addUserChanges({ ops: plan.ops, wxUsers, oaUsers, byOa, byWx, rootNode, refNode, names, wxNames, refName });

  // Counts and subtree totals (iterative post-order: 10k-deep chains must not overflow the stack).
  let linkedCount = 0;
  const order: DiffNode[] = [];
  const stack = [...roots];
  while (stack.length) {
    const n = stack.pop()!;
    order.push(n);
    for (const c of n.children) stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i];
    if (!n.context) {
      deptCounts[n.status]++;
      if (n.linked) linkedCount++;
    }
    for (const u of n.users) userCounts[u.status]++;
    const own = (n.status === 'matched' || n.status === 'kept' || (n.status === 'outOfScope' && !n.removes) ? 0 : 1) + n.users.length;
    n.subtreeChanges = own + n.children.reduce((s, c) => s + c.subtreeChanges, 0);
  }
  return { ...base, roots, mountPath: chain.map((d) => d.name), deptCounts, userCounts, linkedCount };
}

function addUserChanges(a: {
  ops: Op[];
  wxUsers: Map<string, WxUser>;
  oaUsers: Map<string, OaUser>;
  byOa: Map<string, DiffNode>;
  byWx: Map<number, DiffNode>;
  rootNode: DiffNode;
  refNode(r: DeptRef | null | undefined): DiffNode | undefined;
  refName(r: DeptRef): string;
  names(refs: DeptRef[]): string;
  wxNames(ids: number[]): string;
}) {
  const entries = new Map<string, { change: DiffUserChange; at: DiffNode }>();
  const wxHome = (w: WxUser | undefined) => (w ? a.byWx.get(w.mainDepartment ?? w.department[0] ?? -1) : undefined);
  const oaHome = (id: string | null) => {
    const u = id ? a.oaUsers.get(id) : undefined;
    return u ? a.byOa.get(u.department) : undefined;
  };
  const entry = (id: string, at: DiffNode | undefined, init: () => Omit<DiffUserChange, 'kinds' | 'fields' | 'status' | 'reason'>) => {
    let e = entries.get(id);
    if (!e) {
      e = { change: { ...init(), kinds: [], fields: [], status: 'matched', reason: null }, at: at ?? a.rootNode };
      entries.set(id, e);
    }
    return e.change;
  };
  const nameOf = (userid: string | null, oaUserId: string | null) => (userid ? a.wxUsers.get(userid)?.name : undefined) ?? (oaUserId ? a.oaUsers.get(oaUserId)?.name : undefined) ?? userid ?? oaUserId ?? '';
  const known = (userid: string, oaUserId: string | null, at: DiffNode | undefined) => entry(`wx:${userid}`, at, () => ({ userid, oaUserId, name: nameOf(userid, oaUserId) }));

  for (const o of a.ops) {
    let c: DiffUserChange;
    let kind: UserChangeKind;
    switch (o.kind) {
      case 'createUser': {
        c = entry(`oa:${o.oaUserId}`, a.refNode(o.mainDepartment), () => ({ userid: o.userid, oaUserId: o.oaUserId, name: o.name }));
        kind = 'create';
        c.fields.push({ field: 'userid', from: null, to: o.userid }, { field: 'name', from: null, to: o.name }, { field: 'department', from: null, to: a.names(o.department) });
        for (const [field, to] of Object.entries(o.fields)) c.fields.push({ field, from: null, to });
        if (o.invite) c.fields.push({ field: 'invite', from: null, to: 'yes' });
        break;
      }
      case 'updateUser':
        c = known(o.userid, o.oaUserId, oaHome(o.oaUserId) ?? wxHome(a.wxUsers.get(o.userid)));
        kind = 'update';
        c.fields.push(...o.changes);
        if (o.newUserid) c.fields.push({ field: 'userid', from: o.userid, to: o.newUserid });
        break;
      case 'moveUser': {
        const w = a.wxUsers.get(o.userid);
        c = known(o.userid, o.oaUserId, a.refNode(o.mainDepartment) ?? oaHome(o.oaUserId));
        kind = 'move';
        c.fields.push({ field: 'department', from: a.wxNames(o.from), to: a.names(o.to) });
        const mainTo = a.refName(o.mainDepartment);
        const mainFrom = w?.mainDepartment != null ? a.wxNames([w.mainDepartment]) : null;
        if (mainFrom !== mainTo && o.to.length > 1) c.fields.push({ field: 'mainDepartment', from: mainFrom, to: mainTo });
        break;
      }
      case 'enableUser':
        c = known(o.userid, o.oaUserId, oaHome(o.oaUserId) ?? wxHome(a.wxUsers.get(o.userid)));
        kind = 'enable';
        c.fields.push({ field: 'status', from: 'disabled', to: 'active' });
        break;
      case 'disableUser': {
        const w = a.wxUsers.get(o.userid);
        c = known(o.userid, o.oaUserId, wxHome(w) ?? oaHome(o.oaUserId));
        kind = 'disable';
        c.reason = o.reason;
        c.fields.push({ field: 'status', from: WX_STATUS[w?.status ?? 1] ?? 'active', to: 'disabled' });
        if (o.moveTo) c.fields.push({ field: 'department', from: w ? a.wxNames(w.department) : null, to: a.refName(o.moveTo) });
        break;
      }
      case 'deleteUser': {
        const w = a.wxUsers.get(o.userid);
        c = known(o.userid, o.oaUserId, wxHome(w) ?? oaHome(o.oaUserId));
        kind = 'delete';
        c.reason = o.reason;
        c.fields.push({ field: 'status', from: WX_STATUS[w?.status ?? 1] ?? 'active', to: 'deleted' });
        break;
      }
      case 'bind': {
        const u = a.oaUsers.get(o.oaUserId);
        c = known(o.userid, o.oaUserId, oaHome(o.oaUserId) ?? wxHome(a.wxUsers.get(o.userid)));
        kind = 'bind';
        c.fields.push({ field: 'binding', from: null, to: u ? `${u.name}（${u.id}）` : o.oaUserId });
        break;
      }
      default:
        continue;
    }
    c.kinds.push(kind);
    if (c.oaUserId === null && 'oaUserId' in o && typeof o.oaUserId === 'string') c.oaUserId = o.oaUserId;
  }
  const touched = new Set<DiffNode>();
  for (const { change, at } of entries.values()) {
    const statuses = change.kinds.map((k) => (change.reason === 'outOfScope' && (k === 'disable' || k === 'delete') ? 'outOfScope' : STATUS_OF[k]));
    change.status = SEVERITY.find((s) => statuses.includes(s)) ?? 'matched';
    for (const k of change.kinds) at.counts[k] = (at.counts[k] ?? 0) + 1;
    at.users.push(change);
    touched.add(at);
  }
  const rank = (s: DiffStatus) => SEVERITY.indexOf(s);
  for (const n of touched) n.users.sort((x, y) => rank(x.status) - rank(y.status) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}
