// Small hand-made directories whose plans hold every conflict kind, safety hold and stop the planner can
// produce (with their variants), for the tests of the values behind their text and of its translation.
import { plan } from '../../../main/sync/plan';
import type { Conflict, Plan, PlanInput, PlanStop, SafetyHold } from '../../../main/sync/plan-types';
import { baseInput, bound, linked, oaDept, oaUser, wxDept, wxUser } from './fixtures';

const mirrorDepts = [wxDept(1, '云桥科技', null), wxDept(10, '研发中心', 1), wxDept(11, '前端组', 10), wxDept(12, '市场部', 1)];
const links = [linked(1, '1'), linked(10, '2'), linked(11, '3'), linked(12, '4')];

/** One plan with most conflict kinds: bad and clashing departments, a too-deep chain, and people in trouble. */
export function conflictPlan(): Plan {
  const chain = Array.from({ length: 14 }, (_, i) => oaDept(`c${i + 1}`, `层级${i + 1}`, i === 0 ? '4' : `c${i}`));
  const departments = [
    ...baseInput().oa.departments,
    oaDept('5', '坏:名字', '1', 3),
    oaDept('6', '销售部', '1', 4),
    oaDept('7', '销售部', '1', 5),
    oaDept('8', '财务部', '1', 6),
    oaDept('10', '人事部', '1', 7),
    ...chain,
  ];
  const users = [
    oaUser('E1', '张三', '3', { loginid: null }),
    oaUser('E2', '李四', '3', { loginid: 'bad id' }),
    oaUser('E3', '钱一', '3', { loginid: 'wangwu' }),
    oaUser('E4', 'x'.repeat(65), '3'),
    oaUser('E5', '刘二', '3', { mobile: null, email: null }),
    oaUser('E6', '王五', '3', { loginid: 'wangwu', mobile: '13900000001' }),
    oaUser('E7', '陈三', '3', { mobile: 'abc' }),
    oaUser('E8', '赵六', '3', { mobile: '13900000099' }),
    oaUser('E9', '丙', '3', { mobile: '13900000003' }),
    oaUser('E10', '周八', '3', { loginid: 'bad id!' }),
    oaUser('E11', '吴九', '3', { loginid: 'wangwu' }),
    oaUser('E12', '郑十', '3'),
    oaUser('E13', '林四', '3', { email: 'x@y' }),
    oaUser('E14', '黄五', '3', { mobile: '13900000001' }),
    oaUser('E15', '许一', '3', { mobile: '13900000005' }),
    oaUser('E16', '许二', '3', { mobile: '13900000005' }),
    oaUser('E17', '何七', '3', { email: 'ww@example.com' }),
    oaUser('E18', '宋一', '3', { email: 'same@example.com' }),
    oaUser('E19', '宋二', '3', { email: 'same@example.com' }),
    oaUser('E20', '罗八', '5'),
  ];
  const wx = [
    wxUser('wangwu', '王五', [11], { mobile: '13900000001', email: 'ww@example.com' }),
    wxUser('zhaoliu2', '赵六', [12], { mobile: '13900000002' }),
    wxUser('amb1', '甲', [12], { mobile: '13900000003' }),
    wxUser('amb2', '乙', [12], { mobile: '13900000003' }),
    wxUser('hr1', '孙七', [15]),
    wxUser('pushed', '周八', [11]),
    wxUser('pushed2', '吴九', [11]),
  ];
  return plan(
    baseInput({
      oa: { departments, users },
      mirror: { departments: [...mirrorDepts, wxDept(13, '财务部', 1), wxDept(14, '行政部', 1), wxDept(15, '人事部', 1)], users: wx },
      // 15 is linked to an OA department that is gone: deleted in OA, but a member stays in it.
      deptLinks: [...links, linked(14, '8'), linked(15, '99')],
      userBindings: [bound('wangwu', 'E6'), bound('pushed', 'E10', { source: 'push' }), bound('pushed2', 'E11', { source: 'push' }), bound('ghost', 'E12')],
    }),
  );
}

/** 市场部 leaves the scope but an unbound member keeps it in WeCom. */
export function outOfScopeDeptPlan(): Plan {
  return plan(baseInput({ mirror: { departments: mirrorDepts, users: [wxUser('m1', '孙七', [12])] }, deptLinks: links, settings: { 'scope.units': ['2'] } }));
}

/** Every safety rule, each way it can trip. */
export function holdPlans(): Plan[] {
  const users = [oaUser('E1', '张三', '3'), oaUser('E2', '李四', '3', { status: 'departed' }), oaUser('E3', '王五', '3', { status: 'departed' }), oaUser('E4', '赵六', '4')];
  const wx = [wxUser('zs', '张三', [11]), wxUser('ls', '李四', [11]), wxUser('ww', '王五', [11]), wxUser('zl', '赵六', [12])];
  const input = (settings: NonNullable<Parameters<typeof baseInput>[0]>['settings'], context: Partial<PlanInput['context']> = {}) =>
    plan(
      baseInput({
        oa: { departments: baseInput().oa.departments, users },
        mirror: { departments: mirrorDepts, users: wx },
        deptLinks: links,
        userBindings: [bound('zs', 'E1'), bound('ls', 'E2'), bound('ww', 'E3'), bound('zl', 'E4')],
        settings,
        context: { now: '2026-11-25T00:00:00.000Z', previousActive: null, previousScope: null, pullComplete: true, ...context },
      }),
    );
  return [
    // Deletes over the count, a department delete over 0, a big drop in active users, and a changed scope.
    input({ 'push.departed': 'delete', 'safety.maxDeletes': 1, 'safety.maxDeptDeletes': 0, 'safety.userDecrease': 10, 'scope.units': ['2'] }, { previousActive: 50, previousScope: 'before' }),
    input({ 'push.departed': 'delete', 'safety.maxDeletes': 500, 'safety.maxDeletesPct': 20 }),
    input({ 'push.departed': 'disable', 'safety.maxDisables': 1 }),
    input({ 'push.departed': 'disable', 'safety.maxDisables': 500, 'safety.maxDisablesPct': 20, 'scope.removal': 'disable', 'scope.units': ['2'] }, { previousScope: 'before' }),
  ];
}

/** Each way the planner stops. */
export function stopPlans(): Plan[] {
  return [
    plan(baseInput({ oa: { departments: [], users: [] } })),
    plan(baseInput({ mirror: { departments: [wxDept(1, '别的公司', null)], users: [] } })),
    plan(baseInput({ mirror: { departments: [], users: [] } })),
    plan(baseInput({ settings: { 'push.topDept': 999 } })),
  ];
}

export interface PlanTexts {
  conflicts: Conflict[];
  holds: SafetyHold[];
  stops: PlanStop[];
}

export function allPlanTexts(): PlanTexts {
  const holds = holdPlans().flatMap((p) => p.summary.safety.held);
  const stops = stopPlans().flatMap((p) => (p.stop ? [p.stop] : []));
  return { conflicts: [...conflictPlan().conflicts, ...outOfScopeDeptPlan().conflicts], holds, stops };
}
