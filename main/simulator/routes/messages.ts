// message/send (text, textcard, news, markdown, template_card and media types), message/recall (24 h, same app)
// and message/update_template_card (response_code single use, 72 h) — wecom-api.md §3.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { SimError, invalidParam } from '../errors';
import { APP_ONLY, callerApp, parseBody, type Route, type RouteContext } from '../router';
import { userKey, type SimState } from '../sim-state';
import type { Json, SimApp, SimMessage, SimUser } from '../types';
import { userStatus } from '../user-ops';
import { canSeeDept, canSeeUser, visibleUsers } from '../visibility';
import { checkMessageContent } from './message-content';

const RECALL_WINDOW_MS = 24 * 3600_000;
const RESPONSE_CODE_TTL_MS = 72 * 3600_000;
const KEEP_MESSAGES_MS = 4 * 24 * 3600_000;

const SendBody = z
  .object({
    touser: z.string().optional(),
    toparty: z.string().optional(),
    totag: z.string().optional(),
    msgtype: z.string(),
    agentid: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]),
    safe: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
    enable_duplicate_check: z.union([z.literal(0), z.literal(1)]).optional(),
    duplicate_check_interval: z.number().int().optional(),
  })
  .loose();

const RecallBody = z.object({ msgid: z.string() }).loose();
const UpdateCardBody = z.object({ agentid: z.number().int(), response_code: z.string() }).loose();

const split = (s: string | undefined) => (s ?? '').split('|').map((x) => x.trim()).filter((x) => x !== '');
const canReceive = (u: SimUser) => userStatus(u) === 1 || userStatus(u) === 4;

function ownAgent(ctx: RouteContext, agentid: number): SimApp {
  const app = callerApp(ctx);
  if (!ctx.sim.state.app(agentid)) throw new SimError(40056);
  if (app.agentid !== agentid) throw new SimError(301002);
  return app;
}

interface Resolved {
  recipients: Set<string>;
  invaliduser: string[];
  invalidparty: string[];
  invalidtag: string[];
  anyValid: boolean;
}

function resolveRecipients(state: SimState, ctx: RouteContext, touser: string[], toparty: string[], totag: string[]): Resolved {
  const recipients = new Set<string>();
  const r: Resolved = { recipients, invaliduser: [], invalidparty: [], invalidtag: [...totag], anyValid: false };
  if (touser.includes('@all')) {
    // @all = the app's whole visible range; toparty/totag are ignored.
    for (const u of visibleUsers(state, ctx.caller)) if (canReceive(u)) recipients.add(userKey(u.userid));
    return { ...r, invalidtag: [], anyValid: true };
  }
  for (const id of touser) {
    const u = state.user(id);
    if (u && canSeeUser(state, ctx.caller, u) && canReceive(u)) {
      recipients.add(userKey(u.userid));
      r.anyValid = true;
    } else {
      r.invaliduser.push(id.toLowerCase());
    }
  }
  for (const p of toparty) {
    const id = Number(p);
    if (!/^\d+$/.test(p) || !state.dept(id) || !canSeeDept(state, ctx.caller, id)) {
      r.invalidparty.push(p);
      continue;
    }
    r.anyValid = true;
    for (const d of state.subtree(id)) for (const u of state.membersOf(d.id)) if (canReceive(u)) recipients.add(userKey(u.userid));
  }
  return r;
}

