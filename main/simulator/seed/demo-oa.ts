// The demo OA directory matching the demo enterprise: the same root name, most people matching by mobile with
// 登录名 = WeCom userid, and the differences a first sync should show — about 15 new people, 8 departed (离职),
// 10 with part-time departments, a few new positions, one department renamed (测试组 → 质量保障组), one moved
// (数据组 from 研发中心 to 产品中心), one new (人工智能组), and the members whose WeCom ids the console generated
// carrying another 登录名. Deterministic.
import { userStatus } from '../user-ops';
import type { SimDepartment, SimUser } from '../types';
import { DEMO_EMAIL_DOMAIN, demoOrg } from './demo-org';
import { randomPerson } from './names';
import type { OaDepartment, OaDirectory, OaUser } from './oa-directory';
import { Prng } from './prng';

const oaId = (wecomId: number) => String(1000 + wecomId);

export const DEMO_OA_RENAMED = { wecomId: 22, from: '测试组', to: '质量保障组' };
export const DEMO_OA_MOVED = { wecomId: 24, name: '数据组', fromParent: 11, toParent: 12 };
export const DEMO_OA_NEW_DEPT = { id: '1100', name: '人工智能组', parentWecomId: 11 };
const SUBCOMPANIES = new Set([1, 2, 3, 4, 5]);

function departments(org: SimDepartment[]): OaDepartment[] {
  const rank = new Map<number, number>();
  const siblings = new Map<number, SimDepartment[]>();
  for (const d of org) siblings.set(d.parentid, [...(siblings.get(d.parentid) ?? []), d]);
  for (const list of siblings.values()) list.sort((a, b) => b.order - a.order).forEach((d, i) => rank.set(d.id, i + 1));
  const out: OaDepartment[] = org.map((d) => ({
    id: oaId(d.id),
    name: d.id === DEMO_OA_RENAMED.wecomId ? DEMO_OA_RENAMED.to : d.name,
    parentId: d.parentid === 0 ? null : oaId(d.id === DEMO_OA_MOVED.wecomId ? DEMO_OA_MOVED.toParent : d.parentid),
    order: d.id === DEMO_OA_MOVED.wecomId ? 90 : (rank.get(d.id) ?? 1) * 10,
    type: SUBCOMPANIES.has(d.id) ? '分部' : '部门',
  }));
  out.push({ id: DEMO_OA_NEW_DEPT.id, name: DEMO_OA_NEW_DEPT.name, parentId: oaId(DEMO_OA_NEW_DEPT.parentWecomId), order: 70, type: '部门' });
  return out;
}

function workcodeOf(u: SimUser): string {
  const attr = u.extattr.attrs[0];
  const text = attr && typeof attr === 'object' && !Array.isArray(attr) ? attr.text : null;
  return text && typeof text === 'object' && !Array.isArray(text) && typeof text.value === 'string' ? text.value : u.userid;
}

export function demoOaDirectory(): OaDirectory {
  const org = demoOrg();
  const rng = new Prng('yunqiao-demo-oa');
  const users: OaUser[] = org.users.map((u, i) => ({
    workcode: workcodeOf(u),
    loginid: u.useridGenerated ? `${u.userid.toLowerCase()}.oa` : u.userid,
    name: u.name,
    mobile: u.mobile,
    email: u.email,
    position: u.position,
    department: oaId(u.main_department),
    partTimeDepartments: u.department.filter((d) => d !== u.main_department).map(oaId),
    status: '在职',
    order: i + 1,
  }));
  const byUserid = new Map(org.users.map((u, i) => [u.userid, users[i]]));
  // Departed: three members WeCom already shows as disabled, five who are still active there.
  const disabled = org.users.filter((u) => userStatus(u) === 2).slice(0, 3);
  const active = rng
    .shuffle(org.users.filter((u) => userStatus(u) === 1 && !u.creator && !u.useridGenerated && u.is_leader_in_dept[0] === 0))
    .slice(0, 5);
  for (const u of [...disabled, ...active]) (byUserid.get(u.userid) as OaUser).status = '离职';
  // Part-time posts (the WeCom members in two departments already have one).
  const withPartTime = users.filter((u) => u.partTimeDepartments.length > 0).length;
  const candidates = rng.shuffle(users.filter((u) => u.status === '在职' && u.partTimeDepartments.length === 0));
  const deptIds = departments(org.departments).map((d) => d.id).filter((id) => id !== oaId(1) && id !== oaId(2));
  for (const u of candidates.slice(0, Math.max(0, 10 - withPartTime))) {
    let extra = rng.pick(deptIds);
    while (extra === u.department) extra = rng.pick(deptIds);
    u.partTimeDepartments = [extra];
  }
  // A few promotions: the OA has the newer position.
  for (const u of candidates.slice(20, 24)) u.position = u.position.startsWith('高级') ? `资深${u.position.slice(2)}` : `高级${u.position}`;
  // New hires on the OA side only: six in the new department, nine elsewhere.
  const taken = new Set(org.users.map((u) => u.userid.toLowerCase()));
  const mobiles = new Set(org.users.map((u) => u.mobile));
  const targets = [...Array(6).fill(DEMO_OA_NEW_DEPT.id), ...rng.shuffle(deptIds).slice(0, 9)];
  targets.forEach((dept, i) => {
    const p = randomPerson(rng);
    let loginid = p.pinyin;
    for (let n = 2; taken.has(loginid); n++) loginid = `${p.pinyin}${n}`;
    taken.add(loginid);
    let mobile: string;
    do mobile = `15${String(rng.int(100_000_000, 999_999_999))}`;
    while (mobiles.has(mobile));
    mobiles.add(mobile);
    users.push({
      workcode: `YQ${String(org.users.length + i + 1).padStart(4, '0')}`,
      loginid,
      name: p.name,
      mobile,
      email: `${loginid}@${DEMO_EMAIL_DOMAIN}`,
      position: dept === DEMO_OA_NEW_DEPT.id ? (i === 0 ? '人工智能组长' : '算法工程师') : '专员',
      department: dept,
      partTimeDepartments: [],
      status: '在职',
      order: org.users.length + i + 1,
    });
  });
  return { departments: departments(org.departments), users };
}
