// user/get, create, update, delete, batchdelete, simplelist, list, list_id, getuserid, get_userid_by_email and
// batch/invite (wecom-api.md §2 Members).
import { z } from 'zod';
import { UserCreateBody, UserUpdateBody } from '../contact-schemas';
import { SimError, invalidParam } from '../errors';
import {
  CONTACT_ONLY,
  CONTACT_READERS,
  parseBody,
  queryInt,
  queryString,
  type Route,
  type RouteContext,
} from '../router';
import { emailKey, userKey } from '../sim-state';
import type { SimUser } from '../types';
import { createUser, deleteUser, updateUser } from '../user-ops';
import { canSeeDept, canSeeUser, requireDept, requireUser, seesSensitive, userJson } from '../visibility';

const ListIdBody = z.object({ cursor: z.string().optional(), limit: z.number().int().optional() }).loose();
const BatchDeleteBody = z.object({ useridlist: z.array(z.string()) }).loose();
const MobileBody = z.object({ mobile: z.string() }).loose();
const EmailBody = z.object({ email: z.string(), email_type: z.union([z.literal(1), z.literal(2)]).optional() }).loose();
const InviteBody = z
  .object({ user: z.array(z.string()).optional(), party: z.array(z.number().int()).optional(), tag: z.array(z.number().int()).optional() })
  .loose();

function membersOf(ctx: RouteContext): SimUser[] {
  const dept = requireDept(ctx.sim.state, ctx.caller, queryInt(ctx, 'department_id'));
  // fetch_child is no longer documented: members of this department only (walk sub-departments yourself).
  return ctx.sim.state.membersOf(dept.id);
}

const encodeCursor = (key: string) => Buffer.from(key, 'utf8').toString('base64url');

function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (key === '' || encodeCursor(key) !== cursor) throw invalidParam('cursor invalid');
  return key;
}

function listId(ctx: RouteContext): Record<string, unknown> {
  const body = parseBody(ctx, ListIdBody, { emptyIsObject: true });
  const limit = body.limit ?? 10_000;
  if (limit < 1 || limit > 10_000) throw invalidParam('limit invalid, should be in [1, 10000]');
  const all = ctx.sim.state.usersSorted();
  let start = 0;
  if (body.cursor) {
    // The cursor is the last userid returned, so paging survives users being added or removed in between.
    const after = decodeCursor(body.cursor);
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (userKey(all[mid].userid) <= after) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const page = all.slice(start, start + limit);
  const more = start + limit < all.length;
  return {
    next_cursor: more && page.length > 0 ? encodeCursor(userKey(page[page.length - 1].userid)) : '',
    dept_user: page.flatMap((u) => u.department.map((d) => ({ userid: u.userid, department: d }))),
  };
}

export const userRoutes: Route[] = [
  {
    method: 'GET',
    path: 'user/get',
    allow: CONTACT_READERS,
    handle: (ctx) => userJson(requireUser(ctx.sim.state, ctx.caller, queryString(ctx, 'userid')), seesSensitive(ctx.caller)),
  },
  {
    method: 'POST',
    path: 'user/create',
    allow: CONTACT_ONLY,
    handle: (ctx) => {
      createUser(ctx.sim.state, parseBody(ctx, UserCreateBody), { viaApi: true });
      return { errmsg: 'created' };
    },
  },
  {
    method: 'POST',
    path: 'user/update',
    allow: CONTACT_ONLY,
    handle: (ctx) => {
      updateUser(ctx.sim.state, parseBody(ctx, UserUpdateBody), { viaApi: true });
      return { errmsg: 'updated' };
    },
  },
  {
    method: 'GET',
    path: 'user/delete',
    allow: CONTACT_ONLY,
    handle: (ctx) => {
      deleteUser(ctx.sim.state, queryString(ctx, 'userid'));
      return { errmsg: 'deleted' };
    },
  },
  {
    method: 'POST',
    path: 'user/batchdelete',
    allow: CONTACT_ONLY,
    handle: (ctx) => {
      const { useridlist } = parseBody(ctx, BatchDeleteBody);
      if (useridlist.length === 0) throw new SimError(40031);
      if (useridlist.length > 200) throw new SimError(40032);
      const state = ctx.sim.state;
      // Any invalid id fails the whole call: check everything before deleting anything.
      for (const id of useridlist) {
        const u = state.user(id);
        if (!u) throw new SimError(40031, `all list invalid: ${id}`);
        if (u.creator) throw new SimError(301005);
      }
      for (const id of new Set(useridlist.map(userKey))) deleteUser(state, id);
      return { errmsg: 'deleted' };
    },
  },
  {
    method: 'GET',
    path: 'user/simplelist',
    allow: CONTACT_READERS,
    handle: (ctx) => ({
      userlist: membersOf(ctx).map((u) => ({ userid: u.userid, name: u.name, department: u.department, open_userid: u.open_userid })),
    }),
  },
  {
    method: 'GET',
    path: 'user/list',
    allow: CONTACT_READERS,
    handle: (ctx) => ({ userlist: membersOf(ctx).map((u) => userJson(u, seesSensitive(ctx.caller))) }),
  },
  { method: 'POST', path: 'user/list_id', allow: CONTACT_ONLY, handle: listId },
  {
    method: 'POST',
    path: 'user/getuserid',
    allow: CONTACT_READERS,
    handle: (ctx) => {
      const { mobile } = parseBody(ctx, MobileBody);
      if (Buffer.byteLength(mobile) < 5 || Buffer.byteLength(mobile) > 32) throw new SimError(60103);
      const u = ctx.sim.state.userByMobile(mobile);
      if (!u || !canSeeUser(ctx.sim.state, ctx.caller, u)) throw new SimError(46004);
      return { userid: u.userid };
    },
  },
  {
    method: 'POST',
    path: 'user/get_userid_by_email',
    allow: CONTACT_READERS,
    handle: (ctx) => {
      const { email, email_type } = parseBody(ctx, EmailBody);
      const state = ctx.sim.state;
      const u =
        email_type === 2
          ? state.usersSorted().find((x) => x.biz_mail !== '' && emailKey(x.biz_mail) === emailKey(email))
          : state.userByEmail(email);
      if (!u || !canSeeUser(state, ctx.caller, u)) throw new SimError(46004);
      return { userid: u.userid };
    },
  },
  {
    method: 'POST',
    path: 'batch/invite',
    allow: CONTACT_READERS,
    handle: (ctx) => {
      const body = parseBody(ctx, InviteBody);
      const state = ctx.sim.state;
      const users = body.user ?? [];
      const parties = body.party ?? [];
      const tags = body.tag ?? [];
      if (users.length > 1000 || parties.length > 100 || tags.length > 100) throw new SimError(40032);
      if (users.length + parties.length + tags.length === 0) throw new SimError(40063);
      const invaliduser = users.filter((id) => {
        const u = state.user(id);
        return !u || !canSeeUser(state, ctx.caller, u) || u.enable === 0;
      });
      const invalidparty = parties.filter((p) => !state.dept(p) || !canSeeDept(state, ctx.caller, p));
      return { invaliduser, invalidparty, invalidtag: tags };
    },
  },
];
