import { describe, expect, it } from 'vitest';
import { allPlanTexts, conflictPlan, holdPlans, stopPlans } from './plan-text-fixtures';

describe('plan: the values behind conflict, hold and stop texts (params)', () => {
  it('every conflict, hold and stop carries params', () => {
    const { conflicts, holds, stops } = allPlanTexts();
    expect(conflicts.length).toBeGreaterThan(20);
    for (const x of [...conflicts, ...holds, ...stops]) expect(x.params, x.message).toBeDefined();
  });

  it('department conflicts name the OA department; the Chinese text stays as it was', () => {
    const p = conflictPlan();
    const clash = p.conflicts.find((c) => c.kind === 'siblingNameClash' && c.oaDeptId === '7');
    expect(clash).toMatchObject({ message: 'OA 部门「销售部」与同级部门重名：企业微信要求同级部门名称唯一', fix: '在 OA 中改名，或用范围设置排除其一', params: { deptName: '销售部' } });
    expect(p.conflicts.find((c) => c.kind === 'invalidDeptName')?.params).toEqual({ deptName: '坏:名字', problem: '部门名称含有 \\ : * ? " < > | 之一' });
    expect(p.conflicts.find((c) => c.kind === 'siblingNameClash' && c.params?.variant === 'rename')?.params).toEqual({ variant: 'rename', from: '行政部', deptName: '财务部', wxDeptId: 13 });
    expect(p.conflicts.find((c) => c.kind === 'depthLimit')?.params).toEqual({ deptName: '层级14', maxDepth: 15 });
    expect(p.conflicts.find((c) => c.kind === 'deptNotEmpty')?.params).toEqual({ variant: 'deletedInOa', deptName: '人事部', members: 1, subDepts: 0 });
  });

  it('user conflicts name the person, the account and who holds it', () => {
    const p = conflictPlan();
    expect(p.conflicts.find((c) => c.kind === 'useridTaken' && !c.params?.variant)).toMatchObject({ message: '账号「wangwu」在企业微信中已存在（王五）', params: { userid: 'wangwu', takenName: '王五' } });
    expect(p.conflicts.find((c) => c.kind === 'invalidUserid' && c.params?.variant === 'missing')?.params).toEqual({ variant: 'missing', userName: '张三', idField: 'loginid' });
    expect(p.conflicts.find((c) => c.kind === 'ambiguousMatch')?.params).toEqual({ userName: '丙', candidates: 'amb1, amb2' });
    expect(p.conflicts.find((c) => c.kind === 'duplicateEmail' && c.params?.variant === 'inOa')?.params).toEqual({ variant: 'inOa', names: '宋一, 宋二', email: 'same@example.com' });
  });

  it('holds carry the numbers of their message, matching limit and actual', () => {
    const holds = holdPlans().flatMap((p) => p.summary.safety.held);
    expect(holds.map((h) => `${h.rule}${h.params?.variant ? `.${h.params.variant}` : ''}`).sort()).toEqual(
      ['maxDeletes', 'maxDeletes.pct', 'maxDeptDeletes', 'maxDisables', 'maxDisables.pct', 'scopeChange', 'scopeChange', 'userDecrease'].sort(),
    );
    for (const h of holds) {
      if (h.rule === 'scopeChange') expect(h.params).toMatchObject({ count: h.actual });
      else expect(h.params).toMatchObject({ limit: h.limit, ...(h.rule === 'userDecrease' ? { decrease: h.actual } : { actual: h.actual }) });
    }
    expect(holds.find((h) => h.rule === 'userDecrease')?.params).toEqual({ previous: 50, current: 1, decrease: 49, limit: 10 });
  });

  it('stops carry the names and ids of their message', () => {
    expect(stopPlans().map((p) => p.stop?.params)).toEqual([{}, { oaRoot: '云桥科技', wecomRoot: '别的公司' }, { variant: 'noWecomRoot', oaRoot: '云桥科技' }, { topDept: 999 }]);
  });
});
