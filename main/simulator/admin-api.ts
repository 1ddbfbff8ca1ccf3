// The admin API under /_sim/ (not WeCom): tests act as the admin in the WeCom console — edit the directory (which
// fires change_contact callbacks, unlike API changes), add/remove customers, set the IP allow-list, frequency
// limit, token TTL, callback URL/Token/EncodingAESKey, move the simulated clock, issue OAuth codes, save state.
// Served to loopback callers only.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { generateEncodingAESKey, isValidEncodingAESKey } from './callback-crypto';
import { isLoopback } from './contact-rules';
import {
  AdminUserCreateBody,
  AdminUserUpdateBody,
  DeptCreateBody,
  DeptUpdateBody,
  intLike,
} from './contact-schemas';
import { createDepartment, deleteDepartment, updateDepartment } from './dept-ops';
import { SimError, errText } from './errors';
import { sendJson } from './http-io';
import { randomPerson } from './seed/names';
import { Prng } from './seed/prng';
import type { SimContext } from './sim-context';
import { userKey } from './sim-state';
import type { CallbackTarget } from './types';
import { createUser, deleteUser, updateUser } from './user-ops';

type AdminHandler = (ctx: SimContext, body: unknown) => Record<string, unknown> | Promise<Record<string, unknown>>;

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body ?? {});
  if (!r.success) throw new SimError(40058, `${r.error.issues[0]?.path.join('.') || 'body'}: ${r.error.issues[0]?.message}`);
  return r.data;
}

const UseridBody = z.object({ userid: z.string() });
const IdBody = z.object({ id: intLike });
const CallbackBody = z.object({
  kind: z.enum(['contact', 'customer']).default('contact'),
  url: z.url().nullable(),
  token: z.string().min(1).max(32).optional(),
  encodingAESKey: z.string().optional(),
  fullFields: z.boolean().optional(),
  /** Check the URL as the WeCom console does before saving it (GET with echostr); refused with 40057 if it fails. */
  verify: z.boolean().default(false),
});
const ClockBody = z.object({ advanceMs: z.number().optional(), advanceSec: z.number().optional(), offsetMs: z.number().optional() });
const AppBody = z.object({
  agentid: z.number().int(),
  allow_partys: z.array(z.number().int()).optional(),
  allow_users: z.array(z.string()).optional(),
  customerContactApi: z.boolean().optional(),
  checkinApi: z.boolean().optional(),
  sensitiveFields: z.boolean().optional(),
  secret: z.string().min(1).optional(),
});
const AddCustomerBody = z.object({ userid: z.string(), name: z.string().optional(), corp_name: z.string().optional() });
const DelCustomerBody = z.object({ userid: z.string(), external_userid: z.string() });

let customerSeq = 0;

