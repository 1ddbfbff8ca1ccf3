// F4.15: an edit in 【通讯录管理】 becomes exactly one operation, or is refused with the reason WeCom would give.
import { describe, expect, it } from 'vitest';
import { planEdit, type EditContext, type EditOutcome } from '../../../main/sync/edit-plan';
import { ContactEdit } from '../../../main/sync/edit-schema';
import { bound, linked, wxDept, wxUser } from './fixtures';

function ctx(over: Partial<EditContext> = {}): EditContext {
  return {
    mirror: {
      departments: [wxDept(1, '云桥科技', null), wxDept(2, '研发中心', 1, 200), wxDept(3, '前端组', 2), wxDept(4, '市场部', 1, 100), wxDept(5, '空部门', 4)],
      users: [
        wxUser('zhangsan', '张三', [3], { mobile: '13800000001', email: 'zs@example.com' }),
        wxUser('lisi', '李四', [2, 4], { mobile: '13800000002', mainDepartment: 4 }),
        wxUser('wangwu', '王五', [4], { email: 'ww@example.com', status: 2 }),
      ],
    },
    bindings: [bound('zhangsan', 'E1')],
    links: [linked(3, 'D3')],
    oaUser: (id) => (id === 'E9' ? { name: '赵九' } : id === 'E1' ? { name: '张三' } : null),
    ...over,
  };
}

