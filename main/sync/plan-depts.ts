// F4.7 department matching and F4.4 mounting: where every in-scope OA department lives in WeCom after the
// push, and the department operations that get it there. Pure.
import type { OaDept } from '../org/oa-model';
import { deptNameProblem, MAX_DEPT_DEPTH } from '../wecom/field-rules';
import type { DeptLink, WxDept } from './model';
import type { Conflict, DeptRef, DiffStatus, Op, PlanStop } from './plan-types';
import type { OaIndex, Scope } from './scope';

export interface WxIndex {
  deptById: Map<number, WxDept>;
  childrenOf: Map<number | null, WxDept[]>;
  root: WxDept | null;
  depthOf(id: number): number;
}

export function indexWx(depts: WxDept[]): WxIndex {
  const deptById = new Map(depts.map((d) => [d.id, d]));
  const childrenOf = new Map<number | null, WxDept[]>();
  for (const d of depts) {
    const list = childrenOf.get(d.parentId);
    if (list) list.push(d);
    else childrenOf.set(d.parentId, [d]);
  }
  const depth = new Map<number, number>();
  const depthOf = (id: number): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    let n = 1;
    for (let p = deptById.get(id)?.parentId ?? null; p !== null && n <= MAX_DEPT_DEPTH + 1; p = deptById.get(p)?.parentId ?? null) n++;
    depth.set(id, n);
    return n;
  };
  return { deptById, childrenOf, root: childrenOf.get(null)?.[0] ?? null, depthOf };
}

export interface DeptPlan {
  ops: Op[];
  conflicts: Conflict[];
  /** Where each placed OA department is (or will be) in WeCom. */
  placed: Map<string, DeptRef>;
  status: Map<string, DiffStatus>;
  /** OA department id by WeCom id after the plan (existing links plus matches). */
  linkByWx: Map<number, string>;
  stop: PlanStop | null;
}

const refKey = (r: DeptRef) => ('wx' in r ? `wx:${r.wx}` : 'oa' in r ? `oa:${r.oa}` : 'disabled');
/** WeCom's order is descending (larger first), OA's ascending: convert by rank among siblings. */
export const wxOrder = (rank: number) => Math.max(0, 100_000_000 - rank * 1000);

