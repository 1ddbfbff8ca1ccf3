import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { parseOaFiles } from '../../../main/org/oa-files';
import type { OaDirectory as OaModel } from '../../../main/org/oa-model';
import { DEMO_SYNC_SETTINGS } from '../../../main/services/demo-service';
import { DEMO_OA_DELETED, DEMO_OA_OUT_OF_SCOPE, DEMO_OA_SCOPE_UNITS, demoOaBaseline, demoOaDirectory } from '../../../main/simulator/seed/demo-oa';
import { demoOrg, DEMO_CORP_NAME } from '../../../main/simulator/seed/demo-org';
import { DEPT_HEADERS, oaWorkbookBuffer, USER_HEADERS, type OaDirectory } from '../../../main/simulator/seed/oa-directory';
import { userStatus } from '../../../main/simulator/user-ops';
import { autoBindings } from '../../../main/sync/auto-bind';
import { buildDiffTree } from '../../../main/sync/diff-tree';
import type { DeptLink, Mirror, UserBinding } from '../../../main/sync/model';
import { isWrite, plan } from '../../../main/sync/plan';
import { defaultSettings, type SyncSettings } from '../../../main/sync/settings-schema';
import { syntheticDiffCounts, syntheticOaDirectory } from '../../../main/simulator/seed/synthetic-oa';
import { syntheticOrg } from '../../../main/simulator/seed/synthetic';

describe('demo OA directory', () => {
  const oa = demoOaDirectory();
  const baseline = demoOaBaseline();
  const org = demoOrg();
  const byMobile = new Map(org.users.map((u) => [u.mobile, u]));
  const deptName = (id: string) => oa.departments.find((d) => d.id === id)?.name;
  const wecomIds = new Set(org.users.map((u) => u.userid));

  it('is deterministic and has the same root name as the WeCom demo', () => {
    expect(JSON.stringify(demoOaDirectory())).toBe(JSON.stringify(oa));
    expect(JSON.stringify(demoOaBaseline())).toBe(JSON.stringify(baseline));
    const roots = oa.departments.filter((d) => d.parentId === null);
    expect(roots.map((r) => r.name)).toEqual([DEMO_CORP_NAME]);
    expect(new Set(oa.departments.map((d) => d.id)).size).toBe(oa.departments.length);
    expect(oa.departments.filter((d) => d.type === '分部').length).toBeGreaterThanOrEqual(4);
  });

  it('matches most people by mobile with 登录名 = userid', () => {
    const matched = oa.users.filter((u) => byMobile.get(u.mobile)?.userid === u.loginid);
    expect(matched.length / org.users.length).toBeGreaterThan(0.95);
    expect(oa.users.filter((u) => byMobile.has(u.mobile) && byMobile.get(u.mobile)?.userid !== u.loginid).length).toBeGreaterThan(0);
  });

  it("at the last sync held exactly WeCom's demo org: its tree, people, posts; disabled members 离职", () => {
    expect(baseline.departments.map((d) => [d.id, d.name, d.parentId])).toEqual(
      org.departments.map((d) => [String(1000 + d.id), d.name, d.parentid === 0 ? null : String(1000 + d.parentid)]),
    );
    expect(baseline.users.map((u) => u.mobile)).toEqual(org.users.map((u) => u.mobile));
    for (const [i, u] of baseline.users.entries()) {
      const w = org.users[i];
      expect([u.name, u.position, u.department, u.partTimeDepartments, u.status]).toEqual([
        w.name,
        w.position,
        String(1000 + w.main_department),
        w.department.filter((d) => d !== w.main_department).map((d) => String(1000 + d)),
        userStatus(w) === 2 ? '离职' : '在职',
      ]);
    }
  });

  it('since then: 15 new people, 5 departed, 4 contractors, 10 with part-time posts', () => {
    const newPeople = oa.users.filter((u) => !byMobile.has(u.mobile));
    expect(newPeople.filter((u) => u.department !== DEMO_OA_OUT_OF_SCOPE.id)).toHaveLength(15);
    expect(newPeople.filter((u) => u.department === DEMO_OA_OUT_OF_SCOPE.id)).toHaveLength(DEMO_OA_OUT_OF_SCOPE.contractors);
    const wasDeparted = new Set(baseline.users.filter((u) => u.status === '离职').map((u) => u.mobile));
    expect(wasDeparted.size).toBe(org.users.filter((u) => userStatus(u) === 2).length);
    expect(oa.users.filter((u) => u.status === '离职' && !wasDeparted.has(u.mobile))).toHaveLength(5);
    expect(oa.users.filter((u) => u.status === '在职' && wasDeparted.has(u.mobile))).toHaveLength(0);
    expect(oa.users.filter((u) => u.partTimeDepartments.length > 0)).toHaveLength(10);
    expect(new Set(oa.users.map((u) => u.mobile)).size).toBe(oa.users.length);
    expect(new Set(oa.users.map((u) => u.loginid.toLowerCase())).size).toBe(oa.users.length);
    expect(oa.users.filter((u) => !byMobile.has(u.mobile)).every((u) => !wecomIds.has(u.loginid))).toBe(true);
    const ids = new Set(oa.departments.map((d) => d.id));
    expect(oa.users.every((u) => ids.has(u.department) && u.partTimeDepartments.every((p) => ids.has(p) && p !== u.department))).toBe(true);
  });

  it('renames one department, moves one, adds one, deletes one (its people merged), and adds one out of scope', () => {
    expect(oa.departments.find((d) => d.id === '1022')?.name).toBe('质量保障组');
    expect(oa.departments.some((d) => d.name === '测试组')).toBe(false);
    const data = oa.departments.find((d) => d.name === '数据组');
    expect(deptName(data?.parentId ?? '')).toBe('产品中心');
    const added = oa.departments.find((d) => d.name === '人工智能组');
    expect(deptName(added?.parentId ?? '')).toBe('研发中心');
    expect(oa.users.filter((u) => u.department === added?.id).length).toBe(6);
    expect(oa.departments.some((d) => d.id === '1027' || d.name === DEMO_OA_DELETED.name)).toBe(false);
    const researchers = org.users.filter((u) => u.department.includes(DEMO_OA_DELETED.wecomId)).map((u) => u.mobile);
    expect(researchers.length).toBeGreaterThan(0);
    expect(oa.users.filter((u) => researchers.includes(u.mobile)).every((u) => u.department === '1026' && u.status === '在职')).toBe(true);
    const outside = oa.departments.find((d) => d.id === DEMO_OA_OUT_OF_SCOPE.id);
    expect(outside).toMatchObject({ name: '外包人员', parentId: '1001' });
    expect(DEMO_OA_SCOPE_UNITS.map(deptName)).toEqual(['总部', '华东分公司', '华南分公司', '华北分公司']);
    expect(oa.users.some((u) => u.partTimeDepartments.includes(DEMO_OA_OUT_OF_SCOPE.id))).toBe(false);
  });
});

