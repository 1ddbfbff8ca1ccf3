// Department deletes: linked WeCom departments whose OA department is gone or out of scope. WeCom refuses
// to delete a department that still has members or sub-departments (60005/60006), so those are reported
// as conflicts instead of planned. Pure.
import type { Conflict, DiffStatus, Op } from './plan-types';
import type { WxIndex } from './plan-depts';
import type { OaIndex, Scope } from './scope';

export function planDeptDeletes(args: {
  ix: OaIndex;
  wx: WxIndex;
  linkByWx: Map<number, string>;
  scope: Scope;
  finalMembers: Map<number, number>;
  removal: 'delete' | 'disable';
  topDept: number | null;
  status: Map<string, DiffStatus>;
}): { ops: Op[]; conflicts: Conflict[] } {
  const { ix, wx, linkByWx, scope } = args;
  const doomed = new Map<number, { oaDeptId: string; outOfScope: boolean }>();
  for (const [wxId, oaId] of linkByWx) {
    const d = wx.deptById.get(wxId);
    if (!d || d.parentId === null || wxId === args.topDept) continue;
    const oa = ix.deptById.get(oaId);
    if (oa && scope.depts.has(oaId)) continue;
    const outOfScope = !!oa;
    if (outOfScope && args.removal === 'disable') continue;
    doomed.set(wxId, { oaDeptId: oaId, outOfScope });
  }
  const ops: Op[] = [];
  const conflicts: Conflict[] = [];
  // A department can go only if every child goes too and nobody stays in it: decide bottom-up.
  const deletable = new Map<number, boolean>();
  const canDelete = (id: number): boolean => {
    const known = deletable.get(id);
    if (known !== undefined) return known;
    const kids = wx.childrenOf.get(id) ?? [];
    const ok = doomed.has(id) && (args.finalMembers.get(id) ?? 0) === 0 && kids.every((k) => canDelete(k.id));
    deletable.set(id, ok);
    return ok;
  };
  const depth = (id: number) => wx.depthOf(id);
  const ordered = [...doomed.keys()].sort((a, b) => depth(b) - depth(a) || a - b);
  for (const id of ordered) {
    const d = wx.deptById.get(id)!;
    const info = doomed.get(id)!;
    if (canDelete(id)) {
      ops.push({ kind: 'deleteDept', key: `deleteDept:${id}`, wxDeptId: id, name: d.name, oaDeptId: info.oaDeptId, outOfScope: info.outOfScope });
      args.status.set(info.oaDeptId, info.outOfScope ? 'outOfScope' : 'deleted');
    } else {
      const members = args.finalMembers.get(id) ?? 0;
      const keptKids = (wx.childrenOf.get(id) ?? []).filter((k) => !canDelete(k.id)).length;
      conflicts.push({
        kind: 'deptNotEmpty',
        wxDeptId: id,
        oaDeptId: info.oaDeptId,
        message: `企业微信部门「${d.name}」${info.outOfScope ? '不在范围内' : '在 OA 中已删除'}，但仍有 ${members} 名成员、${keptKids} 个子部门留在其中，无法删除`,
        fix: '在企业微信中移走未绑定成员和子部门，或将其纳入范围',
        params: { variant: info.outOfScope ? 'outOfScope' : 'deletedInOa', deptName: d.name, members, subDepts: keptKids },
      });
    }
  }
  return { ops, conflicts };
}
