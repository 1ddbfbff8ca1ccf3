import { describe, expect, it } from 'vitest';
import { plan } from '../../../main/sync/plan';
import { parseSettingValue } from '../../../main/sync/settings-schema';
import { baseInput, bound, linked, oaUser, wxDept, wxUser } from './fixtures';

const depts = [wxDept(1, '云桥科技', null), wxDept(10, '研发中心', 1), wxDept(11, '前端组', 10), wxDept(12, '市场部', 1)];
const links = [linked(1, '1'), linked(10, '2'), linked(11, '3'), linked(12, '4')];

/** n bound people in 前端组, of whom `departed` have left OA. */
function company(n: number, departed: number, more: Parameters<typeof baseInput>[0] = {}) {
  const ids = Array.from({ length: n }, (_, i) => `E${i}`);
  const users = ids.map((id, i) => oaUser(id, `员工${i}`, '3', { mobile: null, status: i < departed ? 'departed' : 'active' }));
  const wx = ids.map((id, i) => wxUser(`u${i}`, `员工${i}`, [11]));
  return baseInput({ ...more, oa: { departments: baseInput().oa.departments, users }, mirror: { departments: depts, users: wx }, deptLinks: links, userBindings: ids.map((id, i) => bound(`u${i}`, id)) });
}

describe('plan: safety (F4.8)', () => {
  it('holds the run when disables exceed the count or the percentage limit, naming rule, limit, value and setting', () => {
    const pct = plan(company(100, 21));
    expect(pct.summary.safety).toEqual({ ok: false, held: [expect.objectContaining({ rule: 'maxDisables', limit: 20, actual: 21, setting: 'safety.maxDisablesPct', part: 'run' })] });
    expect(plan(company(100, 20)).summary.safety.ok).toBe(true);
    const count = plan(company(100, 6, { settings: { 'safety.maxDisables': 5 } }));
    expect(count.summary.safety.held[0]).toMatchObject({ rule: 'maxDisables', limit: 5, actual: 6, setting: 'safety.maxDisables' });
    const del = plan(company(100, 30, { settings: { 'push.departed': 'delete' } }));
    expect(del.summary.safety.held[0]).toMatchObject({ rule: 'maxDeletes', actual: 30 });
    expect(del.summary.destructive).toBe(30);
  });

  it('user decrease beyond the threshold holds only the user part', () => {
    const p = plan(company(100, 10, { settings: { 'safety.userDecrease': 5 }, context: { now: '2026-11-25T00:00:00.000Z', previousActive: 100, previousScope: null, pullComplete: true } }));
    expect(p.summary.safety.held).toEqual([expect.objectContaining({ rule: 'userDecrease', limit: 5, actual: 10, part: 'users', setting: 'safety.userDecrease' })]);
    expect(p.summary.inScopeActive).toBe(90);
    const zero = plan(company(10, 1, { settings: { 'safety.userDecrease': 0 }, context: { now: '2026-11-25T00:00:00.000Z', previousActive: 10, previousScope: null, pullComplete: true } }));
    expect(zero.summary.safety.held[0]).toMatchObject({ rule: 'userDecrease', actual: 1 });
  });

  it('an incomplete pull never plans a removal', () => {
    const p = plan(company(10, 3, { context: { now: '2026-11-25T00:00:00.000Z', previousActive: null, previousScope: null, pullComplete: false } }));
    expect(p.ops.filter((o) => o.kind === 'disableUser' || o.kind === 'deleteUser' || o.kind === 'deleteDept')).toEqual([]);
    expect(p.summary.removalsWithheld).toBe(true);
  });

  it('users leaving because the scope changed are a scope change, not departures: held', () => {
    const first = plan(company(10, 0));
    const narrowed = plan(company(10, 0, { settings: { 'scope.units': ['4'] }, context: { now: '2026-11-25T00:00:00.000Z', previousActive: 10, previousScope: first.scopeFingerprint, pullComplete: true } }));
    expect(narrowed.summary.outOfScope.users).toBe(10);
    expect(narrowed.summary.safety.held.map((h) => h.rule)).toContain('scopeChange');
    const same = plan(company(10, 0, { context: { now: '2026-11-25T00:00:00.000Z', previousActive: 10, previousScope: first.scopeFingerprint, pullComplete: true } }));
    expect(same.summary.safety.ok).toBe(true);
  });

  it('department deletes over the cap hold the run', () => {
    const p = plan(baseInput({ oa: { departments: [baseInput().oa.departments[0]], users: [] }, mirror: { departments: depts, users: [] }, deptLinks: links, settings: { 'safety.maxDeptDeletes': 2 } }));
    expect(p.summary.safety.held[0]).toMatchObject({ rule: 'maxDeptDeletes', limit: 2, actual: 3 });
  });

  it('estimates calls (one write per changed entity) and seconds', () => {
    const p = plan(company(10, 2));
    expect(p.summary.estimate.calls).toBe(2);
    expect(p.summary.estimate.seconds).toBeGreaterThanOrEqual(1);
  });
});

describe('settings values typed on the command line', () => {
  it.each([
    ['push.disabledDept', '离职人员', '离职人员'],
    ['scope.units', '["1","2"]', ['1', '2']],
    ['push.topDept', '7', 7],
    ['push.topDept', '', null],
    ['push.deleteAfterDays', '0', 0],
    ['push.deleteAfterDays', '30', 30],
    ['push.addUsers', 'false', false],
    ['safety.userDecrease', 'null', null],
    ['sync.scopeApp', 'a_123', 'a_123'],
  ] as const)('%s = %s', (key, raw, value) => {
    const r = parseSettingValue(key, raw);
    expect(r.success && r.data).toEqual(value);
  });

  it.each([
    ['push.deleteAfterDays', '-1', '只支持正整数'],
    ['push.deleteAfterDays', '1.5', '只支持正整数'],
    ['push.disabledDept', 'a|b', '部门名称不能包含'],
    ['bind.match', 'phone', ''],
    ['safety.maxDeletesPct', '120', '0–100'],
  ] as const)('%s = %s is refused', (key, raw, msg) => {
    const r = parseSettingValue(key, raw);
    expect(r.success).toBe(false);
    if (!r.success && msg) expect(r.error.issues[0].message).toContain(msg);
  });
});
