// externalcontact/get_follow_user_list, list, get, batch/get_by_user (wecom-api.md §6). Callable with the customer
// contact secret or an app added to 「客户联系 → 可调用接口的应用」; an app sees only followers in its scope.
import { z } from 'zod';
import { SimError, invalidParam } from '../errors';
import { parseBody, queryString, type Route, type RouteContext } from '../router';
import { userKey } from '../sim-state';
import type { SimExternalContact, SimFollowInfo } from '../types';
import { canSeeUser } from '../visibility';

const CUSTOMER_READERS = ['customer', 'app'] as const;

function checkCaller(ctx: RouteContext): void {
  if (ctx.caller.kind === 'app' && !ctx.caller.app.customerContactApi) throw new SimError(48002);
}

/** Whether this follower is visible to the caller (the customer secret sees all members). */
function followerVisible(ctx: RouteContext, userid: string): boolean {
  const u = ctx.sim.state.user(userid);
  if (!u) return false;
  return ctx.caller.kind === 'customer' || canSeeUser(ctx.sim.state, ctx.caller, u);
}

function contactJson(c: SimExternalContact): Record<string, unknown> {
  return {
    external_userid: c.external_userid,
    name: c.name,
    position: c.position,
    avatar: c.avatar,
    corp_name: c.corp_name,
    corp_full_name: c.corp_full_name,
    type: c.type,
    gender: c.gender,
    unionid: c.unionid,
  };
}

function followInfo(f: SimFollowInfo): Record<string, unknown> {
  const { tags, ...rest } = f;
  return { ...rest, tag_id: tags.map((t) => t.tag_id) };
}

/** External contacts a member follows, in external_userid order. */
function followedBy(ctx: RouteContext, userid: string): { contact: SimExternalContact; follow: SimFollowInfo }[] {
  const k = userKey(userid);
  const out: { contact: SimExternalContact; follow: SimFollowInfo }[] = [];
  for (const c of ctx.sim.state.externalContacts.values()) {
    const f = c.follow_user.find((x) => userKey(x.userid) === k);
    if (f) out.push({ contact: c, follow: f });
  }
  return out.sort((a, b) => (a.contact.external_userid < b.contact.external_userid ? -1 : 1));
}

const BatchBody = z
  .object({ userid_list: z.array(z.string()), cursor: z.string().optional(), limit: z.number().int().optional() })
  .loose();

export const externalContactRoutes: Route[] = [
  {
    method: 'GET',
    path: 'externalcontact/get_follow_user_list',
    allow: CUSTOMER_READERS,
    handle: (ctx) => {
      checkCaller(ctx);
      const users = ctx.sim.state.usersSorted().filter((u) => u.customerContact && followerVisible(ctx, u.userid));
      return { follow_user: users.map((u) => u.userid) };
    },
  },
  {
    method: 'GET',
    path: 'externalcontact/list',
    allow: CUSTOMER_READERS,
    handle: (ctx) => {
      checkCaller(ctx);
      const userid = queryString(ctx, 'userid');
      if (!ctx.sim.state.user(userid)) throw new SimError(60111);
      if (!followerVisible(ctx, userid)) throw new SimError(60011);
      const list = followedBy(ctx, userid);
      if (list.length === 0) throw new SimError(84061);
      return { external_userid: list.map((x) => x.contact.external_userid) };
    },
  },
  {
    method: 'GET',
    path: 'externalcontact/get',
    allow: CUSTOMER_READERS,
    handle: (ctx) => {
      checkCaller(ctx);
      const c = ctx.sim.state.externalContacts.get(queryString(ctx, 'external_userid'));
      const follow = c ? c.follow_user.filter((f) => followerVisible(ctx, f.userid)) : [];
      if (!c || follow.length === 0) throw new SimError(c ? 84061 : 40096);
      return { external_contact: contactJson(c), follow_user: follow, next_cursor: '' };
    },
  },
  {
    method: 'POST',
    path: 'externalcontact/batch/get_by_user',
    allow: CUSTOMER_READERS,
    handle: (ctx) => {
      checkCaller(ctx);
      const body = parseBody(ctx, BatchBody);
      if (body.userid_list.length < 1 || body.userid_list.length > 100) throw invalidParam('userid_list size invalid');
      const limit = body.limit ?? 50;
      if (limit < 1 || limit > 100) throw invalidParam('limit invalid');
      const all = body.userid_list.filter((u) => followerVisible(ctx, u)).flatMap((u) => followedBy(ctx, u));
      const start = body.cursor ? Number(Buffer.from(body.cursor, 'base64url').toString('utf8')) : 0;
      if (!Number.isInteger(start) || start < 0) throw invalidParam('cursor invalid');
      const page = all.slice(start, start + limit);
      const next = start + limit < all.length ? Buffer.from(String(start + limit)).toString('base64url') : '';
      return {
        external_contact_list: page.map((x) => ({ external_contact: contactJson(x.contact), follow_info: followInfo(x.follow) })),
        next_cursor: next,
      };
    },
  },
];
