// Member create/update/delete against the state with WeCom's rules: userid charset and case-insensitive uniqueness
// (40003/60102), names (60112), unique mobile (60104) and email (60106), not both empty (60129), departments that
// exist with main_department among them, one new_userid for console-generated ids (301036), creator undeletable.
import { createHash } from 'node:crypto';
import {
  checkDirectLeaders,
  checkEmail,
  checkMaxChars,
  checkMemberDepartments,
  checkMemberName,
  checkMobile,
  checkTelephone,
  checkUserid,
} from './contact-rules';
import type { AdminUserCreateInput, AdminUserUpdateInput, UserCreateInput, UserUpdateInput } from './contact-schemas';
import { SimError } from './errors';
import { toPinyinUserid } from './seed/names';
import { userKey, type SimState } from './sim-state';
import type { ContactChange, SimUser } from './types';

type CreateInput = UserCreateInput | AdminUserCreateInput;
type UpdateInput = UserUpdateInput | AdminUserUpdateInput;

export function openUserid(corpid: string, userid: string): string {
  return `wo${createHash('sha1').update(`${corpid}|${userKey(userid)}`).digest('hex').slice(0, 28)}`;
}

export function blankUser(userid: string, name: string): SimUser {
  return {
    userid, name, alias: '', mobile: '', email: '', biz_mail: '', department: [], order: [], is_leader_in_dept: [],
    main_department: 0, direct_leader: [], position: '', gender: '0', telephone: '', address: '', enable: 1,
    activated: false, quit: false, useridGenerated: false, useridChanged: false, open_userid: '', avatar: '',
    external_position: '', extattr: { attrs: [] }, external_profile: null, creator: false, customerContact: false,
    msgaudit: false,
  };
}

/** WeCom derives `status` from enable/activation/quit: 1 active, 2 disabled, 4 not activated, 5 quit. */
export function userStatus(u: SimUser): 1 | 2 | 4 | 5 {
  if (u.quit) return 5;
  if (u.enable === 0) return 2;
  return u.activated ? 1 : 4;
}

function isAdminInput(i: CreateInput | UpdateInput): i is AdminUserCreateInput | AdminUserUpdateInput {
  return 'activated' in i || 'quit' in i || 'customerContact' in i || 'msgaudit' in i;
}

/** Validates and copies the optional fields shared by create and update onto `u`. */
function applyFields(state: SimState, u: SimUser, input: CreateInput | UpdateInput, viaApi: boolean): void {
  const self = userKey(u.userid);
  if (input.name !== undefined) {
    checkMemberName(input.name);
    u.name = input.name;
  }
  if (input.alias !== undefined) {
    if (input.alias !== '') checkMemberName(input.alias);
    u.alias = input.alias;
  }
  // WeCom silently ignores a new mobile for a member who has joined (it is his login).
  if (input.mobile !== undefined && !(viaApi && u.activated && u.mobile !== '')) {
    if (input.mobile !== '') {
      checkMobile(input.mobile);
      const other = state.userByMobile(input.mobile);
      if (other && userKey(other.userid) !== self) throw new SimError(60104);
    }
    u.mobile = input.mobile;
  }
  if (input.email !== undefined) {
    if (input.email !== '') {
      checkEmail(input.email);
      const other = state.userByEmail(input.email);
      if (other && userKey(other.userid) !== self) throw new SimError(60106);
    }
    u.email = input.email;
  }
  if (input.biz_mail !== undefined) {
    if (input.biz_mail !== '') checkEmail(input.biz_mail);
    u.biz_mail = input.biz_mail;
  }
  if (input.position !== undefined) {
    checkMaxChars('position', input.position, 128);
    u.position = input.position;
  }
  if (input.address !== undefined) {
    checkMaxChars('address', input.address, 128);
    u.address = input.address;
  }
  if (input.telephone !== undefined) {
    checkTelephone(input.telephone);
    u.telephone = input.telephone;
  }
  if (input.external_position !== undefined) {
    checkMaxChars('external_position', input.external_position, 12);
    u.external_position = input.external_position;
  }
  if (input.gender !== undefined) u.gender = input.gender;
  if (input.enable !== undefined) u.enable = input.enable;
  if (input.extattr !== undefined) u.extattr = { attrs: input.extattr.attrs };
  if (input.external_profile !== undefined) u.external_profile = input.external_profile;
  if (input.direct_leader !== undefined) {
    checkDirectLeaders(input.direct_leader);
    for (const l of input.direct_leader) if (!state.user(l)) throw new SimError(60111, `direct_leader ${l} not found`);
    u.direct_leader = input.direct_leader.map((l) => (state.user(l) as SimUser).userid);
  }
  if (input.department !== undefined) {
    const main = input.main_department ?? (input.department.includes(u.main_department) ? u.main_department : undefined);
    checkMemberDepartments(input.department, input.order, input.is_leader_in_dept, main);
    for (const d of input.department) if (!state.dept(d)) throw new SimError(60003, `department ${d} not found`);
    // Departments the member keeps keep their order/leader flags unless new ones are given.
    const depts = input.department;
    const carried = (list: number[]) => depts.map((d) => list[u.department.indexOf(d)] ?? 0);
    u.order = input.order ?? carried(u.order);
    u.is_leader_in_dept = input.is_leader_in_dept ?? carried(u.is_leader_in_dept);
    u.department = [...depts];
    u.main_department = main ?? depts[0];
  } else {
    if (input.order !== undefined || input.is_leader_in_dept !== undefined) {
      checkMemberDepartments(u.department, input.order, input.is_leader_in_dept, undefined);
      if (input.order) u.order = input.order;
      if (input.is_leader_in_dept) u.is_leader_in_dept = input.is_leader_in_dept;
    }
    if (input.main_department !== undefined) {
      checkMemberDepartments(u.department, undefined, undefined, input.main_department);
      u.main_department = input.main_department;
    }
  }
  if (isAdminInput(input)) {
    if (input.activated !== undefined) u.activated = input.activated;
    if (input.quit !== undefined) u.quit = input.quit;
    if (input.customerContact !== undefined) u.customerContact = input.customerContact;
    if (input.msgaudit !== undefined) u.msgaudit = input.msgaudit;
  }
  if (u.mobile === '' && u.email === '') throw new SimError(60129);
}

