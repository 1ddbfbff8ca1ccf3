import { describe, expect, it } from 'vitest';
import { SimState } from '../../../main/simulator/sim-state';
import { DEMO_OA_DELETED } from '../../../main/simulator/seed/demo-oa';
import { DEMO_CORP_NAME, demoOrg } from '../../../main/simulator/seed/demo-org';
import { parseSeed, seedState } from '../../../main/simulator/seed/seeds';
import { SYNTHETIC_ROOT_NAME, syntheticOrg } from '../../../main/simulator/seed/synthetic';
import { userStatus } from '../../../main/simulator/user-ops';

const NOW = Date.UTC(2025, 2, 12, 4); // a Wednesday, 12:00 in China

describe('seed names', () => {
  it('accepts demo, empty and synthetic:N only', () => {
    expect(parseSeed('demo')).toBe('demo');
    expect(parseSeed('synthetic:25000')).toBe('synthetic:25000');
    expect(parseSeed('synthetic:')).toBeNull();
    expect(parseSeed('synthetic:-1')).toBeNull();
    expect(parseSeed('other')).toBeNull();
  });
});

describe('empty seed', () => {
  it('holds the root department named after the corp and the apps', () => {
    const s = new SimState(seedState('empty', NOW));
    expect([...s.departments.values()]).toEqual([expect.objectContaining({ id: 1, name: DEMO_CORP_NAME, parentid: 0 })]);
    expect(s.users.size).toBe(0);
    expect(s.apps.map((a) => a.agentid)).toEqual([1000002, 1000003, 1000004]);
  });
});

describe('demo seed', () => {
  const data = seedState('demo', NOW);
  const s = new SimState(data);
  const users = [...s.users.values()];

  it('is deterministic, time only moving the check-in and customer timestamps', () => {
    const again = seedState('demo', NOW);
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
    const later = seedState('demo', NOW + 86400_000 * 30);
    expect(later.users).toEqual(data.users);
    expect(later.departments).toEqual(data.departments);
    expect(later.apps).toEqual(data.apps);
  });

  it('has about 300 members in 40 departments over 4 levels under 云桥演示科技有限公司', () => {
    expect(s.dept(1)?.name).toBe('云桥演示科技有限公司');
    expect(s.departments.size).toBe(40);
    expect(Math.max(...[...s.departments.keys()].map((id) => s.depth(id)))).toBe(4);
    expect(users.length).toBeGreaterThanOrEqual(280);
    expect(users.length).toBeLessThanOrEqual(320);
    expect(users.every((u) => /[\u4e00-\u9fa5]{2,4}/.test(u.name))).toBe(true);
    expect(s.children(1).map((d) => d.name)).toEqual(['总部', '华东分公司', '华南分公司', '华北分公司']);
  });

  it('has unique mobiles and emails, valid departments, positions, and one creator', () => {
    expect(new Set(users.map((u) => u.mobile)).size).toBe(users.length);
    expect(new Set(users.map((u) => u.email.toLowerCase())).size).toBe(users.length);
    expect(users.every((u) => u.department.every((d) => s.dept(d)) && u.department.includes(u.main_department))).toBe(true);
    expect(users.every((u) => u.position !== '')).toBe(true);
    expect(users.filter((u) => u.creator)).toHaveLength(1);
    expect(users.filter((u) => u.department.length === 2).length).toBeGreaterThanOrEqual(3);
  });

  it('has a few disabled and not-activated members', () => {
    const byStatus = (st: number) => users.filter((u) => userStatus(u) === st).length;
    expect(byStatus(2)).toBeGreaterThanOrEqual(3);
    expect(byStatus(4)).toBeGreaterThanOrEqual(3);
    expect(byStatus(1)).toBeGreaterThan(250);
  });

  it('serves demoOrg(), which the demo OA baseline mirrors; 用户研究组, gone from today\'s OA, has no disabled member left in it', () => {
    const org = demoOrg();
    expect(data.departments).toEqual(org.departments);
    expect(data.users).toEqual(org.users);
    // A disabled member stays in his WeCom department, which could then not be deleted.
    const researchers = users.filter((u) => u.department.includes(DEMO_OA_DELETED.wecomId));
    expect(researchers.length).toBeGreaterThan(0);
    expect(researchers.filter((u) => userStatus(u) === 2)).toEqual([]);
    expect(s.dept(DEMO_OA_DELETED.wecomId)?.name).toBe(DEMO_OA_DELETED.name);
  });

  it('has three apps: whole company, one subtree, and users only', () => {
    const [all, sub, usersOnly] = s.apps;
    expect(all.allow_partys).toEqual([1]);
    expect(sub.allow_partys).toEqual([11]);
    expect(usersOnly.allow_partys).toEqual([]);
    expect(usersOnly.allow_users.length).toBeGreaterThanOrEqual(5);
    expect(usersOnly.allow_users.every((id) => s.user(id))).toBe(true);
    expect(new Set(s.apps.map((a) => a.secret)).size).toBe(3);
  });

  it('has external contacts for sales members and check-ins for the last 7 days', () => {
    expect(s.externalContacts.size).toBeGreaterThanOrEqual(50);
    for (const c of s.externalContacts.values()) for (const f of c.follow_user) expect(s.user(f.userid)?.customerContact).toBe(true);
    const times = s.checkins.map((r) => r.checkin_time * 1000);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW - 8 * 86400_000);
    expect(Math.max(...times)).toBeLessThan(NOW);
    const checkedIn = new Set(s.checkins.map((r) => r.userid));
    expect(users.filter((u) => userStatus(u) !== 1).some((u) => checkedIn.has(u.userid))).toBe(false);
  });
});

describe('synthetic seed', () => {
  it('is deterministic for N and has N unique members in ~N/20 departments at most 6 deep', () => {
    const a = syntheticOrg(10_000);
    const b = syntheticOrg(10_000);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.users).toHaveLength(10_000);
    expect(a.departments).toHaveLength(500);
    expect(a.departments[0]).toMatchObject({ id: 1, name: SYNTHETIC_ROOT_NAME });
    const s = new SimState(seedState('synthetic:10000', NOW));
    expect(s.users.size).toBe(10_000); // userids unique ignoring case
    expect(new Set(a.users.map((u) => u.mobile)).size).toBe(10_000);
    expect(Math.max(...[...s.departments.keys()].map((id) => s.depth(id)))).toBeLessThanOrEqual(6);
    const siblings = new Set(a.departments.map((d) => `${d.parentid}/${d.name}`));
    expect(siblings.size).toBe(a.departments.length); // names unique among siblings
  });

  it('generates 200k members in a few seconds, 6 levels deep', () => {
    const t = Date.now();
    const org = syntheticOrg(200_000);
    const s = new SimState({ ...seedState('empty', NOW), departments: org.departments, users: org.users });
    expect(Date.now() - t).toBeLessThan(8000);
    expect(s.users.size).toBe(200_000);
    expect(org.departments).toHaveLength(10_000);
    expect(Math.max(...[...s.departments.keys()].map((id) => s.depth(id)))).toBe(6);
  });
});