const HANDLERS: Record<string, AdminHandler> = {
  'GET state': (ctx) => ({ now: ctx.now(), state: ctx.state.toJSON() }),
  'GET messages': (ctx) => ({ messages: [...ctx.state.messages.values()] }),
  'GET callbacks': async (ctx) => {
    await ctx.callbacks.idle();
    return { deliveries: ctx.callbacks.log };
  },
  'POST users/create': (ctx, b) => {
    const [c] = createUser(ctx.state, parse(AdminUserCreateBody, b), { viaApi: false });
    ctx.callbacks.contactChanges([c]);
    return { errmsg: 'created', userid: c.kind === 'create_user' ? c.user.userid : '' };
  },
  'POST users/update': (ctx, b) => {
    ctx.callbacks.contactChanges(updateUser(ctx.state, parse(AdminUserUpdateBody, b), { viaApi: false }));
    return { errmsg: 'updated' };
  },
  'POST users/delete': (ctx, b) => {
    ctx.callbacks.contactChanges(deleteUser(ctx.state, parse(UseridBody, b).userid));
    return { errmsg: 'deleted' };
  },
  'POST departments/create': (ctx, b) => {
    const { id, changes } = createDepartment(ctx.state, parse(DeptCreateBody, b));
    ctx.callbacks.contactChanges(changes);
    return { errmsg: 'created', id };
  },
  'POST departments/update': (ctx, b) => {
    ctx.callbacks.contactChanges(updateDepartment(ctx.state, parse(DeptUpdateBody, b)));
    return { errmsg: 'updated' };
  },
  'POST departments/delete': (ctx, b) => {
    ctx.callbacks.contactChanges(deleteDepartment(ctx.state, parse(IdBody, b).id));
    return { errmsg: 'deleted' };
  },
  'POST apps/update': (ctx, b) => {
    const { agentid, ...patch } = parse(AppBody, b);
    const app = ctx.state.app(agentid);
    if (!app) throw new SimError(40056);
    Object.assign(app, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
    return { app };
  },
  'POST external-contacts/add': (ctx, b) => {
    const body = parse(AddCustomerBody, b);
    const u = ctx.state.user(body.userid);
    if (!u) throw new SimError(60111);
    const p = randomPerson(new Prng(`admin-customer:${++customerSeq}`));
    const id = `wm${randomBytes(22).toString('base64url').slice(0, 30)}`;
    const nowSec = Math.floor(ctx.now() / 1000);
    ctx.state.externalContacts.set(id, {
      external_userid: id, name: body.name ?? p.name, position: '', avatar: '', corp_name: body.corp_name ?? '',
      corp_full_name: body.corp_name ?? '', type: body.corp_name ? 2 : 1, gender: p.gender === '1' ? 1 : 2, unionid: '',
      follow_user: [{ userid: u.userid, remark: '', description: '', createtime: nowSec, tags: [], remark_corp_name: '',
        remark_mobiles: [], oper_userid: u.userid, add_way: 1, state: '' }],
    });
    u.customerContact = true;
    ctx.callbacks.externalContactChange({ kind: 'add_external_contact', userid: u.userid, externalUserid: id });
    return { external_userid: id };
  },
  'POST external-contacts/delete': (ctx, b) => {
    const body = parse(DelCustomerBody, b);
    const c = ctx.state.externalContacts.get(body.external_userid);
    const k = userKey(body.userid);
    if (!c || !c.follow_user.some((f) => userKey(f.userid) === k)) throw new SimError(84061);
    c.follow_user = c.follow_user.filter((f) => userKey(f.userid) !== k);
    if (c.follow_user.length === 0) ctx.state.externalContacts.delete(c.external_userid);
    ctx.callbacks.externalContactChange({ kind: 'del_external_contact', userid: body.userid, externalUserid: c.external_userid });
    return {};
  },
  'POST ip-allow-list': (ctx, b) => {
    ctx.state.settings.ipAllowList = parse(z.object({ ips: z.array(z.string()).nullable() }), b).ips;
    return { ipAllowList: ctx.state.settings.ipAllowList };
  },
  'POST rate-limit': (ctx, b) => {
    const { perMinute } = parse(z.object({ perMinute: z.number().int().positive().nullable() }), b);
    ctx.state.settings.rateLimit = perMinute === null ? null : { perMinute };
    ctx.limiter.reset();
    return { rateLimit: ctx.state.settings.rateLimit };
  },
  'POST token-ttl': (ctx, b) => {
    ctx.state.settings.tokenTtlSec = parse(z.object({ seconds: z.number().int().positive() }), b).seconds;
    return { tokenTtlSec: ctx.state.settings.tokenTtlSec };
  },
  'POST callback': async (ctx, b) => {
    const body = parse(CallbackBody, b);
    const slot = ctx.state.settings.callbacks;
    if (body.url === null) {
      slot[body.kind] = null;
      return { callback: null };
    }
    const old = slot[body.kind];
    const key = body.encodingAESKey ?? old?.encodingAESKey ?? generateEncodingAESKey();
    if (!isValidEncodingAESKey(key)) throw new SimError(40058, 'encodingAESKey must be 43 letters or digits');
    const target: CallbackTarget = {
      url: body.url,
      token: body.token ?? old?.token ?? randomBytes(12).toString('base64url').replace(/[-_]/g, 'x'),
      encodingAESKey: key,
      fullFields: body.fullFields ?? old?.fullFields ?? false,
    };
    if (body.verify) {
      const check = await ctx.callbacks.verify(target);
      if (!check.ok) throw new SimError(40057, `callback url verification failed: ${check.detail}`);
    }
    slot[body.kind] = target;
    return { callback: target };
  },
  'POST clock': (ctx, b) => {
    const body = parse(ClockBody, b);
    const s = ctx.state.settings;
    if (body.offsetMs !== undefined) s.clockOffsetMs = body.offsetMs;
    s.clockOffsetMs += (body.advanceMs ?? 0) + (body.advanceSec ?? 0) * 1000;
    return { now: ctx.now(), offsetMs: s.clockOffsetMs };
  },
  'POST oauth-code': (ctx, b) => {
    const body = parse(z.object({ userid: z.string(), agentid: z.number().int().optional() }), b);
    const u = ctx.state.user(body.userid);
    if (!u) throw new SimError(60111);
    const { code, expiresIn } = ctx.oauth.issue(u.userid, body.agentid ?? null, ctx.now());
    return { code, expires_in: expiresIn };
  },
  'POST save': async (ctx, b) => ({ path: await ctx.save(parse(z.object({ path: z.string().optional() }), b).path) }),
};

export async function handleAdmin(ctx: SimContext, req: IncomingMessage, res: ServerResponse, path: string, raw: Buffer, ip: string): Promise<void> {
  // Loopback callers only; and, against a web page driving a local browser (DNS rebinding, CSRF), a loopback
  // Host header and a JSON content type (which a cross-site form cannot send without a CORS preflight).
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  const jsonBody = req.method !== 'POST' || /^application\/json\b/i.test(req.headers['content-type'] ?? '');
  if (!isLoopback(ip) || !(host === 'localhost' || isLoopback(host)) || !jsonBody) {
    sendJson(res, 403, { errcode: 403, errmsg: 'the simulator admin API is served to local JSON requests on loopback only' });
    return;
  }
  const handler = HANDLERS[`${req.method ?? 'GET'} ${path}`];
  if (!handler) {
    sendJson(res, 404, { errcode: 404, errmsg: `no admin endpoint ${req.method} /_sim/${path}` });
    return;
  }
  try {
    const text = raw.toString('utf8').trim();
    const body: unknown = text === '' ? {} : JSON.parse(text);
    const out = await handler(ctx, body);
    sendJson(res, 200, { errcode: 0, errmsg: 'ok', ...out });
  } catch (e) {
    if (e instanceof SimError) sendJson(res, 400, { errcode: e.errcode, errmsg: e.message ?? errText(e.errcode) });
    else if (e instanceof SyntaxError) sendJson(res, 400, { errcode: 47001, errmsg: 'body is not JSON' });
    else sendJson(res, 500, { errcode: -1, errmsg: e instanceof Error ? e.message : String(e) });
  }
}
