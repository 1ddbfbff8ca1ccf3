// The demo enterprise 「云桥演示科技有限公司」: 40 departments over 4 levels and about 300 members with Chinese
// names, positions, leaders, unique mobiles/emails, a few disabled and not-yet-activated members, some in two
// departments and a few with console-generated userids. Pure and deterministic (no clock, seeded PRNG).
import { blankUser, openUserid } from '../user-ops';
import type { SimDepartment, SimUser } from '../types';
import { randomPerson, toPinyinUserid } from './names';
import { Prng } from './prng';

export const DEMO_CORP_NAME = '云桥演示科技有限公司';
export const DEMO_CORPID = 'ww5d8c3a1e9f27b640';
export const DEMO_EMAIL_DOMAIN = 'yunqiao-demo.cn';

interface DeptSpec {
  id: number;
  name: string;
  parent: number;
  size: number;
  /** [leader title, member titles…] */
  titles: string[];
}

const OFFICE = ['办事处主任', '销售经理', '客户经理', '技术支持工程师', '商务专员'];
const D: DeptSpec[] = [
  { id: 1, name: DEMO_CORP_NAME, parent: 0, size: 0, titles: [] },
  { id: 2, name: '总部', parent: 1, size: 0, titles: [] },
  { id: 3, name: '华东分公司', parent: 1, size: 2, titles: ['华东区总经理', '区域助理'] },
  { id: 4, name: '华南分公司', parent: 1, size: 2, titles: ['华南区总经理', '区域助理'] },
  { id: 5, name: '华北分公司', parent: 1, size: 2, titles: ['华北区总经理', '区域助理'] },
  { id: 10, name: '总裁办', parent: 2, size: 4, titles: ['总经理', '副总经理', '总经理助理', '董事会秘书'] },
  { id: 11, name: '研发中心', parent: 2, size: 3, titles: ['研发总监', '技术专家', '研发助理'] },
  { id: 12, name: '产品中心', parent: 2, size: 2, titles: ['产品总监', '产品助理'] },
  { id: 13, name: '市场部', parent: 2, size: 3, titles: ['市场总监', '市场主管'] },
  { id: 14, name: '销售部', parent: 2, size: 3, titles: ['销售总监', '销售运营'] },
  { id: 15, name: '人力资源部', parent: 2, size: 4, titles: ['人力资源总监', 'HRBP', '薪酬专员'] },
  { id: 16, name: '财务部', parent: 2, size: 6, titles: ['财务总监', '财务经理', '税务专员'] },
  { id: 17, name: '行政部', parent: 2, size: 8, titles: ['行政经理', '行政专员', '前台', '司机'] },
  { id: 18, name: '运营中心', parent: 2, size: 3, titles: ['运营总监', '运营经理'] },
  { id: 20, name: '前端组', parent: 11, size: 16, titles: ['前端组长', '前端开发工程师', '高级前端开发工程师'] },
  { id: 21, name: '后端组', parent: 11, size: 22, titles: ['后端组长', '后端开发工程师', '高级后端开发工程师', '架构师'] },
  { id: 22, name: '测试组', parent: 11, size: 12, titles: ['测试组长', '测试工程师', '自动化测试工程师'] },
  { id: 23, name: '运维组', parent: 11, size: 8, titles: ['运维组长', '运维工程师', 'SRE 工程师'] },
  { id: 24, name: '数据组', parent: 11, size: 11, titles: ['数据组长', '数据分析师', '数据工程师'] },
  { id: 25, name: '移动端组', parent: 11, size: 12, titles: ['移动端组长', 'iOS 开发工程师', 'Android 开发工程师'] },
  { id: 26, name: '产品设计组', parent: 12, size: 11, titles: ['产品设计组长', '产品经理', 'UI 设计师', '交互设计师'] },
  { id: 27, name: '用户研究组', parent: 12, size: 6, titles: ['用户研究组长', '用户研究员'] },
  { id: 28, name: '品牌组', parent: 13, size: 7, titles: ['品牌经理', '市场专员', '平面设计师'] },
  { id: 29, name: '渠道组', parent: 13, size: 7, titles: ['渠道经理', '渠道专员'] },
  { id: 30, name: '大客户组', parent: 14, size: 12, titles: ['大客户组长', '大客户经理', '销售经理'] },
  { id: 31, name: '电销组', parent: 14, size: 14, titles: ['电销组长', '电话销售专员', '销售代表'] },
  { id: 32, name: '招聘组', parent: 15, size: 5, titles: ['招聘主管', '招聘专员'] },
  { id: 33, name: '培训组', parent: 15, size: 4, titles: ['培训主管', '培训专员'] },
  { id: 34, name: '客服组', parent: 18, size: 15, titles: ['客服主管', '客服专员'] },
  { id: 35, name: '内容运营组', parent: 18, size: 8, titles: ['内容运营主管', '内容运营', '新媒体运营'] },
  { id: 36, name: '会计组', parent: 16, size: 5, titles: ['会计主管', '会计', '出纳'] },
  { id: 40, name: '上海办事处', parent: 3, size: 4, titles: OFFICE },
  { id: 41, name: '杭州办事处', parent: 3, size: 10, titles: OFFICE },
  { id: 42, name: '南京办事处', parent: 3, size: 7, titles: OFFICE },
  { id: 43, name: '销售一组', parent: 40, size: 9, titles: ['销售组长', '销售经理', '客户经理'] },
  { id: 44, name: '技术支持组', parent: 40, size: 7, titles: ['技术支持组长', '技术支持工程师', '实施工程师'] },
  { id: 45, name: '广州办事处', parent: 4, size: 11, titles: OFFICE },
  { id: 46, name: '深圳办事处', parent: 4, size: 12, titles: OFFICE },
  { id: 47, name: '北京办事处', parent: 5, size: 12, titles: OFFICE },
  { id: 48, name: '天津办事处', parent: 5, size: 8, titles: OFFICE },
];

