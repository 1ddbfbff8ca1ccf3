// F4.12 apply: run a journalled plan in order. Each operation is marked `started` before it is sent and
// `done` (with the mirror updated) after; a rerun after a crash or cancel skips what is done and checks
// WeCom's state for an operation left `started`, so nothing is created twice.
import {
  createDepartment,
  createUser,
  deleteDepartment,
  deleteUser,
  getDepartment,
  getUser,
  updateDepartment,
  updateUser,
  type UserInput,
  type UserUpdate,
} from '../wecom/api/contacts';
import { isWeComError } from '../wecom/api/common';
import type { WeComClient } from '../wecom/client';
import { explainErrcode } from '../wecom/errcodes';
import { WeComError, WeComNetworkError } from '../wecom/wecom-error';
import type { JobContext } from '../jobs/job-runner';
import type { MirrorRepo } from '../store/mirror-repo';
import type { JournalEntry, JournalOp, RunsRepo } from '../store/runs-repo';
import type { WxUser } from './model';
import type { DeptRef, Op } from './plan-types';
import { BATCH_IMPORT_THRESHOLD, batchCreateUsers } from './batch-import';

export interface ApplyFailure {
  op: Op['kind'];
  target: string;
  errcode: number | null;
  message: string;
}

export interface ApplyOutcome {
  done: number;
  failed: ApplyFailure[];
  held: number;
  cancelled: boolean;
}

class Unresolved extends Error {}

export function targetOf(op: Op): string {
  switch (op.kind) {
    case 'createDept':
      return op.name;
    case 'renameDept':
    case 'moveDept':
    case 'deleteDept':
    case 'linkDept':
      return String(op.wxDeptId);
    case 'createUser':
      return op.userid;
    default:
      return op.userid;
  }
}

/** Fixes, when the journal is written, the id each new department will get (so a resume can look it up). */
export function assignDeptIds(ops: Op[], existingIds: number[]): JournalOp[] {
  let next = Math.max(1, ...existingIds) + 1;
  return ops.map((op) => (op.kind === 'createDept' ? { ...op, assignedId: next++ } : op));
}