const run = (edit: unknown, c = ctx()) => planEdit(ContactEdit.parse(edit), c);
function ok(r: EditOutcome) {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.plan;
}
const codes = (r: EditOutcome) => (r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`));

describe('planEdit: members', () => {
  it('a new member becomes one createUser with its departments, fields and the OA user it binds', () => {
    const p = ok(run({ kind: 'createUser', userid: 'zhaojiu', name: '赵九', department: [3, 4], mainDepartment: 4, mobile: '13800000009', position: '工程师', oaUserId: 'E9' }));
    expect(p.op).toMatchObject({ kind: 'createUser', userid: 'zhaojiu', oaUserId: 'E9', department: [{ wx: 3 }, { wx: 4 }], mainDepartment: { wx: 4 }, fields: { mobile: '13800000009', position: '工程师' } });
    expect(p.destructive).toBe(0);
    expect(p.changes).toContainEqual({ field: 'department', from: null, to: '前端组、市场部' });
    expect(p.notes).toContain('bindsOa');
  });

  it('refuses a taken userid (ignoring case), a taken mobile, no mobile and no email, and a main department outside the list', () => {
    expect(codes(run({ kind: 'createUser', userid: 'ZhangSan', name: 'x', department: [3], mainDepartment: 3, mobile: '13800000002' }))).toEqual(['userid:taken', 'mobile:taken']);
    expect(codes(run({ kind: 'createUser', userid: 'new1', name: 'x', department: [3], mainDepartment: 4 }))).toEqual(['mobile:contactRequired', 'mainDepartment:mainNotIn']);
    expect(codes(run({ kind: 'createUser', userid: '-bad', name: 'x', department: [99], mainDepartment: 99, email: 'not-an-email' }))).toEqual(['userid:invalid', 'email:invalid', 'department:deptMissing']);
  });

  it('refuses binding an OA user that is missing or already bound', () => {
    expect(codes(run({ kind: 'createUser', userid: 'n1', name: 'x', department: [3], mainDepartment: 3, mobile: '13900000000', oaUserId: 'E1' }))).toEqual(['oaUserId:oaBound']);
    expect(codes(run({ kind: 'createUser', userid: 'n1', name: 'x', department: [3], mainDepartment: 3, mobile: '13900000000', oaUserId: 'NOPE' }))).toEqual(['oaUserId:oaNotFound']);
  });

  it('an update carries only what changed, before → after, and names the bound OA user', () => {
    const p = ok(run({ kind: 'updateUser', userid: 'zhangsan', name: '张三', position: '组长', email: '', mobile: '13800000001' }));
    expect(p.op).toMatchObject({ kind: 'updateUser', userid: 'zhangsan', oaUserId: 'E1' });
    expect(p.changes).toEqual([
      { field: 'email', from: 'zs@example.com', to: null },
      { field: 'position', from: null, to: '组长' },
    ]);
    // An activated member's new mobile is ignored by WeCom: the preview says so.
    expect(ok(run({ kind: 'updateUser', userid: 'zhangsan', mobile: '13800000077' })).notes).toEqual(['mobileIgnoredWhenActive', 'oaManaged']);
    // Only a bound member is overwritten by the next OA-authoritative push, so only there the preview warns.
    expect(ok(run({ kind: 'updateUser', userid: 'lisi', position: '经理' })).notes).toEqual([]);
  });

  it('refuses an update that changes nothing, clears both mobile and email, or takes another member’s email', () => {
    expect(codes(run({ kind: 'updateUser', userid: 'zhangsan', name: '张三' }))).toEqual(['name:unchanged']);
    expect(codes(run({ kind: 'updateUser', userid: 'zhangsan', mobile: '', email: '' }))).toEqual(['mobile:contactRequired']);
    expect(codes(run({ kind: 'updateUser', userid: 'zhangsan', email: 'WW@example.com' }))).toEqual(['email:taken']);
    expect(codes(run({ kind: 'updateUser', userid: 'nobody', name: 'x' }))).toEqual(['userid:notFound']);
  });

  it('a move lists the departments before and after; the same departments is refused', () => {
    const p = ok(run({ kind: 'moveUser', userid: 'lisi', department: [3], mainDepartment: 3 }));
    expect(p.op).toMatchObject({ kind: 'moveUser', from: [2, 4], to: [{ wx: 3 }], mainDepartment: { wx: 3 }, oaUserId: null });
    expect(p.changes[0]).toEqual({ field: 'department', from: '研发中心、市场部', to: '前端组' });
    expect(codes(run({ kind: 'moveUser', userid: 'lisi', department: [4, 2], mainDepartment: 4 }))).toEqual(['department:unchanged']);
  });

  it('disable and delete are destructive; enabling needs a disabled member', () => {
    const d = ok(run({ kind: 'disableUser', userid: 'zhangsan' }));
    expect(d).toMatchObject({ destructive: 1, op: { kind: 'disableUser', reason: 'manual', moveTo: null, oaUserId: 'E1' } });
    expect(ok(run({ kind: 'deleteUser', userid: 'lisi' })).destructive).toBe(1);
    expect(ok(run({ kind: 'enableUser', userid: 'wangwu' })).op).toMatchObject({ kind: 'enableUser' });
    expect(codes(run({ kind: 'enableUser', userid: 'zhangsan' }))).toEqual(['userid:notDisabled']);
    expect(codes(run({ kind: 'disableUser', userid: 'wangwu' }))).toEqual(['userid:alreadyDisabled']);
  });
});

describe('planEdit: departments', () => {
  it('creates under a parent, last among siblings; refuses a sibling name clash and a bad name', () => {
    const p = ok(run({ kind: 'createDept', name: '测试组', parentId: 2 }));
    expect(p.op).toMatchObject({ kind: 'createDept', name: '测试组', parent: { wx: 2 }, oaDeptId: null });
    expect(codes(run({ kind: 'createDept', name: '前端组', parentId: 2 }))).toEqual(['name:siblingName']);
    expect(codes(run({ kind: 'createDept', name: 'a:b', parentId: 2 }))).toEqual(['name:invalid']);
  });

  it('renames and moves keep the link; a move under itself or its subtree is refused', () => {
    expect(ok(run({ kind: 'renameDept', id: 3, name: 'Web 组' })).op).toMatchObject({ kind: 'renameDept', wxDeptId: 3, oaDeptId: 'D3', from: '前端组', to: 'Web 组' });
    expect(ok(run({ kind: 'moveDept', id: 3, parentId: 4 })).changes).toEqual([{ field: 'parent', from: '研发中心', to: '市场部' }]);
    expect(codes(run({ kind: 'moveDept', id: 2, parentId: 3 }))).toEqual(['parentId:cycle']);
    expect(codes(run({ kind: 'moveDept', id: 3, parentId: 2 }))).toEqual(['parentId:unchanged']);
    expect(codes(run({ kind: 'renameDept', id: 1, name: '新名字' }))).toEqual(['id:root']);
  });

  it('deletes only an empty department (WeCom 60005/60006), as a destructive step', () => {
    expect(ok(run({ kind: 'deleteDept', id: 5 }))).toMatchObject({ destructive: 1, op: { kind: 'deleteDept', wxDeptId: 5 } });
    const r = run({ kind: 'deleteDept', id: 4 });
    expect(codes(r)).toEqual(['id:notEmpty']);
    expect(!r.ok && r.problems[0].params).toMatchObject({ members: 2, children: 1 });
  });

  it('refuses a move that would pass WeCom’s 15 levels', () => {
    const deep = Array.from({ length: 14 }, (_, i) => wxDept(100 + i, `L${i}`, i === 0 ? 1 : 99 + i));
    const c = ctx({ mirror: { departments: [wxDept(1, '云桥科技', null), ...deep, wxDept(50, '甲', 1), wxDept(51, '乙', 50)], users: [] } });
    expect(codes(run({ kind: 'moveDept', id: 50, parentId: 112 }, c))).toEqual(['parentId:depth']);
  });
});

describe('planEdit: identity', () => {
  it('the same edit on the same mirror gives the same operation hash; a changed record another', () => {
    const a = ok(run({ kind: 'renameDept', id: 3, name: 'Web 组' }));
    const b = ok(run({ kind: 'renameDept', id: 3, name: 'Web 组' }));
    expect(a.opHash).toBe(b.opHash);
    const c = ctx();
    c.mirror.departments[2] = wxDept(3, '前端小组', 2);
    expect(ok(run({ kind: 'renameDept', id: 3, name: 'Web 组' }, c)).opHash).not.toBe(a.opHash);
  });
});
