// Deterministic synthetic organisations for benchmarks: N members (10k–200k) in about N/20 departments, a
// realistic tree at most 6 levels deep (filled breadth-first with 4–12 children per node), leaf departments
// holding most people. 200k members build in well under a few seconds: plain loops, no per-user hashing.
import { blankUser } from '../user-ops';
import type { SimDepartment, SimUser } from '../types';
import { randomPerson } from './names';
import { Prng } from './prng';

export const SYNTHETIC_ROOT_NAME = '云桥合成测试集团';
export const SYNTHETIC_EMAIL_DOMAIN = 'synthetic.yunqiao-demo.cn';
export const SYNTHETIC_MAX_DEPTH = 6;

const L2 = ['华东', '华南', '华北', '华中', '西南', '西北', '东北', '港澳', '海外', '总部', '长三角', '珠三角'];
const L3 = ['研发中心', '销售中心', '市场中心', '运营中心', '供应链中心', '财务中心', '人力中心', '客服中心', '质量中心', '产品中心', '数据中心', '交付中心'];
const L4 = ['产品', '技术', '交付', '市场', '渠道', '平台', '数据', '测试', '运维', '大客户', '渠道拓展', '解决方案'];
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const POSITIONS = ['工程师', '高级工程师', '产品经理', '销售经理', '客户经理', '运营专员', '财务专员', '人事专员', '主管', '经理', '助理', '分析师'];

function deptName(depth: number, i: number): string {
  switch (depth) {
    case 2:
      return `${L2[i % L2.length]}${i >= L2.length ? Math.floor(i / L2.length) + 1 : ''}事业部`;
    case 3:
      return `${L3[i % L3.length]}${i >= L3.length ? Math.floor(i / L3.length) + 1 : ''}`;
    case 4:
      return `${L4[i % L4.length]}${CN_NUM[Math.floor(i / L4.length) % CN_NUM.length]}部`;
    case 5:
      return `第${CN_NUM[i % CN_NUM.length]}组`;
    default:
      return `${CN_NUM[i % CN_NUM.length]}号小组`;
  }
}

/** Unique for every index below 10^9: 7919 is coprime with 10^9, so i → (i·7919 + c) mod 10^9 is a bijection. */
export function syntheticMobile(i: number, prefix = '13'): string {
  return `${prefix}${String((i * 7919 + 123_456_789) % 1_000_000_000).padStart(9, '0')}`;
}

export interface SyntheticOrg {
  departments: SimDepartment[];
  users: SimUser[];
  /** Employee numbers (工号), parallel to `users`. */
  workcodes: string[];
}

export function syntheticOrg(n: number): SyntheticOrg {
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) throw new Error(`synthetic size must be an integer in [0, 1000000], got ${n}`);
  const rng = new Prng(`synthetic:${n}`);
  const target = Math.max(1, Math.round(n / 20));
  const departments: SimDepartment[] = [{ id: 1, name: SYNTHETIC_ROOT_NAME, name_en: '', parentid: 0, order: 100_000_000, department_leader: [] }];
  const depthOf = new Map<number, number>([[1, 1]]);
  const childCount = new Map<number, number>();
  const queue = [1];
  for (let head = 0; head < queue.length && departments.length < target; head++) {
    const parent = queue[head];
    const depth = (depthOf.get(parent) ?? 1) + 1;
    if (depth > SYNTHETIC_MAX_DEPTH) break; // breadth-first: every later node is at least as deep
    const kids = Math.min(rng.int(4, 12), target - departments.length);
    for (let k = 0; k < kids; k++) {
      const id = departments.length + 1;
      departments.push({ id, name: deptName(depth, k), name_en: '', parentid: parent, order: 100_000_000 - k * 1000, department_leader: [] });
      depthOf.set(id, depth);
      childCount.set(parent, (childCount.get(parent) ?? 0) + 1);
      queue.push(id);
    }
  }
  // Leaves hold most people: weight 6 for a leaf, 1 for an inner department, 0 for the root (unless alone).
  const cumulative: number[] = [];
  let total = 0;
  for (const d of departments) {
    total += d.id === 1 ? (departments.length === 1 ? 1 : 0) : childCount.has(d.id) ? 1 : 6;
    cumulative.push(total);
  }
  const pickDept = (): number => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return departments[lo].id;
  };
  const users: SimUser[] = new Array(n);
  const workcodes: string[] = new Array(n);
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const p = randomPerson(rng);
    const count = seen.get(p.pinyin) ?? 0;
    seen.set(p.pinyin, count + 1);
    const userid = count === 0 ? p.pinyin : `${p.pinyin}${count + 1}`;
    const main = pickDept();
    const second = rng.chance(0.03) ? pickDept() : main;
    const u = blankUser(userid, p.name);
    u.mobile = syntheticMobile(i);
    u.email = `${userid}@${SYNTHETIC_EMAIL_DOMAIN}`;
    u.gender = p.gender;
    u.department = second === main ? [main] : [main, second];
    u.order = second === main ? [0] : [0, 0];
    u.is_leader_in_dept = second === main ? [0] : [0, 0];
    u.main_department = main;
    u.position = rng.pick(POSITIONS);
    u.activated = !rng.chance(0.01);
    u.enable = rng.chance(0.005) ? 0 : 1;
    u.open_userid = `wo${i.toString(36).padStart(8, '0')}${userid.length.toString(36)}`;
    workcodes[i] = `S${String(i + 1).padStart(7, '0')}`;
    users[i] = u;
  }
  return { departments, users, workcodes };
}