export async function applyJournal(args: {
  corpId: string;
  runId: string;
  client: WeComClient;
  mirror: MirrorRepo;
  runs: RunsRepo;
  disabledDept: { name: string; home: number };
  now: () => string;
  ctx: Pick<JobContext, 'signal' | 'progress'>;
  /** Creates at or above this count go through WeCom's async batch import. */
  batchThreshold?: number;
}): Promise<ApplyOutcome> {
  const { corpId, runId, client, mirror, runs, ctx } = args;
  const entries = runs.entries(runId);
  const assigned = new Map<string, number>();
  for (const e of entries) if (e.op.kind === 'createDept' && e.op.assignedId !== undefined) assigned.set(e.op.oaDeptId ?? 'disabled', e.op.assignedId);
  const failedDepts = new Set<string>();
  const outcome: ApplyOutcome = { done: entries.filter((e) => e.status === 'done').length, failed: [], held: entries.filter((e) => e.status === 'held').length, cancelled: false };
  for (const e of entries) if (e.status === 'failed') outcome.failed.push({ op: e.op.kind, target: targetOf(e.op), errcode: e.errcode, message: e.message ?? '' });
  const todo = entries.filter((e) => e.status === 'pending' || e.status === 'started');
  const total = entries.length - outcome.held;
  let links = new Map(mirror.links(corpId).map((l) => [l.oaDeptId, l.wxDeptId]));

  const resolve = (r: DeptRef): number => {
    if ('wx' in r) return r.wx;
    const key = 'oa' in r ? r.oa : 'disabled';
    if (failedDepts.has(key)) throw new Unresolved(`所属部门未能创建（${key}）`);
    const id = 'oa' in r ? (links.get(r.oa) ?? assigned.get(r.oa)) : assigned.get('disabled') ?? findDisabled();
    if (id === undefined) throw new Unresolved(`找不到部门 ${key}`);
    return id;
  };
  const findDisabled = () => mirror.findChildDept(corpId, args.disabledDept.home, args.disabledDept.name)?.id;
  const patchUser = (userid: string, patch: Partial<WxUser>) => {
    const cur = mirror.getUser(corpId, userid);
    if (cur) mirror.upsertUser(corpId, { ...cur, ...patch });
  };

  // The member template carries name, mobile, email, departments and position; creates with other mapped
  // fields (extattr…) go one by one.
  const batchable = todo.filter((e) => e.status === 'pending' && e.op.kind === 'createUser' && Object.keys(e.op.fields).every((f) => f === 'mobile' || f === 'email' || f === 'position'));
  let batched = batchable.length < (args.batchThreshold ?? BATCH_IMPORT_THRESHOLD);
  const handled = new Set<number>();
  for (const e of todo) {
    if (ctx.signal.aborted) {
      outcome.cancelled = true;
      break;
    }
    if (!batched && batchable[0] === e) {
      batched = true;
      await runBatch(batchable);
    }
    if (handled.has(e.seq)) continue;
    const uncertain = e.status === 'started';
    runs.mark(runId, e.seq, 'started');
    try {
      await execute(e.op, uncertain);
      runs.mark(runId, e.seq, 'done');
      outcome.done++;
    } catch (err) {
      if (ctx.signal.aborted && !(err instanceof WeComError)) {
        // Left `started`: the rerun checks WeCom before doing it again.
        outcome.cancelled = true;
        break;
      }
      const f = failure(e, err);
      if (e.op.kind === 'createDept') failedDepts.add(e.op.oaDeptId ?? 'disabled');
      runs.mark(runId, e.seq, 'failed', f.errcode, f.message);
      outcome.failed.push(f);
    }
    ctx.progress('apply', outcome.done + outcome.failed.length, total);
  }
  return outcome;

  /** All pending creates in one batch/syncuser job; the journal marks each person done or failed. */
  async function runBatch(entries: JournalEntry[]): Promise<void> {
    const rows: { entry: JournalEntry; op: Extract<Op, { kind: 'createUser' }>; department: number[]; main: number }[] = [];
    for (const e of entries) {
      if (e.op.kind !== 'createUser') continue;
      handled.add(e.seq);
      try {
        rows.push({ entry: e, op: e.op, department: e.op.department.map(resolve), main: resolve(e.op.mainDepartment) });
      } catch (err) {
        const f = failure(e, err);
        runs.mark(runId, e.seq, 'failed', f.errcode, f.message);
        outcome.failed.push(f);
      }
    }
    mirror.transaction(() => rows.forEach((r) => runs.mark(runId, r.entry.seq, 'started')));
    ctx.progress('batch', 0, rows.length);
    let result;
    try {
      result = await batchCreateUsers(client, rows, { invite: rows.some((r) => r.op.invite), signal: ctx.signal, onProgress: (pct) => ctx.progress('batch', Math.round((pct / 100) * rows.length), rows.length) });
    } catch (err) {
      // The job may or may not have run: the ops stay `started`, and a rerun checks each userid.
      if (ctx.signal.aborted) outcome.cancelled = true;
      else for (const r of rows) outcome.failed.push(failure(r.entry, err));
      return;
    }
    const failedBy = new Map(result.failed.map((f) => [f.userid, f]));
    mirror.transaction(() => {
      for (const r of rows) {
        const f = failedBy.get(r.op.userid);
        if (f) {
          runs.mark(runId, r.entry.seq, 'failed', f.errcode, f.message);
          outcome.failed.push({ op: 'createUser', target: r.op.userid, errcode: f.errcode, message: f.message });
          continue;
        }
        mirror.upsertUser(corpId, { userid: r.op.userid, name: r.op.name, mobile: r.op.fields.mobile ?? null, email: r.op.fields.email ?? null, position: r.op.fields.position ?? null, department: r.department, mainDepartment: r.main, status: 4, extra: extraOf(r.op.fields) });
        if (r.op.oaUserId && !mirror.bindingByOa(corpId, r.op.oaUserId)) mirror.bind(corpId, r.op.userid, r.op.oaUserId, 'push', args.now());
        runs.mark(runId, r.entry.seq, 'done');
        outcome.done++;
      }
    });
    ctx.progress('apply', outcome.done + outcome.failed.length, total);
  }

  async function execute(op: JournalOp, uncertain: boolean): Promise<void> {
    const o = { signal: ctx.signal };
    switch (op.kind) {
      case 'linkDept':
        mirror.link(corpId, op.wxDeptId, op.oaDeptId, args.now());
        links = new Map(mirror.links(corpId).map((l) => [l.oaDeptId, l.wxDeptId]));
        return;
      case 'bind':
        if (!mirror.bindingByWx(corpId, op.userid) && !mirror.bindingByOa(corpId, op.oaUserId)) mirror.bind(corpId, op.userid, op.oaUserId, 'auto', args.now());
        return;
      case 'createDept': {
        const id = op.assignedId!;
        const parentid = resolve(op.parent);
        const already = uncertain ? await getDepartment(client, id, o).catch((x: unknown) => (isWeComError(x, 60003, 60123) ? null : Promise.reject(x))) : null;
        if (!already) await createDepartment(client, { id, name: op.name, parentid, order: op.order }, o);
        mirror.transaction(() => {
          mirror.upsertDept(corpId, { id, name: op.name, parentId: parentid, order: op.order });
          if (op.oaDeptId) mirror.link(corpId, id, op.oaDeptId, args.now());
        });
        if (op.oaDeptId) links.set(op.oaDeptId, id);
        return;
      }
      case 'renameDept':
        await updateDepartment(client, { id: op.wxDeptId, name: op.to }, o);
        updateMirrorDept(op.wxDeptId, { name: op.to });
        return;
      case 'moveDept': {
        const parentId = resolve(op.toParent);
        await updateDepartment(client, { id: op.wxDeptId, parentid: parentId }, o);
        updateMirrorDept(op.wxDeptId, { parentId });
        return;
      }
      case 'deleteDept':
        await deleteDepartment(client, op.wxDeptId, o).catch((x: unknown) => (isWeComError(x, 60003, 60123) ? undefined : Promise.reject(x)));
        mirror.transaction(() => {
          mirror.removeDept(corpId, op.wxDeptId);
          mirror.unlinkWx(corpId, op.wxDeptId);
        });
        return;
      case 'createUser': {
        const department = op.department.map(resolve);
        const input: UserInput = { userid: op.userid, name: op.name, department, main_department: resolve(op.mainDepartment), to_invite: op.invite, ...userFields(op.fields) };
        const exists = uncertain ? await getUser(client, op.userid, o).catch((x: unknown) => (isWeComError(x, 60111, 40003) ? null : Promise.reject(x))) : null;
        if (!exists) await createUser(client, input, o);
        mirror.transaction(() => {
          mirror.upsertUser(corpId, { userid: op.userid, name: op.name, mobile: op.fields.mobile ?? null, email: op.fields.email ?? null, position: op.fields.position ?? null, department, mainDepartment: input.main_department ?? null, status: 4, extra: extraOf(op.fields) });
          if (op.oaUserId && !mirror.bindingByOa(corpId, op.oaUserId)) mirror.bind(corpId, op.userid, op.oaUserId, 'push', args.now());
        });
        return;
      }
      case 'updateUser': {
        const fields: Record<string, string> = {};
        for (const c of op.changes) fields[c.field] = c.to ?? '';
        const name = fields.name;
        delete fields.name;
        const input: UserUpdate = { userid: op.userid, ...(name !== undefined ? { name } : {}), ...userFields(fields), ...(op.newUserid ? { new_userid: op.newUserid } : {}) };
        const renamedAlready = uncertain && op.newUserid ? await isRenamed(op.userid, op.newUserid) : false;
        if (!renamedAlready) await updateUser(client, input, o);
        mirror.transaction(() => {
          const cur = mirror.getUser(corpId, op.userid);
          if (cur) {
            const next: WxUser = { ...cur, extra: { ...cur.extra } };
            for (const c of op.changes) setField(next, c.field, c.to);
            if (op.newUserid) {
              mirror.removeUser(corpId, op.userid);
              next.userid = op.newUserid;
              mirror.renameBoundUser(corpId, op.userid, op.newUserid);
            }
            mirror.upsertUser(corpId, next);
          }
        });
        return;
      }
      case 'moveUser': {
        const department = op.to.map(resolve);
        const main = resolve(op.mainDepartment);
        await updateUser(client, { userid: op.userid, department, main_department: main }, o);
        patchUser(op.userid, { department, mainDepartment: main });
        return;
      }
      case 'enableUser':
        await updateUser(client, { userid: op.userid, enable: 1 }, o);
        mirror.transaction(() => {
          patchUser(op.userid, { status: 1 });
          mirror.setDisabledAt(corpId, op.userid, null);
        });
        return;
      case 'disableUser': {
        const moveTo = op.moveTo ? resolve(op.moveTo) : null;
        await updateUser(client, { userid: op.userid, enable: 0, ...(moveTo ? { department: [moveTo], main_department: moveTo } : {}) }, o);
        mirror.transaction(() => {
          patchUser(op.userid, { status: 2, ...(moveTo ? { department: [moveTo], mainDepartment: moveTo } : {}) });
          mirror.setDisabledAt(corpId, op.userid, args.now());
        });
        return;
      }
      case 'deleteUser':
        await deleteUser(client, op.userid, o).catch((x: unknown) => (isWeComError(x, 60111) ? undefined : Promise.reject(x)));
        mirror.transaction(() => {
          mirror.removeUser(corpId, op.userid);
          mirror.unbind(corpId, op.userid);
        });
        return;
    }
  }

  function updateMirrorDept(id: number, patch: { name?: string; parentId?: number }) {
    const d = mirror.getDept(corpId, id);
    if (d) mirror.upsertDept(corpId, { ...d, ...patch });
  }

  async function isRenamed(from: string, to: string): Promise<boolean> {
    const gone = (id: string) => getUser(client, id, { signal: ctx.signal }).then(() => false, (x: unknown) => (isWeComError(x, 60111) ? true : Promise.reject(x)));
    return !(await gone(to)) && (await gone(from));
  }
}