describe("the demo's sync history, planned", () => {
  const org = demoOrg();
  const mirror: Mirror = {
    departments: org.departments.map((d) => ({ id: d.id, name: d.name, parentId: d.parentid === 0 ? null : d.parentid, order: d.order })),
    users: org.users
      .map((u) => ({ userid: u.userid, name: u.name, mobile: u.mobile || null, email: u.email || null, position: u.position || null, department: u.department, mainDepartment: u.main_department, status: userStatus(u), extra: {} }))
      .sort((a, b) => (a.userid < b.userid ? -1 : 1)),
  };
  const settings: SyncSettings = { ...defaultSettings({ hasContactSecret: true }), ...DEMO_SYNC_SETTINGS };
  const parsed = (dir: OaDirectory): OaModel => {
    const r = parseOaFiles([{ name: 'oa.xlsx', data: oaWorkbookBuffer(dir) }]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
    return r.directory;
  };
  const context = { now: '2026-03-02T02:00:00.000Z', previousActive: null, previousScope: null, pullComplete: true };
  // As a pull does: bind by mobile (departed people too), then link the departments the plan matches.
  const baselineOa = parsed(demoOaBaseline());
  const userBindings: UserBinding[] = autoBindings(mirror.users, baselineOa.users, [], 'mobile')
    .map((b) => ({ ...b, source: 'auto' as const, boundAt: context.now, disabledAt: null }))
    .sort((a, b) => (a.wxUserid < b.wxUserid ? -1 : 1));
  const previous = plan({ oa: baselineOa, mirror, userBindings, deptLinks: [], settings, context });
  const deptLinks: DeptLink[] = previous.ops.flatMap((o) => (o.kind === 'linkDept' ? [{ wxDeptId: o.wxDeptId, oaDeptId: o.oaDeptId }] : []));

  it("the previous sync: the baseline against WeCom's demo org writes nothing, everyone bound, every department linked", () => {
    expect(previous.stop).toBeNull();
    expect(previous.ops.filter(isWrite)).toEqual([]);
    expect(previous.conflicts).toEqual([]);
    expect(userBindings).toHaveLength(org.users.length);
    expect(deptLinks).toHaveLength(org.departments.length);
  });

  it('today: the diff has a department of every status and every kind of user change, and no safety hold', () => {
    const oa = parsed(demoOaDirectory());
    const p = plan({ oa, mirror, userBindings, deptLinks, settings, context: { ...context, previousActive: previous.summary.inScopeActive, previousScope: previous.scopeFingerprint } });
    const tree = buildDiffTree(p, oa, mirror, deptLinks);
    const present = (counts: Record<string, number>) => Object.keys(counts).filter((k) => counts[k] > 0).sort();
    expect(present(tree.deptCounts)).toEqual(['deleted', 'matched', 'moved', 'new', 'outOfScope', 'updated']);
    expect(present(tree.userCounts)).toEqual(['disabled', 'moved', 'new', 'updated']);
    expect(p.summary.safety).toEqual({ ok: true, held: [] });
    expect(p.conflicts).toEqual([]);
    expect(p.summary.counts).toMatchObject({ createDept: 1, renameDept: 1, moveDept: 1, deleteDept: 1, createUser: 15, disableUser: 5, deleteUser: 0, enableUser: 0 });
    expect(p.ops.find((o) => o.kind === 'deleteDept')).toMatchObject({ wxDeptId: DEMO_OA_DELETED.wecomId, outOfScope: false });
    expect(p.deptStatus[DEMO_OA_OUT_OF_SCOPE.id]).toBe('outOfScope');
  });
});

describe('synthetic OA twin', () => {
  it('keeps the tree and root name and differs in diffPct % of users, departed ≤ a tenth', () => {
    const n = 10_000;
    const org = syntheticOrg(n);
    const oa = syntheticOaDirectory(n, 2);
    expect(JSON.stringify(syntheticOaDirectory(n, 2))).toBe(JSON.stringify(oa));
    expect(oa.departments.map((d) => d.name)).toEqual(org.departments.map((d) => d.name));
    expect(oa.departments[0].parentId).toBeNull();
    const c = syntheticDiffCounts(n, 2);
    expect(c.renamed + c.moved + c.added + c.departed).toBe(200);
    expect(c.departed).toBeLessThanOrEqual(20);
    expect(oa.users).toHaveLength(n + c.added);
    expect(oa.users.filter((u) => u.status === '离职')).toHaveLength(c.departed);
    const renamed = oa.users.slice(0, n).filter((u, i) => u.name !== org.users[i].name).length;
    const moved = oa.users.slice(0, n).filter((u, i) => u.department !== `D${org.users[i].main_department}`).length;
    expect(renamed).toBe(c.renamed);
    expect(moved).toBeGreaterThan(c.moved * 0.9);
    expect(new Set(oa.users.map((u) => u.mobile)).size).toBe(oa.users.length);
    expect(oa.users.slice(0, n).every((u, i) => u.loginid === org.users[i].userid && u.mobile === org.users[i].mobile)).toBe(true);
  });

  it('0 % differences gives an exact twin', () => {
    const oa = syntheticOaDirectory(2000, 0);
    expect(oa.users.every((u) => u.status === '在职')).toBe(true);
    expect(oa.users).toHaveLength(2000);
  });
});

describe('OA workbook', () => {
  it('writes the CLI.md layout: sheets 部门 and 人员 with their headers', () => {
    const wb = XLSX.read(oaWorkbookBuffer(demoOaDirectory()));
    expect(wb.SheetNames).toEqual(['部门', '人员']);
    const depts = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['部门'], { header: 1 });
    const users = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets['人员'], { header: 1 });
    expect(depts[0]).toEqual([...DEPT_HEADERS]);
    expect(users[0]).toEqual([...USER_HEADERS]);
    expect(depts[1]).toEqual(['1001', DEMO_CORP_NAME, '', 10, '分部']);
    expect(typeof users[1][3]).toBe('string'); // mobiles stay text
  });
});

describe('resources/demo/demo-oa.xlsx', () => {
  it('is the output of the generator (run `npx tsx main/simulator/seed/write-demo-oa.ts` after changing it)', () => {
    const path = resolve(__dirname, '../../../resources/demo/demo-oa.xlsx');
    const committed = XLSX.read(readFileSync(path));
    const fresh = XLSX.read(oaWorkbookBuffer(demoOaDirectory()));
    for (const sheet of ['部门', '人员']) {
      expect(XLSX.utils.sheet_to_json(committed.Sheets[sheet], { header: 1 })).toEqual(XLSX.utils.sheet_to_json(fresh.Sheets[sheet], { header: 1 }));
    }
  });
});
