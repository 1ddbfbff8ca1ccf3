// F4.2 从企业微信同步: read the corp's directory (within the chosen app's visible scope, or all of it with
// the contacts-sync secret) into a Mirror. Any failed page makes the pull incomplete; the caller then keeps
// the previous mirror, and the planner plans no removals.
import { getAgent } from '../wecom/api/agents';
import { getUser, listDepartments, listUserIds, listUsers, type Department, type User } from '../wecom/api/contacts';
import type { WeComClient } from '../wecom/client';
import { WeComError } from '../wecom/wecom-error';
import type { JobContext } from '../jobs/job-runner';
import type { Mirror, WxDept, WxStatus, WxUser } from './model';

export class ScopeUsersOnlyError extends Error {
  readonly code = 'scope_users_only';
  constructor(app: string) {
    super(`应用「${app}」的可见范围只选择了用户、没有部门：选择的应用在企业微信管理后台的可见范围必须包含部门，不能只单独选择用户`);
  }
}

export interface PullResult {
  mirror: Mirror;
  complete: boolean;
  error: string | null;
  calls: number;
}

const EXTRA_FIELDS = ['alias', 'telephone', 'address', 'external_position', 'biz_mail', 'gender'] as const;

/** WeCom's department as the mirror keeps it (parentid 0 = the root). */
export function toWxDept(d: Department): WxDept {
  return { id: d.id, name: d.name, parentId: d.parentid === 0 ? null : d.parentid, order: d.order };
}

export function toWxUser(u: User): WxUser {
  const extra: Record<string, string> = {};
  for (const f of EXTRA_FIELDS) {
    const v = u[f];
    if (v !== undefined && v !== '') extra[f] = String(v);
  }
  for (const a of u.extattr?.attrs ?? []) if (a.type === 0 && a.text) extra[`extattr.${a.name}`] = a.text.value;
  // 对外字段 (F4.4 对外字段对应关系) as the field map names them: external_profile.<attr name>.
  const ext = u.external_profile as { external_corp_name?: unknown; external_attr?: { type?: unknown; name?: unknown; text?: { value?: unknown } }[] } | undefined;
  if (typeof ext?.external_corp_name === 'string' && ext.external_corp_name) extra['external_profile.external_corp_name'] = ext.external_corp_name;
  for (const a of Array.isArray(ext?.external_attr) ? ext.external_attr : []) {
    if (a.type === 0 && typeof a.name === 'string' && typeof a.text?.value === 'string') extra[`external_profile.${a.name}`] = a.text.value;
  }
  const status = (u.status ?? (u.enable === 0 ? 2 : 1)) as WxStatus;
  return {
    userid: u.userid,
    name: u.name,
    mobile: u.mobile || null,
    email: u.email || null,
    position: u.position || null,
    department: u.department,
    mainDepartment: u.main_department ?? u.department[0] ?? null,
    status,
    extra,
  };
}

async function pool<T>(items: T[], size: number, fn: (t: T) => Promise<void>, signal: AbortSignal): Promise<void> {
  let i = 0;
  const worker = async () => {
    while (i < items.length) {
      if (signal.aborted) throw signal.reason ?? new Error('aborted');
      await fn(items[i++]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

export async function pullMirror(client: WeComClient, scopeApp: { agentid: number; name: string } | null, ctx: Pick<JobContext, 'signal' | 'progress'>): Promise<PullResult> {
  let calls = 0;
  const users = new Map<string, WxUser>();
  try {
    if (scopeApp) {
      const agent = await getAgent(client, scopeApp.agentid, { signal: ctx.signal });
      calls++;
      const parties = agent.allow_partys?.partyid ?? [];
      const people = agent.allow_userinfos?.user ?? [];
      if (parties.length === 0 && people.length > 0) throw new ScopeUsersOnlyError(scopeApp.name);
    }
    ctx.progress('departments', 0, 1);
    const depts = await listDepartments(client, {}, { signal: ctx.signal });
    calls++;
    const departments = depts.map(toWxDept);
    let done = 0;
    ctx.progress('users', 0, departments.length);
    try {
      // One user/list per department is the cheap path (members of several departments appear in each).
      await pool(
        departments,
        4,
        async (d) => {
          for (const u of await listUsers(client, d.id, { signal: ctx.signal })) if (!users.has(u.userid)) users.set(u.userid, toWxUser(u));
          calls++;
          ctx.progress('users', ++done, departments.length);
        },
        ctx.signal,
      );
    } catch (e) {
      // New 通讯录同步 IPs may not call user/list (48009): list ids, then read each member.
      if (!(e instanceof WeComError && (e.errcode === 48009 || e.errcode === 45029)) || scopeApp) throw e;
      users.clear();
      const ids = new Set<string>();
      for await (const row of listUserIds(client, {}, { signal: ctx.signal })) ids.add(row.userid);
      calls++;
      let n = 0;
      await pool(
        [...ids],
        4,
        async (id) => {
          users.set(id, toWxUser(await getUser(client, id, { signal: ctx.signal })));
          calls++;
          ctx.progress('users', ++n, ids.size);
        },
        ctx.signal,
      );
    }
    return { mirror: { departments, users: [...users.values()] }, complete: true, error: null, calls };
  } catch (e) {
    if (e instanceof ScopeUsersOnlyError || ctx.signal.aborted) throw e;
    const message = e instanceof WeComError ? e.message : e instanceof Error ? e.message : String(e);
    return { mirror: { departments: [], users: [] }, complete: false, error: message, calls };
  }
}
