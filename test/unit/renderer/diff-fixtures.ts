// A small diff tree as `sync.diffTree` returns it, for the renderer tests.
import type { Out } from '../../../main/api/contract';

type Tree = Out<'sync.diffTree'>;
type Node = Tree['roots'][number];

export function node(key: string, name: string, status: Node['status'], over: Partial<Node> = {}): Node {
  return { key, name, status, linked: status === 'matched', wxId: null, oaId: key, context: false, removes: false, renamedFrom: null, movedFrom: null, conflicts: 0, counts: {}, users: [], subtreeChanges: 0, children: [], ...over };
}

export const summary: Tree['summary'] = {
  hash: 'abc123def4567890',
  counts: { createDept: 1, renameDept: 1, moveDept: 0, deleteDept: 1, createUser: 1, updateUser: 0, moveUser: 0, disableUser: 2, enableUser: 0, deleteUser: 0, invite: 0, bind: 0, linkDept: 0 },
  destructive: 3,
  outOfScope: { users: 0, depts: 0 },
  conflicts: [],
  conflictsTotal: 0,
  safety: { ok: true, held: [] },
  estimate: { calls: 6, seconds: 1 },
  inScopeActive: 10,
  mirrorUsers: 12,
  removalsWithheld: false,
  changes: 6,
};

/** 云桥科技 (matched) → 研发中心 (updated, renamed) → 前端组 (new, one new user); 市场部 (deleted); 外包 (out of scope). */
export function smallTree(): Tree {
  const front = node('oa:3', '前端组', 'new', {
    linked: false,
    counts: { create: 1 },
    subtreeChanges: 2,
    users: [{ userid: 'zhangsan', oaUserId: 'E1', name: '张三', kinds: ['create'], status: 'new', reason: null, fields: [{ field: 'userid', from: null, to: 'zhangsan' }, { field: 'position', from: null, to: '工程师' }] }],
  });
  const rd = node('oa:2', '研发中心', 'updated', { linked: true, wxId: 10, renamedFrom: '研发部', children: [front], subtreeChanges: 3 });
  const market = node('wx:12', '市场部', 'deleted', { linked: true, wxId: 12, removes: true, subtreeChanges: 1 });
  const out = node('oa:9', '外包', 'outOfScope', { linked: false });
  const root = node('oa:1', '云桥科技', 'matched', {
    wxId: 1,
    children: [rd, market, out],
    counts: { disable: 2 },
    subtreeChanges: 6,
    users: [
      { userid: 'lisi', oaUserId: 'E2', name: '李四', kinds: ['disable'], status: 'disabled', reason: 'departed', fields: [{ field: 'status', from: 'active', to: 'disabled' }] },
      { userid: 'wangwu', oaUserId: 'E3', name: '王五', kinds: ['disable'], status: 'disabled', reason: 'departed', fields: [{ field: 'status', from: 'active', to: 'disabled' }] },
    ],
  });
  return {
    hash: summary.hash,
    summary,
    stop: null,
    roots: [root],
    mountPath: [],
    deptCounts: { matched: 1, new: 1, updated: 1, moved: 0, disabled: 0, deleted: 1, outOfScope: 1, kept: 0, skipped: 0 },
    userCounts: { matched: 0, new: 1, updated: 0, moved: 0, disabled: 2, deleted: 0, outOfScope: 0 },
    linkedCount: 3,
    conflicts: [],
    conflictsTotal: 0,
  };
}