/** Sales-facing departments: their members have 客户联系 permission. */
export const DEMO_SALES_DEPTS = [14, 30, 31, 34, 3, 4, 5, 40, 41, 42, 43, 45, 46, 47, 48];
export const DEMO_RD_CENTER = 11;

const OFFICE_ADDRESS: Record<number, string> = {
  1: '上海市浦东新区张江路 88 号云桥大厦',
  3: '上海市浦东新区张江路 88 号云桥大厦',
  4: '广州市天河区珠江新城华夏路 16 号',
  5: '北京市海淀区中关村大街 27 号',
};

function branchOf(depts: Map<number, DeptSpec>, id: number): number {
  let d = depts.get(id);
  while (d && d.parent !== 1 && d.parent !== 0) d = depts.get(d.parent);
  return d && (d.id === 3 || d.id === 4 || d.id === 5) ? d.id : 1;
}

export interface DemoOrg {
  departments: SimDepartment[];
  users: SimUser[];
}

export function demoOrg(): DemoOrg {
  const rng = new Prng('yunqiao-demo-org');
  const specs = new Map(D.map((d) => [d.id, d]));
  const departments: SimDepartment[] = D.map((d, i) => ({
    id: d.id,
    name: d.name,
    name_en: '',
    parentid: d.parent === 0 ? 0 : d.parent,
    order: 100_000_000 - i * 1000,
    department_leader: [],
  }));
  const users: SimUser[] = [];
  const taken = new Set<string>();
  const mobiles = new Set<string>();
  const byDept = new Map<number, SimUser[]>();
  let seq = 0;
  // People are numbered (工号) in tree order: 总部 and its centres first, then the branches.
  const dfs: DeptSpec[] = [];
  const visit = (id: number) => {
    const spec = specs.get(id);
    if (spec) dfs.push(spec);
    for (const child of D.filter((d) => d.parent === id).sort((a, b) => a.id - b.id)) visit(child.id);
  };
  visit(1);
  for (const spec of dfs) {
    const members: SimUser[] = [];
    for (let i = 0; i < spec.size; i++) {
      const p = randomPerson(rng);
      let userid = p.pinyin;
      for (let n = 2; taken.has(userid); n++) userid = `${p.pinyin}${n}`;
      taken.add(userid);
      let mobile: string;
      do mobile = `1${rng.pick(['38', '39', '58', '86', '35', '37', '88', '36', '50', '52'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
      while (mobiles.has(mobile));
      mobiles.add(mobile);
      seq++;
      const u = blankUser(userid, p.name);
      Object.assign(u, {
        mobile,
        email: `${userid}@${DEMO_EMAIL_DOMAIN}`,
        gender: p.gender,
        department: [spec.id],
        order: [spec.size - i],
        is_leader_in_dept: [i === 0 ? 1 : 0],
        main_department: spec.id,
        position: i === 0 ? spec.titles[0] : rng.pick(spec.titles.length > 1 ? spec.titles.slice(1) : spec.titles),
        activated: true,
        telephone: rng.chance(0.3) ? `021-6${String(rng.int(0, 9_999_999)).padStart(7, '0')}` : '',
        address: OFFICE_ADDRESS[branchOf(specs, spec.id)],
        extattr: { attrs: [{ type: 0, name: '工号', text: { value: `YQ${String(seq).padStart(4, '0')}` } }] },
        customerContact: DEMO_SALES_DEPTS.includes(spec.id),
        open_userid: openUserid(DEMO_CORPID, userid),
        avatar: `https://wework.qpic.cn/wwpic/demo${String(seq).padStart(4, '0')}/0`,
      });
      members.push(u);
      users.push(u);
    }
    byDept.set(spec.id, members);
  }
  // Leaders: department_leader and each member's direct leader (the head of his department, or of its parent).
  const leaderOf = (id: number): SimUser | undefined => {
    for (let s = specs.get(id); s; s = specs.get(s.parent)) {
      const head = byDept.get(s.id)?.[0];
      if (head) return head;
    }
    return undefined;
  };
  for (const d of departments) {
    const head = byDept.get(d.id)?.[0];
    if (head) d.department_leader = [head.userid];
  }
  for (const u of users) {
    const head = u.is_leader_in_dept[0] === 1 ? leaderOf(specs.get(u.main_department)?.parent ?? 0) : leaderOf(u.main_department);
    if (head && head !== u) u.direct_leader = [head.userid];
  }
  const pick = (dept: number, fromEnd: number) => {
    const list = byDept.get(dept) ?? [];
    return list[list.length - 1 - fromEnd];
  };
  byDept.get(10)![0].creator = true;
  byDept.get(30)!.forEach((u, i) => (u.msgaudit = i < 6));
  // A few disabled members and a few who have not joined yet.
  for (const [dept, k] of [[22, 0], [31, 0], [34, 0], [45, 0]] as const) pick(dept, k).enable = 0;
  for (const [dept, k] of [[20, 0], [21, 0], [28, 0], [41, 0], [47, 0], [32, 0]] as const) {
    const u = pick(dept, k);
    u.activated = false;
    u.avatar = '';
  }
  // Some members belong to two departments.
  for (const [dept, k, extra] of [[23, 0, 21], [27, 1, 26], [15, 1, 11], [44, 1, 41], [24, 2, 18]] as const) {
    const u = pick(dept, k);
    u.department = [dept, extra];
    u.order = [u.order[0], 0];
    u.is_leader_in_dept = [u.is_leader_in_dept[0], 0];
  }
  // Members the console created without an explicit account: WeCom generated CamelCase ids.
  for (const [dept, k] of [[48, 1], [48, 2], [42, 1], [42, 2]] as const) {
    const u = pick(dept, k);
    const generated = toPinyinUserid(u.name, true) ?? u.userid;
    if (users.some((x) => x !== u && x.userid.toLowerCase() === generated.toLowerCase())) continue;
    for (const x of users) x.direct_leader = x.direct_leader.map((l) => (l === u.userid ? generated : l));
    for (const d of departments) d.department_leader = d.department_leader.map((l) => (l === u.userid ? generated : l));
    u.userid = generated;
    u.email = `${generated.toLowerCase()}.${dept}@${DEMO_EMAIL_DOMAIN}`;
    u.useridGenerated = true;
    u.open_userid = openUserid(DEMO_CORPID, generated);
  }
  return { departments, users };
}
