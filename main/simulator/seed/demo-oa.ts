// The demo OA directory, in two states, so that the demo enterprise has an honest sync history:
// - demoOaBaseline(): the OA as it was at the demo's last sync, exactly what WeCom's demo org holds — the same
//   root name, department names and parents, positions and part-time departments, 登录名 = WeCom userid (except the
//   members whose WeCom ids the console generated, who carry another 登录名), and the members WeCom shows disabled
//   are 离职. No new hires.
// - demoOaDirectory(): today's OA, the baseline plus what changed since: one department renamed (测试组 → 质量保障组),
//   one moved (数据组 from 研发中心 to 产品中心), one new (人工智能组, 6 hires), one gone (用户研究组: its people are in
//   产品设计组 now), one outside the demo's 范围设置 (外包人员, 4 contractors directly under the root), 9 other hires,
//   5 people who left (离职), new part-time posts and a few promotions.
// Pure and deterministic (seeded PRNG, no clock).
import { userStatus } from '../user-ops';
import type { SimDepartment, SimUser } from '../types';
import { DEMO_EMAIL_DOMAIN, demoOrg, type DemoOrg } from './demo-org';
import { randomPerson } from './names';
import type { OaDepartment, OaDirectory, OaUser } from './oa-directory';
import { Prng } from './prng';

const oaId = (wecomId: number) => String(1000 + wecomId);

export const DEMO_OA_RENAMED = { wecomId: 22, from: '测试组', to: '质量保障组' };
export const DEMO_OA_MOVED = { wecomId: 24, name: '数据组', fromParent: 11, toParent: 12 };
export const DEMO_OA_NEW_DEPT = { id: '1100', name: '人工智能组', parentWecomId: 11 };
/** Gone from today's OA; its people are in `mergedInto`, so the WeCom department ends up empty and can go. */
export const DEMO_OA_DELETED = { wecomId: 27, name: '用户研究组', mergedInto: 26 };
export const DEMO_OA_OUT_OF_SCOPE = { id: '1200', name: '外包人员', contractors: 4 };
/** The demo corp's 范围设置: the root's four children (总部 and the three branches) with their subtrees — not 外包人员. */
export const DEMO_OA_SCOPE_UNITS: readonly string[] = [2, 3, 4, 5].map(oaId);

const SUBCOMPANIES = new Set([1, 2, 3, 4, 5]);
const HIRES_ELSEWHERE = 9;
const DEPARTURES = 5;
const PART_TIME_TOTAL = 10;

/** OA order is ascending by rank among siblings; WeCom's is descending. */
function baselineDepartments(org: SimDepartment[]): OaDepartment[] {
  const rank = new Map<number, number>();
  const siblings = new Map<number, SimDepartment[]>();
  for (const d of org) siblings.set(d.parentid, [...(siblings.get(d.parentid) ?? []), d]);
  for (const list of siblings.values()) list.sort((a, b) => b.order - a.order).forEach((d, i) => rank.set(d.id, i + 1));
  return org.map((d) => ({
    id: oaId(d.id),
    name: d.name,
    parentId: d.parentid === 0 ? null : oaId(d.parentid),
    order: (rank.get(d.id) ?? 1) * 10,
    type: SUBCOMPANIES.has(d.id) ? '分部' : '部门',
  }));
}

function workcodeOf(u: SimUser): string {
  const attr = u.extattr.attrs[0];
  const text = attr && typeof attr === 'object' && !Array.isArray(attr) ? attr.text : null;
  return text && typeof text === 'object' && !Array.isArray(text) && typeof text.value === 'string' ? text.value : u.userid;
}

function baselineOf(org: DemoOrg): OaDirectory {
  const users: OaUser[] = org.users.map((u, i) => ({
    workcode: workcodeOf(u),
    loginid: u.useridGenerated ? `${u.userid.toLowerCase()}.oa` : u.userid,
    name: u.name,
    mobile: u.mobile,
    email: u.email,
    position: u.position,
    department: oaId(u.main_department),
    partTimeDepartments: u.department.filter((d) => d !== u.main_department).map(oaId),
    status: userStatus(u) === 2 ? '离职' : '在职',
    order: i + 1,
  }));
  return { departments: baselineDepartments(org.departments), users };
}

export function demoOaBaseline(): OaDirectory {
  return baselineOf(demoOrg());
}

function todayDepartments(baseline: OaDepartment[]): OaDepartment[] {
  const out = baseline
    .filter((d) => d.id !== oaId(DEMO_OA_DELETED.wecomId))
    .map((d) => {
      if (d.id === oaId(DEMO_OA_RENAMED.wecomId)) return { ...d, name: DEMO_OA_RENAMED.to };
      // Last among 产品中心's groups.
      if (d.id === oaId(DEMO_OA_MOVED.wecomId)) return { ...d, parentId: oaId(DEMO_OA_MOVED.toParent), order: 90 };
      return d;
    });
  out.push({ id: DEMO_OA_NEW_DEPT.id, name: DEMO_OA_NEW_DEPT.name, parentId: oaId(DEMO_OA_NEW_DEPT.parentWecomId), order: 70, type: '部门' });
  out.push({ id: DEMO_OA_OUT_OF_SCOPE.id, name: DEMO_OA_OUT_OF_SCOPE.name, parentId: oaId(1), order: 50, type: '部门' });
  return out;
}

