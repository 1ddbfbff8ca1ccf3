import { describe, expect, it } from 'vitest';
import { plan } from '../../../main/sync/plan';
import { baseInput, bound, linked, oaDept, oaUser, wxDept, wxUser } from './fixtures';

const mirrorDepts = [wxDept(1, '云桥科技', null), wxDept(10, '研发中心', 1), wxDept(11, '前端组', 10), wxDept(12, '市场部', 1)];
const links = [linked(1, '1'), linked(10, '2'), linked(11, '3'), linked(12, '4')];
const input = (users: ReturnType<typeof oaUser>[], wx: ReturnType<typeof wxUser>[], more: Parameters<typeof baseInput>[0] = {}) =>
  baseInput({ ...more, oa: { departments: baseInput().oa.departments, users }, mirror: { departments: mirrorDepts, users: wx }, deptLinks: more.deptLinks ?? links });
const opsOf = (p: ReturnType<typeof plan>, kind: string) => p.ops.filter((o) => o.kind === kind);

describe('plan: users (F4.4, F4.6)', () => {
  it('creates a new OA user with the userid from 登录名, in its department, bound in the same step', () => {
    const p = plan(input([oaUser('E1', '张三', '3', { loginid: 'zhangsan', email: 'zs@example.com', position: '工程师' })], []));
    expect(opsOf(p, 'createUser')).toEqual([
      { kind: 'createUser', key: 'createUser:E1', oaUserId: 'E1', userid: 'zhangsan', name: '张三', fields: { mobile: '13800000118', email: 'zs@example.com', position: '工程师' }, department: [{ wx: 11 }], mainDepartment: { wx: 11 }, invite: false },
    ]);
    const useWorkcode = plan(input([oaUser('E1', '张三', '3')], [], { settings: { 'push.useridFrom': 'workcode', 'push.invite': true } }));
    expect(opsOf(useWorkcode, 'createUser')[0]).toMatchObject({ userid: 'E1', invite: true });
    expect(useWorkcode.summary.counts.invite).toBe(1);
    expect(plan(input([oaUser('E1', '张三', '3')], [], { settings: { 'push.addUsers': false } })).ops).toEqual([]);
  });

  it('auto-binds an unbound WeCom user by mobile (never a second account) and updates what differs', () => {
    const p = plan(input([oaUser('E1', '张三', '3', { mobile: '13811112222', position: '架构师' })], [wxUser('zs', '张三', [11], { mobile: '13811112222', position: '工程师' })]));
    expect(p.ops).toEqual([
      { kind: 'bind', key: 'bind:E1', userid: 'zs', oaUserId: 'E1', by: 'mobile' },
      { kind: 'updateUser', key: 'updateUser:zs', userid: 'zs', oaUserId: 'E1', changes: [{ field: 'position', from: '工程师', to: '架构师' }], newUserid: null },
    ]);
  });

  it('follows a binding by id: a renamed OA person is renamed, a moved one moved', () => {
    const p = plan(input([oaUser('E1', '张三丰', '4', { mobile: '13811112222' })], [wxUser('zs', '张三', [11], { mobile: '13811112222' })], { userBindings: [bound('zs', 'E1')] }));
    expect(p.ops.map((o) => o.kind)).toEqual(['updateUser', 'moveUser']);
    expect(opsOf(p, 'moveUser')[0]).toMatchObject({ from: [11], to: [{ wx: 12 }], mainDepartment: { wx: 12 } });
    expect(p.summary.counts.createUser).toBe(0);
  });

  it('membership: OA-authoritative replaces several WeCom departments; union keeps them; one department always follows OA', () => {
    const users = [oaUser('E1', '张三', '3', { mobile: '1' })];
    const wx = [wxUser('zs', '张三', [10, 12], { mobile: '1' })];
    const exact = plan(input(users, wx, { userBindings: [bound('zs', 'E1')] }));
    expect(opsOf(exact, 'moveUser')[0]).toMatchObject({ to: [{ wx: 11 }] });
    const union = plan(input(users, wx, { userBindings: [bound('zs', 'E1')], settings: { 'push.oaAuthoritative': false } }));
    expect(opsOf(union, 'moveUser')[0]).toMatchObject({ to: [{ wx: 11 }, { wx: 10 }, { wx: 12 }] });
    const single = plan(input(users, [wxUser('zs', '张三', [12], { mobile: '1' })], { userBindings: [bound('zs', 'E1')], settings: { 'push.oaAuthoritative': false } }));
    expect(opsOf(single, 'moveUser')[0]).toMatchObject({ to: [{ wx: 11 }] });
  });

  it('part-time departments count only when switched on and in scope', () => {
    const users = [oaUser('E1', '张三', '3', { mobile: '1', partTimeDepartments: ['4'] })];
    const wx = [wxUser('zs', '张三', [11], { mobile: '1' })];
    expect(opsOf(plan(input(users, wx, { userBindings: [bound('zs', 'E1')] })), 'moveUser')).toEqual([]);
    expect(opsOf(plan(input(users, wx, { userBindings: [bound('zs', 'E1')], settings: { 'push.partTime': true } })), 'moveUser')[0]).toMatchObject({ to: [{ wx: 11 }, { wx: 12 }] });
  });

  it('departed: disable by default (optionally moved to 已禁用用户), delete when chosen, delete N days after our disable', () => {
    const users = [oaUser('E1', '张三', '3', { status: 'departed' })];
    const wx = [wxUser('zs', '张三', [11])];
    const b = [bound('zs', 'E1')];
    expect(opsOf(plan(input(users, wx, { userBindings: b })), 'disableUser')[0]).toMatchObject({ userid: 'zs', reason: 'departed', moveTo: null });
    const moved = plan(input(users, wx, { userBindings: b, settings: { 'push.moveDisabled': true } }));
    expect(moved.ops.map((o) => o.kind)).toEqual(['createDept', 'disableUser']);
    expect(moved.ops[0]).toMatchObject({ name: '已禁用用户', parent: { wx: 1 } });
    expect(opsOf(plan(input(users, wx, { userBindings: b, settings: { 'push.departed': 'delete' } })), 'deleteUser')[0]).toMatchObject({ reason: 'departed' });
    const disabled = [wxUser('zs', '张三', [11], { status: 2 })];
    const after = (disabledAt: string | null) => plan(input(users, disabled, { userBindings: [bound('zs', 'E1', { disabledAt })], settings: { 'push.deleteAfterDays': 30 } }));
    expect(opsOf(after('2026-10-20T00:00:00.000Z'), 'deleteUser')[0]).toMatchObject({ reason: 'afterDays' });
    expect(after('2026-11-01T00:00:00.000Z').ops).toEqual([]);
    expect(after(null).ops).toEqual([]); // disabled by someone else: never auto-deleted
  });

  it('a bound user missing from the OA snapshot is departed too', () => {
    const p = plan(input([], [wxUser('zs', '张三', [11])], { userBindings: [bound('zs', 'E1')] }));
    expect(opsOf(p, 'disableUser')[0]).toMatchObject({ userid: 'zs', oaUserId: 'E1', reason: 'departed' });
  });

  it('out of scope or excluded: deleted (scope.removal=delete) or disabled, counted as out-of-scope', () => {
    const users = [oaUser('E1', '张三', '3'), oaUser('E2', '李四', '4')];
    const wx = [wxUser('zs', '张三', [11]), wxUser('ls', '李四', [12])];
    const b = [bound('zs', 'E1'), bound('ls', 'E2')];
    const del = plan(input(users, wx, { userBindings: b, settings: { 'scope.excludeUsers': ['E2'] } }));
    expect(opsOf(del, 'deleteUser')).toEqual([{ kind: 'deleteUser', key: 'deleteUser:ls', userid: 'ls', oaUserId: 'E2', reason: 'outOfScope' }]);
    expect(del.summary.outOfScope.users).toBe(1);
    const dis = plan(input(users, wx, { userBindings: b, settings: { 'scope.units': ['2'], 'scope.removal': 'disable' } }));
    expect(opsOf(dis, 'disableUser')[0]).toMatchObject({ userid: 'ls', reason: 'outOfScope' });
    const included = plan(input(users, wx, { userBindings: b, settings: { 'scope.units': ['2'], 'scope.includeUsers': ['E2'] } }));
    expect(included.ops.filter((o) => o.kind === 'deleteUser' || o.kind === 'disableUser')).toEqual([]);
  });

  it('re-enables a user this console disabled when OA says active again', () => {
    const p = plan(input([oaUser('E1', '张三', '3', { mobile: null })], [wxUser('zs', '张三', [11], { status: 2 })], { userBindings: [bound('zs', 'E1', { disabledAt: '2026-11-01T00:00:00.000Z' })] }));
    expect(p.ops.map((o) => o.kind)).toEqual(['enableUser']);
  });

  it('a push-created user follows an OA 登录名 change with new_userid; others keep their userid', () => {
    const users = [oaUser('E1', '张三', '3', { loginid: 'zhang.san', mobile: null })];
    const wx = [wxUser('zhangsan', '张三', [11])];
    expect(opsOf(plan(input(users, wx, { userBindings: [bound('zhangsan', 'E1', { source: 'push' })] })), 'updateUser')[0]).toMatchObject({ newUserid: 'zhang.san', changes: [] });
    expect(plan(input(users, wx, { userBindings: [bound('zhangsan', 'E1', { source: 'manual' })] })).ops).toEqual([]);
  });

  it('conflicts instead of guesses, and the rest of the plan still runs', () => {
    const users = [
      oaUser('E1', '王五', '3', { loginid: 'wangwu', mobile: '13900000001' }), // unbound WeCom 王五 with another mobile → same name
      oaUser('E2', '赵六', '3', { loginid: 'zhaoliu', mobile: '13900000002' }), // userid taken
      oaUser('E3', '孙七', '3', { loginid: '孙七', mobile: '13900000003' }), // invalid userid
      oaUser('E4', '周八', '3', { loginid: 'zhouba', mobile: '13900000004' }), // duplicate OA mobile
      oaUser('E5', '吴九', '3', { loginid: 'wujiu', mobile: '13900000004' }),
      oaUser('E6', '郑十', '3', { loginid: 'zhengshi', mobile: '13900000006' }), // fine
    ];
    const wx = [wxUser('ww', '王五', [11], { mobile: '13700000000' }), wxUser('ZhaoLiu', '赵老六', [11], { mobile: '13700000001' })];
    const p = plan(input(users, wx, { settings: { 'bind.auto': false } }));
    const byUser = Object.fromEntries(p.conflicts.filter((c) => c.oaUserId).map((c) => [c.oaUserId, c.kind]));
    expect(byUser).toMatchObject({ E1: 'sameIdentityUnbound', E2: 'useridTaken', E3: 'invalidUserid', E4: 'duplicateMobile', E5: 'duplicateMobile' });
    expect(opsOf(p, 'createUser').map((o) => o.kind === 'createUser' && o.oaUserId)).toEqual(['E6']);
    expect(p.conflicts.filter((c) => c.kind === 'unboundWeCom').map((c) => c.userid)).toEqual(['ZhaoLiu', 'ww']);
  });

  it('two WeCom candidates for one OA user is an ambiguous match, not a coin toss', () => {
    const p = plan(input([oaUser('E1', '张三', '3', { email: 'z@x.com', mobile: null })], [wxUser('a', '张三', [11], { email: 'Z@x.com' }), wxUser('b', '张三', [11], { email: 'z@x.com' })], { settings: { 'bind.match': 'email' } }));
    expect(p.conflicts[0]).toMatchObject({ kind: 'ambiguousMatch', oaUserId: 'E1' });
    expect(p.ops).toEqual([]);
  });

  it('a binding whose WeCom user is missing from the mirror is a conflict, never a duplicate create', () => {
    const p = plan(input([oaUser('E1', '张三', '3')], [], { userBindings: [bound('zs', 'E1')] }));
    expect(p.ops).toEqual([]);
    expect(p.conflicts[0]).toMatchObject({ kind: 'boundMissing', userid: 'zs' });
  });
});

describe('plan: determinism', () => {
  it('the same directory in another row order gives the same plan and hash', () => {
    const users = [oaUser('E1', '张三', '3'), oaUser('E2', '李四', '4'), oaUser('E3', '王五', '2')];
    const wx = [wxUser('a', 'A', [11]), wxUser('b', 'B', [12])];
    const a = plan(input(users, wx));
    const b = plan(input([...users].reverse(), [...wx].reverse()));
    expect(b.ops).toEqual(a.ops);
    expect(b.summary.hash).toBe(a.summary.hash);
    expect(plan(input(users.slice(1), wx)).summary.hash).not.toBe(a.summary.hash);
  });

  it('an OA department tree of new departments under new departments refers to them by OA id', () => {
    const oa = { departments: [oaDept('1', '云桥科技', null), oaDept('x', '新部门', '1'), oaDept('y', '新小组', 'x')], users: [oaUser('E1', '张三', 'y')] };
    const p = plan(baseInput({ oa }));
    expect(p.ops.find((o) => o.kind === 'createUser')).toMatchObject({ department: [{ oa: 'y' }], mainDepartment: { oa: 'y' } });
  });
});
