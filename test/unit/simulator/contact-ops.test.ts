import { describe, expect, it } from 'vitest';
import { createDepartment, deleteDepartment, updateDepartment } from '../../../main/simulator/dept-ops';
import { seedState } from '../../../main/simulator/seed/seeds';
import { SimState } from '../../../main/simulator/sim-state';
import { errcode } from '../../helpers/sim-errcode';
import { createUser, deleteUser, updateUser, userStatus } from '../../../main/simulator/user-ops';

const fresh = () => new SimState(seedState('empty', Date.UTC(2025, 0, 6)));


describe('departments', () => {
  it('creates with auto ids, keeps names unique among siblings only', () => {
    const s = fresh();
    const a = createDepartment(s, { name: '研发', parentid: 1 });
    const b = createDepartment(s, { name: '销售', parentid: 1 });
    expect([a.id, b.id]).toEqual([2, 3]);
    expect(createDepartment(s, { name: '研发', parentid: a.id }).id).toBe(4);
    expect(errcode(() => createDepartment(s, { name: '研发', parentid: 1 }))).toBe(60008);
    expect(errcode(() => createDepartment(s, { name: 'x', parentid: 1, id: 3 }))).toBe(60008);
    expect(errcode(() => createDepartment(s, { name: 'x', parentid: 1, id: 1 }))).toBe(60123);
    expect(errcode(() => createDepartment(s, { name: 'x', parentid: 42 }))).toBe(60004);
    expect(a.changes).toEqual([{ kind: 'create_party', dept: expect.objectContaining({ id: 2, name: '研发', parentid: 1 }) }]);
  });

  it('limits depth to 15 levels, also when moving a subtree (81002)', () => {
    const s = fresh();
    let parent = 1;
    for (let depth = 2; depth <= 15; depth++) parent = createDepartment(s, { name: `L${depth}`, parentid: parent }).id;
    expect(s.depth(parent)).toBe(15);
    expect(errcode(() => createDepartment(s, { name: 'L16', parentid: parent }))).toBe(81002);
    const side = createDepartment(s, { name: 'side', parentid: 1 }).id;
    createDepartment(s, { name: 'child', parentid: side });
    expect(errcode(() => updateDepartment(s, { id: side, parentid: parent - 1 }))).toBe(81002);
  });

  it('refuses cycles (60010) and moving the root', () => {
    const s = fresh();
    const a = createDepartment(s, { name: 'a', parentid: 1 }).id;
    const b = createDepartment(s, { name: 'b', parentid: a }).id;
    expect(errcode(() => updateDepartment(s, { id: a, parentid: b }))).toBe(60010);
    expect(errcode(() => updateDepartment(s, { id: a, parentid: a }))).toBe(60010);
    expect(errcode(() => updateDepartment(s, { id: 1, parentid: a }))).toBe(60124);
    const moved = updateDepartment(s, { id: b, parentid: 1 });
    expect(moved).toEqual([{ kind: 'update_party', dept: expect.objectContaining({ id: b, parentid: 1 }), parentChanged: true }]);
    expect(s.childIds(a)).toEqual([]);
  });

  it('deletes only empty leaf departments, never the root', () => {
    const s = fresh();
    const a = createDepartment(s, { name: 'a', parentid: 1 }).id;
    const b = createDepartment(s, { name: 'b', parentid: a }).id;
    createUser(s, { userid: 'u1', name: '甲', department: [b], mobile: '13800000001' }, { viaApi: true });
    expect(errcode(() => deleteDepartment(s, 1))).toBe(60007);
    expect(errcode(() => deleteDepartment(s, 99))).toBe(60003);
    expect(errcode(() => deleteDepartment(s, a))).toBe(60006);
    expect(errcode(() => deleteDepartment(s, b))).toBe(60005);
    deleteUser(s, 'u1');
    expect(deleteDepartment(s, b)).toEqual([{ kind: 'delete_party', id: b }]);
    expect(s.dept(b)).toBeUndefined();
  });
});

