import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { demoOaDirectory } from '../../../main/simulator/seed/demo-oa';
import { demoOrg, DEMO_CORP_NAME } from '../../../main/simulator/seed/demo-org';
import { DEPT_HEADERS, oaWorkbookBuffer, USER_HEADERS } from '../../../main/simulator/seed/oa-directory';
import { syntheticDiffCounts, syntheticOaDirectory } from '../../../main/simulator/seed/synthetic-oa';
import { syntheticOrg } from '../../../main/simulator/seed/synthetic';

describe('demo OA directory', () => {
  const oa = demoOaDirectory();
  const org = demoOrg();
  const byMobile = new Map(org.users.map((u) => [u.mobile, u]));
  const deptName = (id: string) => oa.departments.find((d) => d.id === id)?.name;

  it('is deterministic and has the same root name as the WeCom demo', () => {
    expect(JSON.stringify(demoOaDirectory())).toBe(JSON.stringify(oa));
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

  it('has ~15 new people, ~8 departed, ~10 with part-time posts', () => {
    expect(oa.users.filter((u) => !byMobile.has(u.mobile))).toHaveLength(15);
    expect(oa.users.filter((u) => u.status === '离职')).toHaveLength(8);
    expect(oa.users.filter((u) => u.partTimeDepartments.length > 0)).toHaveLength(10);
    expect(new Set(oa.users.map((u) => u.mobile)).size).toBe(oa.users.length);
    expect(new Set(oa.users.map((u) => u.loginid.toLowerCase())).size).toBe(oa.users.length);
    const ids = new Set(oa.departments.map((d) => d.id));
    expect(oa.users.every((u) => ids.has(u.department) && u.partTimeDepartments.every((p) => ids.has(p) && p !== u.department))).toBe(true);
  });

  it('renames one department, moves one, and adds one', () => {
    expect(oa.departments.find((d) => d.id === '1022')?.name).toBe('质量保障组');
    expect(oa.departments.some((d) => d.name === '测试组')).toBe(false);
    const data = oa.departments.find((d) => d.name === '数据组');
    expect(deptName(data?.parentId ?? '')).toBe('产品中心');
    const added = oa.departments.find((d) => d.name === '人工智能组');
    expect(deptName(added?.parentId ?? '')).toBe('研发中心');
    expect(oa.users.filter((u) => u.department === added?.id).length).toBeGreaterThan(0);
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
