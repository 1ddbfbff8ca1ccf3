import { describe, expect, it } from 'vitest';
import { buildDiffTree, type DiffNode, type DiffTree } from '../../../main/sync/diff-tree';
import { plan } from '../../../main/sync/plan';
import type { PlanInput } from '../../../main/sync/plan-types';
import { DiffTreeView } from '../../../main/api/sync-schemas';
import { baseInput, bound, linked, oaDept, oaUser, wxDept, wxUser } from './fixtures';

const tree = (input: PlanInput): DiffTree => buildDiffTree(plan(input), input.oa, input.mirror, input.deptLinks);
function find(t: DiffTree, name: string): DiffNode {
  const stack = [...t.roots];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.name === name) return n;
    stack.push(...n.children);
  }
  throw new Error(`no node ${name}`);
}
const shape = (n: DiffNode): unknown => ({ [`${n.name}:${n.status}${n.linked ? '●' : ''}`]: n.children.map(shape) });

const mirrorDepts = [wxDept(1, '云桥科技', null), wxDept(10, '研发中心', 1), wxDept(11, '前端组', 10), wxDept(12, '市场部', 1)];
const links = [linked(1, '1'), linked(10, '2'), linked(11, '3'), linked(12, '4')];

describe('buildDiffTree (F4.10)', () => {
  it('draws the OA tree on the WeCom root: matched linked nodes with a dot, new nodes without, counts per status', () => {
    const input = baseInput({ mirror: { departments: [wxDept(1, '云桥科技', null), wxDept(10, '研发中心', 1)], users: [] } });
    const t = tree(input);
    expect(t.roots.map(shape)).toEqual([{ '云桥科技:matched●': [{ '研发中心:matched●': [{ '前端组:new': [] }] }, { '市场部:new': [] }] }]);
    expect(t.mountPath).toEqual([]);
    expect(t.deptCounts).toMatchObject({ matched: 2, new: 2, deleted: 0 });
    expect(t.linkedCount).toBe(2);
    expect(find(t, '云桥科技').subtreeChanges).toBe(2);
    expect(DiffTreeView.safeParse(t).success).toBe(true);
  });

  it('shows renames and moves of linked departments with where they came from', () => {
    const oa = { departments: [oaDept('1', '云桥科技', null), oaDept('2', '研发部', '1', 1), oaDept('3', '前端组', '4', 1), oaDept('4', '市场部', '1', 2)], users: [] };
    const t = tree(baseInput({ oa, mirror: { departments: mirrorDepts, users: [] }, deptLinks: links }));
    expect(find(t, '研发部')).toMatchObject({ status: 'updated', renamedFrom: '研发中心', linked: true, wxId: 10 });
    expect(find(t, '前端组')).toMatchObject({ status: 'moved', movedFrom: '研发中心' });
    expect(find(t, '市场部').children.map((c) => c.name)).toEqual(['前端组']);
  });

  it('a linked WeCom department whose OA department is gone is shown red under its WeCom parent; unlinked ones are kept', () => {
    const oa = { departments: [oaDept('1', '云桥科技', null), oaDept('2', '研发中心', '1'), oaDept('4', '市场部', '1')], users: [] };
    const mirror = { departments: [...mirrorDepts, wxDept(13, '外包组', 10)], users: [] };
    const t = tree(baseInput({ oa, mirror, deptLinks: links }));
    expect(find(t, '前端组')).toMatchObject({ status: 'deleted', removes: true, wxId: 11, key: 'wx:11' });
    expect(find(t, '外包组')).toMatchObject({ status: 'kept', linked: false });
    expect(find(t, '研发中心').children.map((c) => c.name).sort()).toEqual(['前端组', '外包组']);
    expect(t.deptCounts.deleted).toBe(1);
  });

  it('out-of-scope departments are marked; a linked one the plan removes is flagged', () => {
    const t = tree(baseInput({ mirror: { departments: mirrorDepts, users: [] }, deptLinks: links, settings: { 'scope.units': ['2'] } }));
    expect(find(t, '市场部')).toMatchObject({ status: 'outOfScope', removes: true, linked: true });
    expect(find(t, '前端组').status).toBe('matched');
    const noRemoval = tree(baseInput({ mirror: { departments: mirrorDepts, users: [] }, deptLinks: links, settings: { 'scope.units': ['2'], 'scope.removal': 'disable' } }));
    expect(find(noRemoval, '市场部')).toMatchObject({ status: 'outOfScope', removes: false });
    expect(find(noRemoval, '市场部').subtreeChanges).toBe(0);
  });

  it('mounts under the top-level department with the WeCom path above it as context', () => {
    const mirror = { departments: [wxDept(1, '演示部门', null), wxDept(7, '其他部门', 1), wxDept(8, '别的', 1)], users: [] };
    const t = tree(baseInput({ mirror, settings: { 'push.topDept': 7 } }));
    expect(t.mountPath).toEqual(['演示部门', '其他部门']);
    expect(t.roots.map(shape)).toEqual([{ '演示部门:kept': [{ '其他部门:kept': [{ '云桥科技:new': [{ '研发中心:new': [{ '前端组:new': [] }] }, { '市场部:new': [] }] }] }] }]);
    expect(t.roots[0].context).toBe(true);
    expect(t.deptCounts.kept).toBe(0);
  });

  it('lists user changes per department, field by field, and the 已禁用用户 department when created', () => {
    const users = [
      oaUser('E1', '张三', '3', { loginid: 'zhangsan', email: 'zs@example.com', position: '工程师' }),
      oaUser('E2', '李四', '3', { mobile: '13811112222', position: '架构师' }),
      oaUser('E3', '王五', '4', { mobile: '13811113333' }),
      oaUser('E4', '赵六', '3', { status: 'departed' }),
    ];
    const wx = [wxUser('lisi', '李四', [11], { mobile: '13811112222', position: '工程师' }), wxUser('wangwu', '王五', [11], { mobile: '13811113333' }), wxUser('zhaoliu', '赵六', [11])];
    const input = baseInput({
      oa: { departments: baseInput().oa.departments, users },
      mirror: { departments: mirrorDepts, users: wx },
      deptLinks: links,
      userBindings: [bound('lisi', 'E2'), bound('wangwu', 'E3'), bound('zhaoliu', 'E4')],
      settings: { 'push.moveDisabled': true },
    });
    const t = tree(input);
    const front = find(t, '前端组');
    expect(front.users.map((u) => `${u.name}:${u.status}`)).toEqual(['赵六:disabled', '张三:new', '李四:updated']);
    expect(front.counts).toEqual({ create: 1, update: 1, disable: 1 });
    expect(front.users.find((u) => u.name === '张三')!.fields).toEqual(
      expect.arrayContaining([{ field: 'userid', from: null, to: 'zhangsan' }, { field: 'department', from: null, to: '前端组' }, { field: 'email', from: null, to: 'zs@example.com' }]),
    );
    expect(front.users.find((u) => u.name === '李四')!.fields).toEqual([{ field: 'position', from: '工程师', to: '架构师' }]);
    expect(front.users.find((u) => u.name === '赵六')).toMatchObject({ reason: 'departed', fields: [{ field: 'status', from: 'active', to: 'disabled' }, { field: 'department', from: '前端组', to: '已禁用用户' }] });
    const market = find(t, '市场部');
    expect(market.users).toEqual([expect.objectContaining({ userid: 'wangwu', kinds: ['move'], status: 'moved', fields: [{ field: 'department', from: '前端组', to: '市场部' }] })]);
    expect(find(t, '已禁用用户')).toMatchObject({ status: 'new', key: 'disabled' });
    expect(find(t, '云桥科技').children.map((c) => c.name)).toContain('已禁用用户');
    expect(t.userCounts).toMatchObject({ new: 1, updated: 1, moved: 1, disabled: 1 });
    expect(find(t, '云桥科技').subtreeChanges).toBe(5);
  });

  it('a stopped plan (root names differ) draws nothing and carries the stop', () => {
    const t = tree(baseInput({ mirror: { departments: [wxDept(1, '演示部门', null)], users: [] } }));
    expect(t.roots).toEqual([]);
    expect(t.stop).toMatchObject({ code: 'root_mismatch', oaRoot: '云桥科技', wecomRoot: '演示部门' });
  });

  it('builds 10k departments quickly and without deep recursion', () => {
    const departments = [oaDept('0', '云桥科技', null)];
    for (let i = 1; i < 10_000; i++) departments.push(oaDept(String(i), `部门${i}`, i < 10 ? '0' : String(Math.floor(i / 10)), i));
    const input = baseInput({ oa: { departments, users: [] }, mirror: { departments: [wxDept(1, '云桥科技', null)], users: [] } });
    const p = plan(input);
    const started = performance.now();
    const t = buildDiffTree(p, input.oa, input.mirror, []);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(t.deptCounts.new).toBe(9_999);
  });
});
