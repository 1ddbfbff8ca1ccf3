import type { OaDept, OaUser } from '../../../main/org/oa-model';
import type { DeptLink, UserBinding, WxDept, WxUser } from '../../../main/sync/model';
import type { PlanInput } from '../../../main/sync/plan-types';
import { defaultSettings, type SyncSettings } from '../../../main/sync/settings-schema';

export const oaDept = (id: string, name: string, parentId: string | null, order = 0): OaDept => ({ id, name, parentId, order, type: 'department' });
export const oaUser = (id: string, name: string, department: string, more: Partial<OaUser> = {}): OaUser => ({
  id,
  workcode: id,
  loginid: `u${id}`,
  name,
  mobile: `1380000${String([...id].reduce((n, c) => n + c.charCodeAt(0), 0)).padStart(4, '0')}`,
  email: null,
  position: null,
  department,
  partTimeDepartments: [],
  status: 'active',
  order: 0,
  custom: {},
  ...more,
});
export const wxDept = (id: number, name: string, parentId: number | null, order = 0): WxDept => ({ id, name, parentId, order });
export const wxUser = (userid: string, name: string, department: number[], more: Partial<WxUser> = {}): WxUser => ({
  userid,
  name,
  mobile: null,
  email: null,
  position: null,
  department,
  mainDepartment: department[0] ?? null,
  status: 1,
  extra: {},
  ...more,
});
export const bound = (wxUserid: string, oaUserId: string, more: Partial<UserBinding> = {}): UserBinding => ({ wxUserid, oaUserId, source: 'auto', boundAt: '2026-01-01T00:00:00.000Z', disabledAt: null, ...more });
export const linked = (wxDeptId: number, oaDeptId: string): DeptLink => ({ wxDeptId, oaDeptId });

/** The standard small company: OA 云桥科技 → 研发中心 → 前端组, 市场部; WeCom the same root. */
export function baseInput(over: Partial<Omit<PlanInput, 'settings'>> & { settings?: Partial<SyncSettings> } = {}): PlanInput {
  return {
    oa: over.oa ?? {
      departments: [oaDept('1', '云桥科技', null), oaDept('2', '研发中心', '1', 1), oaDept('3', '前端组', '2', 1), oaDept('4', '市场部', '1', 2)],
      users: [],
    },
    mirror: over.mirror ?? { departments: [wxDept(1, '云桥科技', null)], users: [] },
    userBindings: over.userBindings ?? [],
    deptLinks: over.deptLinks ?? [],
    settings: { ...defaultSettings({ hasContactSecret: true }), ...over.settings },
    context: { now: '2026-11-25T00:00:00.000Z', previousActive: null, previousScope: null, pullComplete: true, ...over.context },
  };
}
