import { describe, expect, it } from 'vitest';
import { plan } from '../../../main/sync/plan';
import { baseInput, linked, oaDept, wxDept, wxUser } from './fixtures';

const kinds = (p: ReturnType<typeof plan>) => p.ops.map((o) => `${o.kind}:${'name' in o ? o.name : 'to' in o && typeof o.to === 'string' ? o.to : 'wxDeptId' in o ? o.wxDeptId : ''}`);

describe('plan: departments (F4.7)', () => {
  it('mounts the OA tree on the WeCom root by name; new departments are created parents first', () => {
    const p = plan(baseInput());
    expect(p.stop).toBeNull();
    expect(kinds(p)).toEqual(['linkDept:1', 'createDept:研发中心', 'createDept:市场部', 'createDept:前端组']);
    const front = p.ops.find((o) => o.kind === 'createDept' && o.name === '前端组');
    expect(front).toMatchObject({ parent: { oa: '2' } });
    expect(p.deptStatus).toMatchObject({ 1: 'matched', 2: 'new', 3: 'new', 4: 'new' });
  });

  it('stops when the OA root and the WeCom root differ by name and no top-level department is set', () => {
    const p = plan(baseInput({ mirror: { departments: [wxDept(1, '演示部门', null)], users: [] } }));
    expect(p.ops).toEqual([]);
    expect(p.stop).toMatchObject({ code: 'root_mismatch', oaRoot: '云桥科技', wecomRoot: '演示部门', setting: 'push.topDept' });
  });

  it('with a top-level department the OA root is matched among its children, else created under it', () => {
    const mirror = { departments: [wxDept(1, '演示部门', null), wxDept(7, '其他部门', 1)], users: [] };
    const created = plan(baseInput({ mirror, settings: { 'push.topDept': 7 } }));
    expect(created.ops[0]).toMatchObject({ kind: 'createDept', name: '云桥科技', parent: { wx: 7 } });
    const matched = plan(baseInput({ mirror: { departments: [...mirror.departments, wxDept(9, '云桥科技', 7)], users: [] }, settings: { 'push.topDept': 7 } }));
    expect(matched.ops[0]).toMatchObject({ kind: 'linkDept', wxDeptId: 9, oaDeptId: '1' });
    expect(plan(baseInput({ mirror, settings: { 'push.topDept': 99 } })).stop).toMatchObject({ code: 'top_dept_missing' });
  });

  it('same level + same name matches; the same name elsewhere does not', () => {
    const mirror = { departments: [wxDept(1, '云桥科技', null), wxDept(10, '研发中心', 1), wxDept(11, '市场部', 10)], users: [] };
    const p = plan(baseInput({ mirror }));
    expect(p.ops.filter((o) => o.kind === 'linkDept').map((o) => o.kind === 'linkDept' && o.wxDeptId)).toEqual([1, 10]);
    expect(p.ops.find((o) => o.kind === 'createDept' && o.name === '市场部')).toMatchObject({ parent: { wx: 1 } });
  });

  it('a linked department renamed or moved in OA is renamed / moved in WeCom, never deleted and recreated', () => {
    const oa = { departments: [oaDept('1', '云桥科技', null), oaDept('2', '研发部', '1'), oaDept('3', '前端组', '4'), oaDept('4', '市场部', '1')], users: [] };
    const mirror = { departments: [wxDept(1, '云桥科技', null), wxDept(10, '研发中心', 1), wxDept(11, '前端组', 10), wxDept(12, '市场部', 1)], users: [] };
    const p = plan(baseInput({ oa, mirror, deptLinks: [linked(1, '1'), linked(10, '2'), linked(11, '3'), linked(12, '4')] }));
    expect(p.ops).toEqual([
      { kind: 'renameDept', key: 'renameDept:10', wxDeptId: 10, oaDeptId: '2', from: '研发中心', to: '研发部' },
      { kind: 'moveDept', key: 'moveDept:11', wxDeptId: 11, oaDeptId: '3', fromParent: 10, toParent: { wx: 12 } },
    ]);
    expect(p.deptStatus).toMatchObject({ 2: 'updated', 3: 'moved', 4: 'matched' });
  });

  it('reports invalid names and same-name OA siblings as conflicts and skips their subtrees', () => {
    const oa = { departments: [oaDept('1', '云桥科技', null), oaDept('2', '研发|中心', '1'), oaDept('3', '前端组', '2'), oaDept('4', '市场部', '1'), oaDept('5', '市场部', '1')], users: [] };
    const p = plan(baseInput({ oa }));
    expect(p.conflicts.map((c) => [c.kind, c.oaDeptId])).toEqual([
      ['invalidDeptName', '2'],
      ['siblingNameClash', '5'],
    ]);
    expect(p.ops.map((o) => o.kind === 'createDept' && o.name)).toEqual([false, '市场部']);
  });

  it('deletes linked departments that left OA, children first, after their members moved out', () => {
    const oa = { departments: [oaDept('1', '云桥科技', null)], users: [] };
    const mirror = { departments: [wxDept(1, '云桥科技', null), wxDept(10, '研发中心', 1), wxDept(11, '前端组', 10)], users: [] };
    const p = plan(baseInput({ oa, mirror, deptLinks: [linked(1, '1'), linked(10, '2'), linked(11, '3')] }));
    expect(p.ops.map((o) => o.kind === 'deleteDept' && o.wxDeptId)).toEqual([11, 10]);
    expect(p.summary.destructive).toBe(2);
  });

  it('a department that still holds unbound WeCom members is reported, not deleted', () => {
    const oa = { departments: [oaDept('1', '云桥科技', null)], users: [] };
    const mirror = { departments: [wxDept(1, '云桥科技', null), wxDept(10, '研发中心', 1)], users: [wxUser('zhao', '赵六', [10])] };
    const p = plan(baseInput({ oa, mirror, deptLinks: [linked(1, '1'), linked(10, '2')] }));
    expect(p.ops.some((o) => o.kind === 'deleteDept')).toBe(false);
    expect(p.conflicts.find((c) => c.kind === 'deptNotEmpty')).toMatchObject({ wxDeptId: 10 });
  });

  it('out-of-scope linked departments are deleted under scope.removal=delete and kept under disable', () => {
    const mirror = { departments: [wxDept(1, '云桥科技', null), wxDept(10, '研发中心', 1), wxDept(11, '前端组', 10), wxDept(12, '市场部', 1)], users: [] };
    const links = [linked(1, '1'), linked(10, '2'), linked(11, '3'), linked(12, '4')];
    const del = plan(baseInput({ mirror, deptLinks: links, settings: { 'scope.units': ['2'] } }));
    expect(del.ops.filter((o) => o.kind === 'deleteDept')).toEqual([{ kind: 'deleteDept', key: 'deleteDept:12', wxDeptId: 12, name: '市场部', oaDeptId: '4', outOfScope: true }]);
    expect(del.summary.outOfScope).toEqual({ users: 0, depts: 1 });
    expect(del.deptStatus['4']).toBe('outOfScope');
    const keep = plan(baseInput({ mirror, deptLinks: links, settings: { 'scope.units': ['2'], 'scope.removal': 'disable' } }));
    expect(keep.ops.filter((o) => o.kind === 'deleteDept')).toEqual([]);
  });
});