/** Flat field names (as the field map names them) → WeCom's nested member fields. */
export function userFields(fields: Record<string, string>): Partial<UserUpdate> {
  const out: Record<string, unknown> = {};
  const attrs: { type: number; name: string; text: { value: string } }[] = [];
  const external: { type: number; name: string; text: { value: string } }[] = [];
  let externalCorpName: string | undefined;
  for (const [k, v] of Object.entries(fields)) {
    if (k.startsWith('extattr.')) attrs.push({ type: 0, name: k.slice(8), text: { value: v } });
    else if (k === 'external_profile.external_corp_name') externalCorpName = v;
    else if (k.startsWith('external_profile.')) external.push({ type: 0, name: k.slice(17), text: { value: v } });
    else out[k] = v;
  }
  if (attrs.length) out.extattr = { attrs };
  if (external.length || externalCorpName !== undefined) {
    out.external_profile = { ...(externalCorpName !== undefined ? { external_corp_name: externalCorpName } : {}), ...(external.length ? { external_attr: external } : {}) };
  }
  return out as Partial<UserUpdate>;
}

function extraOf(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !['mobile', 'email', 'position', 'name'].includes(k)));
}

function setField(u: WxUser, field: string, value: string | null) {
  if (field === 'name') u.name = value ?? '';
  else if (field === 'mobile' || field === 'email' || field === 'position') u[field] = value;
  else if (value === null) delete u.extra[field];
  else u.extra[field] = value;
}

function failure(e: JournalEntry, err: unknown): ApplyFailure {
  if (err instanceof WeComError) {
    const x = explainErrcode(err.errcode, { lang: 'zh-CN', secretKind: err.secretKind, errmsg: err.errmsg });
    return { op: e.op.kind, target: targetOf(e.op), errcode: err.errcode, message: `${x.message} ${x.action}` };
  }
  if (err instanceof WeComNetworkError || err instanceof Unresolved) return { op: e.op.kind, target: targetOf(e.op), errcode: null, message: err.message };
  return { op: e.op.kind, target: targetOf(e.op), errcode: null, message: err instanceof Error ? err.message : String(err) };
}
