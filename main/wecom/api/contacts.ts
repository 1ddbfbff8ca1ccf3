// Contacts (通讯录): departments, members, invitations — wecom-api.md §2.
// Secrets: reads work with the contacts-sync secret (all) or an app secret (its visible range only; user/list_id
// accepts the contacts-sync secret only); every write needs the contacts-sync secret (48002/60011 otherwise).
import { z } from 'zod';
import type { WeComClient } from '../client';
import { chunk, cursorPages, IdList, isWeComError, Ok, writeOrConfirm } from './common';
import {
  Department,
  DepartmentRef,
  DeptUser,
  SimpleUser,
  User,
  type DepartmentInput,
  type DepartmentUpdate,
  type UserInput,
  type UserUpdate,
} from './contacts-schemas';

export * from './contacts-schemas';

/** WeCom's caps per call (wecom-api.md §2). */
export const CONTACT_LIMITS = { batchDelete: 200, listIdPage: 10_000, inviteUsers: 1000, inviteParties: 100, inviteTags: 100 } as const;

interface Opts {
  signal?: AbortSignal;
}

// ---- departments -------------------------------------------------------------------------------------------------

/** department/list: full records of the subtree under `id` (all visible departments when omitted). */
export async function listDepartments(client: WeComClient, args: { id?: number } = {}, o: Opts = {}): Promise<Department[]> {
  const r = await client.get('department/list', { id: args.id }, z.object({ department: z.array(Department).default([]) }), o);
  return r.department;
}

/** department/simplelist: ids, parents and order only — WeCom's recommended way to walk the tree. */
export async function listDepartmentIds(client: WeComClient, args: { id?: number } = {}, o: Opts = {}): Promise<DepartmentRef[]> {
  const r = await client.get('department/simplelist', { id: args.id }, z.object({ department_id: z.array(DepartmentRef).default([]) }), o);
  return r.department_id;
}

export async function getDepartment(client: WeComClient, id: number, o: Opts = {}): Promise<Department> {
  const r = await client.get('department/get', { id }, z.object({ department: Department }), o);
  return r.department;
}

/**
 * department/create → the new id. When the reply is lost and we chose the id, the department's presence decides
 * whether it was created (never a second create).
 */
export async function createDepartment(client: WeComClient, input: DepartmentInput, o: Opts = {}): Promise<{ id: number }> {
  const write = () => client.post('department/create', input, z.object({ id: z.number().int() }), o);
  if (input.id === undefined) return write();
  const id = input.id;
  return writeOrConfirm(write, async () => {
    const d = await getDepartment(client, id, o).catch((e: unknown) => (isWeComError(e, 60003, 60123) ? null : Promise.reject(e)));
    return d && d.name === input.name && d.parentid === input.parentid ? { id } : null;
  });
}

/** department/update: only the fields given change. */
export async function updateDepartment(client: WeComClient, input: DepartmentUpdate, o: Opts = {}): Promise<void> {
  await client.post('department/update', input, Ok, o);
}

/** department/delete. Fails with 60005 (members) / 60006 (sub-departments) / 60007 (root). */
export async function deleteDepartment(client: WeComClient, id: number, o: Opts = {}): Promise<void> {
  await writeOrConfirm(
    () => client.get('department/delete', { id }, Ok, { ...o, idempotent: false }).then(() => true),
    () => getDepartment(client, id, o).then(() => null, (e: unknown) => (isWeComError(e, 60003, 60123) ? true : null)),
  );
}

// ---- members -----------------------------------------------------------------------------------------------------

const ListIdPage = z.object({ next_cursor: z.string().default(''), dept_user: z.array(DeptUser).default([]) });

/**
 * user/list_id, page by page (contacts-sync secret only): yields one row per (user, department), so a member of
 * two departments appears twice. `limit` 1–10,000 rows per page.
 */
export async function* listUserIds(client: WeComClient, args: { limit?: number } = {}, o: Opts = {}): AsyncGenerator<DeptUser> {
  const limit = Math.min(CONTACT_LIMITS.listIdPage, Math.max(1, args.limit ?? CONTACT_LIMITS.listIdPage));
  // A read despite POST: paging is safe to repeat, so a lost reply may be fetched again.
  const pages = cursorPages(
    (cursor) => client.post('user/list_id', cursor === undefined ? { limit } : { cursor, limit }, ListIdPage, { ...o, idempotent: true }),
    o.signal,
  );
  for await (const page of pages) yield* page.dept_user;
}

export async function getUser(client: WeComClient, userid: string, o: Opts = {}): Promise<User> {
  return client.get('user/get', { userid }, User, o);
}

/** user/list: full records of one department's direct members (no fetch_child: WeCom dropped it, 45029). */
export async function listUsers(client: WeComClient, departmentId: number, o: Opts = {}): Promise<User[]> {
  const r = await client.get('user/list', { department_id: departmentId }, z.object({ userlist: z.array(User).default([]) }), o);
  return r.userlist;
}