/** Keeps each department's `department_leader` in step with members' `is_leader_in_dept`. */
function syncLeaders(state: SimState, before: SimUser | null, after: SimUser | null): void {
  const touched = new Set([...(before?.department ?? []), ...(after?.department ?? [])]);
  for (const id of touched) {
    const d = state.dept(id);
    if (!d) continue;
    const rest = d.department_leader.filter((l) => userKey(l) !== userKey(before?.userid ?? after?.userid ?? ''));
    const i = after ? after.department.indexOf(id) : -1;
    d.department_leader = i >= 0 && after?.is_leader_in_dept[i] === 1 ? [...rest, after.userid] : rest;
  }
}

function generateUserid(state: SimState, name: string): string {
  const base = toPinyinUserid(name, true) ?? 'User';
  for (let n = 1; ; n++) {
    const id = n === 1 && base !== 'User' ? base : `${base}${String(n).padStart(2, '0')}`;
    if (!state.user(id)) return id;
  }
}

export function createUser(state: SimState, input: CreateInput, opts: { viaApi: boolean }): ContactChange[] {
  const generated = input.userid === undefined || input.userid === '';
  const userid = generated ? generateUserid(state, input.name) : (input.userid as string);
  checkUserid(userid);
  if (state.user(userid)) throw new SimError(60102);
  const u = blankUser(userid, '');
  u.useridGenerated = generated;
  u.open_userid = openUserid(state.corp.corpid, userid);
  applyFields(state, u, input, opts.viaApi);
  if (input.department.length === 0) throw new SimError(60127);
  state.putUser(u);
  syncLeaders(state, null, u);
  return [{ kind: 'create_user', user: u }];
}

export function updateUser(state: SimState, input: UpdateInput, opts: { viaApi: boolean }): ContactChange[] {
  const old = state.user(input.userid);
  if (!old) throw new SimError(60111);
  const u: SimUser = structuredClone(old);
  let previousUserid: string | null = null;
  if (input.new_userid !== undefined && input.new_userid !== old.userid) {
    checkUserid(input.new_userid);
    if (old.useridGenerated && old.useridChanged) throw new SimError(301036);
    const clash = state.user(input.new_userid);
    if (clash && clash !== old) throw new SimError(60102);
    previousUserid = old.userid;
    u.userid = input.new_userid;
    u.useridChanged = true;
  }
  applyFields(state, u, input, opts.viaApi);
  if (previousUserid !== null) renameReferences(state, previousUserid, u.userid);
  state.putUser(u, old.userid);
  syncLeaders(state, old, u);
  return [{ kind: 'update_user', user: u, previousUserid }];
}

function renameReferences(state: SimState, from: string, to: string): void {
  const k = userKey(from);
  for (const other of state.users.values()) {
    if (other.direct_leader.some((l) => userKey(l) === k)) {
      other.direct_leader = other.direct_leader.map((l) => (userKey(l) === k ? to : l));
    }
  }
  for (const app of state.apps) app.allow_users = app.allow_users.map((l) => (userKey(l) === k ? to : l));
}

export function deleteUser(state: SimState, userid: string): ContactChange[] {
  const old = state.user(userid);
  if (!old) throw new SimError(60111);
  if (old.creator) throw new SimError(301005);
  state.removeUser(userid);
  syncLeaders(state, old, null);
  return [{ kind: 'delete_user', userid: old.userid }];
}