export function planDepartments(ix: OaIndex, wx: WxIndex, links: DeptLink[], scope: Scope, topDept: number | null): DeptPlan {
  const ops: Op[] = [];
  const conflicts: Conflict[] = [];
  const placed = new Map<string, DeptRef>();
  const status = new Map<string, DiffStatus>();
  const linkByOa = new Map<string, number>();
  const linkByWx = new Map<number, string>();
  for (const l of links) {
    // A link to a department WeCom no longer has is stale: the OA department is matched afresh.
    if (wx.deptById.has(l.wxDeptId) && ix.deptById.has(l.oaDeptId)) {
      linkByOa.set(l.oaDeptId, l.wxDeptId);
      linkByWx.set(l.wxDeptId, l.oaDeptId);
    } else if (wx.deptById.has(l.wxDeptId)) {
      linkByWx.set(l.wxDeptId, l.oaDeptId);
    }
  }
  const result: DeptPlan = { ops, conflicts, placed, status, linkByWx, stop: null };
  const root = ix.root;
  if (!root) return result;
  if (topDept !== null && !wx.deptById.has(topDept)) {
    result.stop = { code: 'top_dept_missing', topDept, setting: 'push.topDept', message: `顶级部门 ${topDept} 不在企业微信通讯录（本地镜像）中：请先从企业微信同步，或重新选择顶级部门`, params: { topDept } };
    return result;
  }
  const depthOfRef = new Map<string, number>();
  const depth = (r: DeptRef): number => ('wx' in r ? wx.depthOf(r.wx) : (depthOfRef.get(refKey(r)) ?? 1));

  const link = (oa: OaDept, wxId: number) => {
    ops.push({ kind: 'linkDept', key: `linkDept:${oa.id}`, wxDeptId: wxId, oaDeptId: oa.id });
    linkByOa.set(oa.id, wxId);
    linkByWx.set(wxId, oa.id);
  };

  /** Place `d` under `parent` (an existing or new WeCom department); returns false if it cannot be placed. */
  const place = (d: OaDept, parent: DeptRef, rank: number, claimed: Set<string>): boolean => {
    const nameProblem = deptNameProblem(d.name);
    if (nameProblem) {
      conflicts.push({ kind: 'invalidDeptName', oaDeptId: d.id, message: `OA 部门「${d.name}」：${nameProblem}`, fix: '在 OA 中修改部门名称后重新导入', params: { deptName: d.name, problem: nameProblem } });
      return false;
    }
    if (claimed.has(d.name)) {
      conflicts.push({ kind: 'siblingNameClash', oaDeptId: d.id, message: `OA 部门「${d.name}」与同级部门重名：企业微信要求同级部门名称唯一`, fix: '在 OA 中改名，或用范围设置排除其一', params: { deptName: d.name } });
      return false;
    }
    if (depth(parent) + 1 > MAX_DEPT_DEPTH) {
      conflicts.push({ kind: 'depthLimit', oaDeptId: d.id, message: `OA 部门「${d.name}」在企业微信中将超过 ${MAX_DEPT_DEPTH} 层`, fix: '调整顶级部门或 OA 层级', params: { deptName: d.name, maxDepth: MAX_DEPT_DEPTH } });
      return false;
    }
    claimed.add(d.name);
    const linked = linkByOa.get(d.id);
    const siblings = 'wx' in parent ? (wx.childrenOf.get(parent.wx) ?? []) : [];
    if (linked !== undefined) {
      const cur = wx.deptById.get(linked)!;
      let st: DiffStatus = 'matched';
      if (!('wx' in parent) || cur.parentId !== parent.wx) {
        ops.push({ kind: 'moveDept', key: `moveDept:${linked}`, wxDeptId: linked, oaDeptId: d.id, fromParent: cur.parentId, toParent: parent });
        st = 'moved';
      }
      if (cur.name !== d.name) {
        const clash = siblings.find((s) => s.name === d.name && s.id !== linked);
        if (clash) conflicts.push({ kind: 'siblingNameClash', oaDeptId: d.id, wxDeptId: clash.id, message: `无法把「${cur.name}」改名为「${d.name}」：企业微信同级已有同名部门（id ${clash.id}）`, fix: '在企业微信中处理重名部门后重新模拟', params: { variant: 'rename', from: cur.name, deptName: d.name, wxDeptId: clash.id } });
        else {
          ops.push({ kind: 'renameDept', key: `renameDept:${linked}`, wxDeptId: linked, oaDeptId: d.id, from: cur.name, to: d.name });
          if (st === 'matched') st = 'updated';
        }
      }
      placed.set(d.id, { wx: linked });
      status.set(d.id, st);
      return true;
    }
    const same = siblings.find((s) => s.name === d.name);
    if (same && linkByWx.get(same.id) === undefined) {
      link(d, same.id);
      placed.set(d.id, { wx: same.id });
      status.set(d.id, 'matched');
      return true;
    }
    if (same) {
      conflicts.push({ kind: 'siblingNameClash', oaDeptId: d.id, wxDeptId: same.id, message: `企业微信中同级的「${d.name}」已关联另一个 OA 部门（${linkByWx.get(same.id)}）`, fix: '检查 OA 是否有重复部门，或在企业微信中改名', params: { variant: 'linked', deptName: d.name, otherOaDeptId: linkByWx.get(same.id) ?? '' } });
      return false;
    }
    const ref: DeptRef = { oa: d.id };
    ops.push({ kind: 'createDept', key: `createDept:${d.id}`, oaDeptId: d.id, name: d.name, parent, order: wxOrder(rank) });
    depthOfRef.set(refKey(ref), depth(parent) + 1);
    placed.set(d.id, ref);
    status.set(d.id, 'new');
    return true;
  };

  // The root: without a top-level department it must be WeCom's root (by link or by name).
  if (topDept === null) {
    const wxRoot = wx.root;
    const linked = linkByOa.get(root.id);
    if (wxRoot && (linked === wxRoot.id || root.name === wxRoot.name)) {
      if (linked !== wxRoot.id) link(root, wxRoot.id);
      placed.set(root.id, { wx: wxRoot.id });
      status.set(root.id, 'matched');
    } else {
      result.stop = {
        code: 'root_mismatch',
        oaRoot: root.name,
        wecomRoot: wxRoot?.name ?? '',
        setting: 'push.topDept',
        message: `OA 根部门「${root.name}」与企业微信根部门「${wxRoot?.name ?? '（无）'}」名称不同，同步已中止：请统一名称，或在【基本设置】中选择【顶级部门】`,
        params: wxRoot ? { oaRoot: root.name, wecomRoot: wxRoot.name } : { variant: 'noWecomRoot', oaRoot: root.name },
      };
      return result;
    }
  } else if (!place(root, { wx: topDept }, 0, new Set<string>())) {
    return result;
  }

  // Top-down over the in-scope tree; a department that cannot be placed takes its subtree with it.
  const queue: OaDept[] = [root];
  for (let qi = 0; qi < queue.length; qi++) {
    const p = queue[qi];
    const parentRef = placed.get(p.id)!;
    const claimed = new Set<string>();
    let rank = 0;
    for (const c of ix.childrenOf.get(p.id) ?? []) {
      if (!scope.depts.has(c.id)) continue;
      if (place(c, parentRef, rank++, claimed)) queue.push(c);
      else markSkipped(ix, c, scope, status);
    }
  }
  return result;
}

function markSkipped(ix: OaIndex, d: OaDept, scope: Scope, status: Map<string, DiffStatus>) {
  const stack = [d];
  while (stack.length) {
    const x = stack.pop()!;
    status.delete(x.id);
    for (const c of ix.childrenOf.get(x.id) ?? []) if (scope.depts.has(c.id)) stack.push(c);
  }
}

export function sameRef(a: DeptRef, b: DeptRef): boolean {
  return refKey(a) === refKey(b);
}
export { refKey };