/** The deleted department's people, main and part-time posts alike, are in the department it merged into. */
function mergeDeleted(u: OaUser): OaUser {
  const from = oaId(DEMO_OA_DELETED.wecomId);
  const to = oaId(DEMO_OA_DELETED.mergedInto);
  const department = u.department === from ? to : u.department;
  const partTime = u.partTimeDepartments.map((d) => (d === from ? to : d)).filter((d, i, all) => d !== department && all.indexOf(d) === i);
  return { ...u, department, partTimeDepartments: partTime };
}

/** New OA-only people: unique 登录名 (against WeCom's userids too) and unique mobiles. */
function newcomers(rng: Prng, org: DemoOrg) {
  const taken = new Set(org.users.map((u) => u.userid.toLowerCase()));
  const mobiles = new Set(org.users.map((u) => u.mobile));
  return (prefix: string) => {
    const p = randomPerson(rng);
    let loginid = p.pinyin;
    for (let n = 2; taken.has(loginid); n++) loginid = `${p.pinyin}${n}`;
    taken.add(loginid);
    let mobile: string;
    do mobile = `${prefix}${String(rng.int(100_000_000, 999_999_999))}`;
    while (mobiles.has(mobile));
    mobiles.add(mobile);
    return { name: p.name, loginid, mobile, email: `${loginid}@${DEMO_EMAIL_DOMAIN}` };
  };
}

export function demoOaDirectory(): OaDirectory {
  const org = demoOrg();
  const baseline = baselineOf(org);
  const rng = new Prng('yunqiao-demo-oa');
  const departments = todayDepartments(baseline.departments);
  const users = baseline.users.map(mergeDeleted);
  const byUserid = new Map(org.users.map((u, i) => [u.userid, users[i]]));
  // Left since the last sync: people still active in WeCom. Not from the deleted department: a disabled member
  // stays in his WeCom department, which then could not be deleted.
  const leaving = rng
    .shuffle(org.users.filter((u) => userStatus(u) === 1 && !u.creator && !u.useridGenerated && u.is_leader_in_dept[0] === 0))
    .filter((u) => !u.department.includes(DEMO_OA_DELETED.wecomId))
    .slice(0, DEPARTURES);
  for (const u of leaving) (byUserid.get(u.userid) as OaUser).status = '离职';
  // New part-time posts, up to ten people with one (some already have theirs in WeCom).
  const withPartTime = users.filter((u) => u.partTimeDepartments.length > 0).length;
  const candidates = rng.shuffle(users.filter((u) => u.status === '在职' && u.partTimeDepartments.length === 0));
  const skip = new Set([oaId(1), oaId(2), DEMO_OA_OUT_OF_SCOPE.id]);
  const deptIds = departments.map((d) => d.id).filter((id) => !skip.has(id));
  for (const u of candidates.slice(0, Math.max(0, PART_TIME_TOTAL - withPartTime))) {
    let extra = rng.pick(deptIds);
    while (extra === u.department) extra = rng.pick(deptIds);
    u.partTimeDepartments = [extra];
  }
  // A few promotions: the OA has the newer position.
  for (const u of candidates.slice(20, 24)) u.position = u.position.startsWith('高级') ? `资深${u.position.slice(2)}` : `高级${u.position}`;
  // New hires: six in the new department, nine elsewhere.
  const person = newcomers(rng, org);
  const targets = [...Array<string>(6).fill(DEMO_OA_NEW_DEPT.id), ...rng.shuffle(deptIds).slice(0, HIRES_ELSEWHERE)];
  targets.forEach((dept, i) => {
    users.push({
      ...person('15'),
      workcode: `YQ${String(org.users.length + i + 1).padStart(4, '0')}`,
      position: dept === DEMO_OA_NEW_DEPT.id ? (i === 0 ? '人工智能组长' : '算法工程师') : '专员',
      department: dept,
      partTimeDepartments: [],
      status: '在职',
      order: org.users.length + i + 1,
    });
  });
  // Contractors: in the OA, but not for WeCom (outside 范围设置). Their own numbering, as an outsourcing firm's.
  for (let i = 0; i < DEMO_OA_OUT_OF_SCOPE.contractors; i++) {
    users.push({
      ...person('17'),
      workcode: `WB${String(i + 1).padStart(3, '0')}`,
      position: ['外包开发工程师', '外包测试工程师', '驻场运维工程师', '外包客服专员'][i % 4],
      department: DEMO_OA_OUT_OF_SCOPE.id,
      partTimeDepartments: [],
      status: '在职',
      order: users.length + 1,
    });
  }
  return { departments, users };
}