function send(ctx: RouteContext): Record<string, unknown> {
  const body = parseBody(ctx, SendBody);
  const raw = JSON.parse(ctx.raw.toString('utf8')) as Record<string, Json>;
  const state = ctx.sim.state;
  const app = ownAgent(ctx, body.agentid);
  const touser = split(body.touser);
  const toparty = split(body.toparty);
  const totag = split(body.totag);
  if (touser.length > 1000) throw new SimError(40032);
  if (toparty.length > 100) throw new SimError(82002);
  if (totag.length > 100) throw new SimError(82003);
  if (touser.length + toparty.length + totag.length === 0) throw new SimError(82001);
  const content = checkMessageContent(body.msgtype, raw, ctx.sim.media, ctx.sim.now());
  const now = ctx.sim.now();
  const taskId = content.taskId;
  if (taskId !== null) {
    for (const m of state.messages.values()) if (m.agentid === app.agentid && m.taskId === taskId) throw invalidParam('task_id exist');
  }
  if (body.enable_duplicate_check === 1) {
    const interval = Math.min(Math.max(body.duplicate_check_interval ?? 1800, 0), 4 * 3600) * 1000;
    const dup = duplicateOf(state, app.agentid, ctx.raw, now - interval);
    if (dup) return { invaliduser: '', invalidparty: '', invalidtag: '', unlicenseduser: '', msgid: dup.msgid };
  }
  const r = resolveRecipients(state, ctx, touser, toparty, totag);
  const invalid = { invaliduser: r.invaliduser.join('|'), invalidparty: r.invalidparty.join('|'), invalidtag: r.invalidtag.join('|') };
  if (!r.anyValid) throw new SimError(81013, undefined, invalid);
  const msg: SimMessage = {
    msgid: randomBytes(32).toString('base64url'),
    agentid: app.agentid,
    msgtype: body.msgtype,
    sentAt: now,
    recipients: [...r.recipients].slice(0, 1000),
    recipientCount: r.recipients.size,
    taskId,
    body: { ...raw, _hash: bodyHash(ctx.raw) },
    recalled: false,
    responseCode: content.interactive ? randomBytes(24).toString('base64url') : null,
    responseCodeUsed: false,
  };
  prune(state, now);
  state.messages.set(msg.msgid, msg);
  return { ...invalid, unlicenseduser: '', msgid: msg.msgid, ...(msg.responseCode ? { response_code: msg.responseCode } : {}) };
}

const bodyHash = (raw: Buffer) => createHash('sha1').update(raw).digest('hex');

function duplicateOf(state: SimState, agentid: number, raw: Buffer, since: number): SimMessage | undefined {
  const h = bodyHash(raw);
  for (const m of state.messages.values()) {
    const b = m.body;
    if (m.agentid === agentid && m.sentAt >= since && b && typeof b === 'object' && !Array.isArray(b) && b._hash === h) return m;
  }
  return undefined;
}

function prune(state: SimState, now: number): void {
  if (state.messages.size < 10_000) return;
  for (const [id, m] of state.messages) if (m.sentAt + KEEP_MESSAGES_MS < now) state.messages.delete(id);
}

export const messageRoutes: Route[] = [
  { method: 'POST', path: 'message/send', allow: APP_ONLY, handle: send },
  {
    method: 'POST',
    path: 'message/recall',
    allow: APP_ONLY,
    handle: (ctx) => {
      const { msgid } = parseBody(ctx, RecallBody);
      const app = callerApp(ctx);
      const m = ctx.sim.state.messages.get(msgid);
      if (!m || m.agentid !== app.agentid) throw invalidParam('msgid invalid');
      if (ctx.sim.now() - m.sentAt > RECALL_WINDOW_MS) throw new SimError(42052);
      if (m.recalled) throw invalidParam('msgid already recalled');
      m.recalled = true;
      return {};
    },
  },
  {
    method: 'POST',
    path: 'message/update_template_card',
    allow: APP_ONLY,
    handle: (ctx) => {
      const body = parseBody(ctx, UpdateCardBody);
      const app = ownAgent(ctx, body.agentid);
      const m = [...ctx.sim.state.messages.values()].find((x) => x.responseCode === body.response_code);
      if (!m || m.agentid !== app.agentid || m.responseCodeUsed || ctx.sim.now() - m.sentAt > RESPONSE_CODE_TTL_MS) {
        throw invalidParam('response_code invalid');
      }
      m.responseCodeUsed = true;
      return { invaliduser: [] };
    },
  },
];
