// Planner inputs for N synthetic users: the simulator's synthetic:N WeCom org as the mirror, its OA twin
// with a chosen percentage of differences, everyone bound and every department linked (an established sync).
import type { OaDirectory } from '../../main/org/oa-model';
import { syntheticOaDirectory, syntheticOrg } from '../../main/simulator';
import type { Mirror, WxStatus } from '../../main/sync/model';
import type { PlanInput } from '../../main/sync/plan-types';
import { defaultSettings } from '../../main/sync/settings-schema';

export function syntheticInputs(n: number, diffPct: number): PlanInput {
  const org = syntheticOrg(n);
  const mirror: Mirror = {
    departments: org.departments.map((d) => ({ id: d.id, name: d.name, parentId: d.parentid === 0 ? null : d.parentid, order: d.order })),
    users: org.users.map((u) => ({
      userid: u.userid,
      name: u.name,
      mobile: u.mobile || null,
      email: u.email || null,
      position: u.position || null,
      department: u.department,
      mainDepartment: u.main_department,
      status: (u.enable === 0 ? 2 : u.activated ? 1 : 4) as WxStatus,
      extra: {},
    })),
  };
  const twin = syntheticOaDirectory(n, diffPct);
  const oa: OaDirectory = {
    departments: twin.departments.map((d) => ({ id: d.id, name: d.name, parentId: d.parentId, order: d.order, type: d.type === '分部' ? 'subcompany' : 'department' })),
    users: twin.users.map((u) => ({
      id: u.workcode,
      workcode: u.workcode,
      loginid: u.loginid,
      name: u.name,
      mobile: u.mobile || null,
      email: u.email || null,
      position: u.position || null,
      department: u.department,
      partTimeDepartments: u.partTimeDepartments,
      status: u.status === '在职' ? 'active' : 'departed',
      order: u.order,
      custom: {},
    })),
  };
  // Established sync: WeCom users bound to the OA people with the same mobile, departments linked by id
  // (the twin names OA departments D<WeCom id>, see syntheticOaDirectory).
  const byMobile = new Map(oa.users.map((u) => [u.mobile, u.id]));
  const userBindings = mirror.users.flatMap((w) => {
    const oaId = w.mobile ? byMobile.get(w.mobile) : undefined;
    return oaId ? [{ wxUserid: w.userid, oaUserId: oaId, source: 'auto' as const, boundAt: '2026-01-01T00:00:00.000Z', disabledAt: null }] : [];
  });
  const oaDeptIds = new Set(oa.departments.map((d) => d.id));
  const deptLinks = mirror.departments.filter((d) => oaDeptIds.has(`D${d.id}`)).map((d) => ({ wxDeptId: d.id, oaDeptId: `D${d.id}` }));
  // In the same order the store hands them to the planner (ORDER BY userid / wx_userid).
  const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  mirror.users.sort(byKey((u) => u.userid));
  userBindings.sort(byKey((b) => b.wxUserid));
  return {
    oa,
    mirror,
    userBindings,
    deptLinks,
    settings: defaultSettings({ hasContactSecret: true }),
    context: { now: '2026-11-25T00:00:00.000Z', previousActive: null, previousScope: null, pullComplete: true },
  };
}