/** user/simplelist: userid, name, departments of one department's direct members. */
export async function listUsersSimple(client: WeComClient, departmentId: number, o: Opts = {}): Promise<SimpleUser[]> {
  const r = await client.get('user/simplelist', { department_id: departmentId }, z.object({ userlist: z.array(SimpleUser).default([]) }), o);
  return r.userlist;
}

const exists = (client: WeComClient, userid: string, o: Opts) =>
  getUser(client, userid, o).then(
    (u) => u,
    (e: unknown) => (isWeComError(e, 60111, 40003) ? null : Promise.reject(e)),
  );

/** user/create. A lost reply is settled by looking the userid up, never by creating twice. */
export async function createUser(client: WeComClient, input: UserInput, o: Opts = {}): Promise<void> {
  await writeOrConfirm(
    () => client.post('user/create', input, Ok, o).then(() => true),
    async () => ((await exists(client, input.userid, o)) ? true : null),
  );
}

/** user/update: only the fields given change; `new_userid` renames a WeCom-generated userid (once). */
export async function updateUser(client: WeComClient, input: UserUpdate, o: Opts = {}): Promise<void> {
  await writeOrConfirm(
    () => client.post('user/update', input, Ok, o).then(() => true),
    // Only a rename is visible enough to confirm: the new userid exists and the old one is gone.
    async () =>
      input.new_userid && input.new_userid.toLowerCase() !== input.userid.toLowerCase()
        ? (await exists(client, input.new_userid, o)) && !(await exists(client, input.userid, o))
          ? true
          : null
        : null,
  );
}

/** user/delete. 301005 for the corp's creator. */
export async function deleteUser(client: WeComClient, userid: string, o: Opts = {}): Promise<void> {
  await writeOrConfirm(
    () => client.get('user/delete', { userid }, Ok, { ...o, idempotent: false }).then(() => true),
    async () => ((await exists(client, userid, o)) ? null : true),
  );
}

/**
 * user/batchdelete in calls of ≤ 200. One unknown userid fails its whole call (WeCom's rule), so the caller
 * learns which chunk failed: the error carries `deleted` (userids of the chunks that succeeded).
 */
export async function batchDeleteUsers(client: WeComClient, userids: readonly string[], o: Opts = {}): Promise<void> {
  const deleted: string[] = [];
  for (const part of chunk(userids, CONTACT_LIMITS.batchDelete)) {
    try {
      await client.post('user/batchdelete', { useridlist: part }, Ok, o);
    } catch (e) {
      throw Object.assign(e instanceof Error ? e : new Error(String(e)), { deleted: [...deleted] });
    }
    deleted.push(...part);
  }
}

/** user/getuserid: mobile → userid. Mind WeCom's rule: > 20 % wrong mobiles blocks the API for a day. */
export async function getUserIdByMobile(client: WeComClient, mobile: string, o: Opts = {}): Promise<string> {
  const r = await client.post('user/getuserid', { mobile }, z.object({ userid: z.string() }), { ...o, idempotent: true });
  return r.userid;
}

/**
 * user/get_userid_by_email. `emailType`: 1 corporate mailbox (WeCom's default when omitted), 2 personal email —
 * WeCom's own doc; wecom-api.md lists only the path. Omitted unless given.
 */
export async function getUserIdByEmail(client: WeComClient, email: string, emailType?: 1 | 2, o: Opts = {}): Promise<string> {
  const body = emailType === undefined ? { email } : { email, email_type: emailType };
  const r = await client.post('user/get_userid_by_email', body, z.object({ userid: z.string() }), { ...o, idempotent: true });
  return r.userid;
}

export interface InviteResult {
  invaliduser: string[];
  invalidparty: string[];
  invalidtag: string[];
}

/** batch/invite in calls of ≤ 1000 users / 100 departments / 100 tags; invalid ids of all calls are merged. */
export async function invite(
  client: WeComClient,
  to: { user?: readonly string[]; party?: readonly number[]; tag?: readonly number[] },
  o: Opts = {},
): Promise<InviteResult> {
  const users = chunk(to.user ?? [], CONTACT_LIMITS.inviteUsers);
  const parties = chunk(to.party ?? [], CONTACT_LIMITS.inviteParties);
  const tags = chunk(to.tag ?? [], CONTACT_LIMITS.inviteTags);
  const out: InviteResult = { invaliduser: [], invalidparty: [], invalidtag: [] };
  const reply = z.object({ invaliduser: IdList, invalidparty: IdList, invalidtag: IdList });
  for (let i = 0; i < Math.max(users.length, parties.length, tags.length); i++) {
    const body: { user?: string[]; party?: number[]; tag?: number[] } = {};
    if (users[i]) body.user = users[i];
    if (parties[i]) body.party = parties[i];
    if (tags[i]) body.tag = tags[i];
    const r = await client.post('batch/invite', body, reply, o);
    out.invaliduser.push(...r.invaliduser);
    out.invalidparty.push(...r.invalidparty);
    out.invalidtag.push(...r.invalidtag);
  }
  return out;
}
