// What a secret may see (wecom-api.md §1 "Which secret for what"): the contacts-sync secret sees everything, an
// app secret only its visible scope (allow_partys with their subtrees, plus allow_users); reads outside the scope
// fail with 60011. Also the JSON projections of users and departments that WeCom replies with.
import type { Caller } from './access';
import { SimError } from './errors';
import { ROOT_DEPT_ID, userKey, type SimState } from './sim-state';
import { userStatus } from './user-ops';
import type { SimDepartment, SimUser } from './types';

export function canSeeDept(state: SimState, caller: Caller, id: number): boolean {
  if (caller.kind === 'contact') return true;
  if (caller.kind !== 'app') return false;
  return caller.app.allow_partys.some((p) => state.isWithin(id, p));
}

export function canSeeUser(state: SimState, caller: Caller, u: SimUser): boolean {
  if (caller.kind === 'contact') return true;
  if (caller.kind !== 'app') return false;
  const k = userKey(u.userid);
  if (caller.app.allow_users.some((a) => userKey(a) === k)) return true;
  return u.department.some((d) => canSeeDept(state, caller, d));
}

/** The department, or 60003 when it does not exist and 60011 when outside the caller's scope. */
export function requireDept(state: SimState, caller: Caller, id: number): SimDepartment {
  const d = state.dept(id);
  if (!d) throw new SimError(60003);
  if (!canSeeDept(state, caller, id)) throw new SimError(60011);
  return d;
}

export function requireUser(state: SimState, caller: Caller, userid: string): SimUser {
  const u = state.user(userid);
  if (!u) throw new SimError(60111);
  if (!canSeeUser(state, caller, u)) throw new SimError(60011);
  return u;
}

/** Departments the caller sees, each visible subtree once, parents before children. */
export function visibleDepartments(state: SimState, caller: Caller, from?: number): SimDepartment[] {
  if (from !== undefined) return state.subtree(requireDept(state, caller, from).id);
  if (caller.kind === 'contact') return state.subtree(ROOT_DEPT_ID);
  if (caller.kind !== 'app') return [];
  const roots = caller.app.allow_partys.filter(
    (p) => state.dept(p) && !caller.app.allow_partys.some((q) => q !== p && state.isWithin(p, q)),
  );
  return roots.flatMap((r) => state.subtree(r));
}

/** Everyone an app's `@all` reaches (its whole visible scope). */
export function visibleUsers(state: SimState, caller: Caller): SimUser[] {
  if (caller.kind === 'contact') return state.usersSorted();
  return state.usersSorted().filter((u) => canSeeUser(state, caller, u));
}

export function deptJson(d: SimDepartment): Record<string, unknown> {
  return {
    id: d.id,
    name: d.name,
    name_en: d.name_en,
    department_leader: d.department_leader,
    parentid: d.id === ROOT_DEPT_ID ? 0 : d.parentid,
    order: d.order,
  };
}

/** Whether this caller gets mobile/email/gender/avatar (contacts secret, legacy apps). */
export function seesSensitive(caller: Caller): boolean {
  return caller.kind === 'contact' || (caller.kind === 'app' && caller.app.sensitiveFields);
}

export function userJson(u: SimUser, sensitive: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    userid: u.userid,
    name: u.name,
    department: u.department,
    order: u.order,
    position: u.position,
  };
  if (sensitive) {
    Object.assign(out, { mobile: u.mobile, gender: u.gender, email: u.email, biz_mail: u.biz_mail });
  }
  out.is_leader_in_dept = u.is_leader_in_dept;
  out.direct_leader = u.direct_leader;
  if (sensitive) Object.assign(out, { avatar: u.avatar, thumb_avatar: u.avatar ? `${u.avatar}/100` : '' });
  Object.assign(out, { telephone: u.telephone, alias: u.alias });
  if (sensitive) out.address = u.address;
  Object.assign(out, {
    open_userid: u.open_userid,
    main_department: u.main_department,
    extattr: u.extattr,
    status: userStatus(u),
    enable: u.enable,
  });
  if (sensitive) out.qr_code = `https://open.work.weixin.qq.com/wwopen/userQRCode?vcode=vc${u.open_userid.slice(2, 18)}`;
  out.external_position = u.external_position;
  if (u.external_profile !== null) out.external_profile = u.external_profile;
  return out;
}