describe('members', () => {
  it('creates members not yet activated (status 4); userids unique ignoring case (60102)', () => {
    const s = fresh();
    createUser(s, { userid: 'ZhangSan', name: '张三', department: [1], mobile: '13800000001' }, { viaApi: true });
    expect(userStatus(s.user('zhangsan')!)).toBe(4);
    expect(errcode(() => createUser(s, { userid: 'zhangsan', name: '张三', department: [1], email: 'z@example.com' }, { viaApi: true }))).toBe(60102);
  });

  it('keeps mobile and email unique (60104 / 60106, email ignoring case) and not both empty (60129)', () => {
    const s = fresh();
    createUser(s, { userid: 'a', name: '甲', department: [1], mobile: '13800000001', email: 'A@example.com' }, { viaApi: true });
    expect(errcode(() => createUser(s, { userid: 'b', name: '乙', department: [1], mobile: '13800000001' }, { viaApi: true }))).toBe(60104);
    expect(errcode(() => createUser(s, { userid: 'b', name: '乙', department: [1], email: 'a@EXAMPLE.com' }, { viaApi: true }))).toBe(60106);
    expect(errcode(() => createUser(s, { userid: 'b', name: '乙', department: [1] }, { viaApi: true }))).toBe(60129);
    expect(errcode(() => updateUser(s, { userid: 'a', mobile: '', email: '' }, { viaApi: false }))).toBe(60129);
    // a member may keep his own mobile on update
    expect(errcode(() => updateUser(s, { userid: 'a', mobile: '13800000001', name: '甲甲' }, { viaApi: false }))).toBeNull();
  });

  it('frees the old mobile/email and department membership when they change', () => {
    const s = fresh();
    const d = createDepartment(s, { name: 'd', parentid: 1 }).id;
    createUser(s, { userid: 'a', name: '甲', department: [d], mobile: '13800000001' }, { viaApi: true });
    updateUser(s, { userid: 'a', mobile: '13800000002', department: [1] }, { viaApi: true });
    expect(s.userByMobile('13800000001')).toBeUndefined();
    expect(s.memberCount(d)).toBe(0);
    expect(deleteDepartment(s, d)).toHaveLength(1);
  });

  it('ignores a new mobile from the API once the member has joined', () => {
    const s = fresh();
    createUser(s, { userid: 'a', name: '甲', department: [1], mobile: '13800000001', activated: true }, { viaApi: false });
    updateUser(s, { userid: 'a', mobile: '13900000009', position: '经理' }, { viaApi: true });
    expect(s.user('a')).toMatchObject({ mobile: '13800000001', position: '经理' });
    updateUser(s, { userid: 'a', mobile: '13900000009' }, { viaApi: false });
    expect(s.user('a')?.mobile).toBe('13900000009');
  });

  it('new_userid: free for explicit ids, once for console-generated ones (301036); references follow', () => {
    const s = fresh();
    createUser(s, { name: '王伟', department: [1], mobile: '13800000001' }, { viaApi: false });
    expect(s.user('WangWei')?.useridGenerated).toBe(true);
    createUser(s, { userid: 'boss', name: '老板', department: [1], mobile: '13800000002', direct_leader: [] }, { viaApi: true });
    updateUser(s, { userid: 'boss', new_userid: 'boss2' }, { viaApi: true });
    updateUser(s, { userid: 'boss2', new_userid: 'boss3' }, { viaApi: true });
    updateUser(s, { userid: 'WangWei', direct_leader: ['boss3'] }, { viaApi: true });
    const [change] = updateUser(s, { userid: 'WangWei', new_userid: 'wangwei' }, { viaApi: true });
    expect(change).toMatchObject({ kind: 'update_user', previousUserid: 'WangWei' });
    expect(errcode(() => updateUser(s, { userid: 'wangwei', new_userid: 'ww' }, { viaApi: true }))).toBe(301036);
    updateUser(s, { userid: 'boss3', new_userid: 'chief' }, { viaApi: true });
    expect(s.user('wangwei')?.direct_leader).toEqual(['chief']);
    expect(errcode(() => updateUser(s, { userid: 'chief', new_userid: 'WANGWEI' }, { viaApi: true }))).toBe(60102);
  });

  it('tracks department leaders from is_leader_in_dept', () => {
    const s = fresh();
    const d = createDepartment(s, { name: 'd', parentid: 1 }).id;
    createUser(s, { userid: 'lead', name: '头', department: [d, 1], is_leader_in_dept: [1, 0], mobile: '13800000001' }, { viaApi: true });
    expect(s.dept(d)?.department_leader).toEqual(['lead']);
    expect(s.dept(1)?.department_leader).toEqual([]);
    updateUser(s, { userid: 'lead', is_leader_in_dept: [0, 1] }, { viaApi: true });
    expect(s.dept(d)?.department_leader).toEqual([]);
    expect(s.dept(1)?.department_leader).toEqual(['lead']);
    deleteUser(s, 'lead');
    expect(s.dept(1)?.department_leader).toEqual([]);
  });

  it('keeps main_department within department, and defaults it to the first', () => {
    const s = fresh();
    const d = createDepartment(s, { name: 'd', parentid: 1 }).id;
    createUser(s, { userid: 'a', name: '甲', department: [d, 1], mobile: '13800000001' }, { viaApi: true });
    expect(s.user('a')?.main_department).toBe(d);
    updateUser(s, { userid: 'a', department: [1] }, { viaApi: true });
    expect(s.user('a')?.main_department).toBe(1);
    expect(errcode(() => updateUser(s, { userid: 'a', main_department: d }, { viaApi: true }))).toBe(40058);
  });

  it('refuses to delete the creator (301005) or an unknown member (60111)', () => {
    const s = fresh();
    createUser(s, { userid: 'owner', name: '创始人', department: [1], mobile: '13800000001' }, { viaApi: true });
    s.user('owner')!.creator = true;
    expect(errcode(() => deleteUser(s, 'OWNER'))).toBe(301005);
    expect(errcode(() => deleteUser(s, 'ghost'))).toBe(60111);
  });
});
