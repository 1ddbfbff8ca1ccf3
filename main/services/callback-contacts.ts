// F4.13 incremental contacts: change_contact callbacks update the WeCom mirror as they arrive, with WeCom's
// partial-field semantics (a field absent from the event keeps its value; 通讯录同步 URLs set after 2022-08-15
// carry only UserID/Department and Id/ParentId), and each batch of changes is recorded in history (F4.14).
import type { Clock } from '../core/types';
import type { Logger } from '../core/logger';
import type { MirrorRepo } from '../store/mirror-repo';
import type { RunsRepo } from '../store/runs-repo';
import type { WxDept, WxStatus, WxUser } from '../sync/model';
import { child, children, text, type XmlNode } from '../listener/xml';

export interface AppliedChange {
  changeType: string;
  target: string;
  applied: boolean;
}

interface Batch {
  startedAt: string;
  total: number;
  counts: Record<string, number>;
  items: { type: string; target: string }[];
  timer: NodeJS.Timeout;
}

const EXTRA_FIELDS: [string, string][] = [['Alias', 'alias'], ['Telephone', 'telephone'], ['Address', 'address'], ['BizMail', 'biz_mail'], ['Gender', 'gender']];
const STATUSES = new Set([1, 2, 4, 5]);
const MAX_ITEMS = 200;

const int = (s: string | null): number | null => (s !== null && /^-?\d{1,10}$/.test(s.trim()) ? Number(s.trim()) : null);
const ints = (s: string) => s.split(',').map((x) => int(x)).filter((x): x is number => x !== null);

function applyUserFields(u: WxUser, m: XmlNode): void {
  const name = text(m, 'Name');
  if (name) u.name = name;
  for (const [field, key] of [['Mobile', 'mobile'], ['Email', 'email'], ['Position', 'position']] as const) {
    const v = text(m, field);
    if (v !== null) u[key] = v || null;
  }
  const dept = text(m, 'Department');
  if (dept !== null) u.department = ints(dept);
  const main = text(m, 'MainDepartment');
  if (main !== null) u.mainDepartment = int(main);
  const status = int(text(m, 'Status'));
  if (status !== null && STATUSES.has(status)) u.status = status as WxStatus;
  for (const [field, key] of EXTRA_FIELDS) {
    const v = text(m, field);
    if (v === null) continue;
    if (v === '') delete u.extra[key];
    else u.extra[key] = v;
  }
  const ext = child(m, 'ExtAttr');
  for (const item of ext ? children(ext, 'Item') : []) {
    if (typeof item !== 'object' || Array.isArray(item)) continue;
    const attr = text(item, 'Name');
    const t = child(item, 'Text');
    const value = t ? text(t, 'Value') : text(item, 'Value');
    if (!attr || (text(item, 'Type') ?? '0') !== '0' || value === null) continue;
    if (value === '') delete u.extra[`extattr.${attr}`];
    else u.extra[`extattr.${attr}`] = value;
  }
}

export function createContactChanges(deps: { mirror: MirrorRepo; runs: RunsRepo; clock: Clock; log?: Logger; flushMs?: number; maxBatch?: number }) {
  const { mirror } = deps;
  const flushMs = deps.flushMs ?? 1000;
  const maxBatch = deps.maxBatch ?? 500;
  const batches = new Map<string, Batch>();

  function flush(corpId: string): void {
    const b = batches.get(corpId);
    if (!b) return;
    batches.delete(corpId);
    clearTimeout(b.timer);
    try {
      const id = deps.runs.start(corpId, 'edit', 'wecom-callback', b.startedAt, null, 'running');
      deps.runs.finish(id, 'succeeded', deps.clock.now().toISOString(), { source: 'callback', event: 'change_contact', changes: b.total, counts: b.counts, items: b.items, truncated: b.total > b.items.length });
    } catch (e) {
      deps.log?.warn({ err: e, corpId }, 'could not record contact-change history');
    }
  }

  function record(corpId: string, c: AppliedChange): void {
    let b = batches.get(corpId);
    if (!b) {
      b = { startedAt: deps.clock.now().toISOString(), total: 0, counts: {}, items: [], timer: setTimeout(() => flush(corpId), flushMs) };
      b.timer.unref();
      batches.set(corpId, b);
    }
    b.total++;
    b.counts[c.changeType] = (b.counts[c.changeType] ?? 0) + 1;
    if (b.items.length < MAX_ITEMS) b.items.push({ type: c.changeType, target: c.target });
    if (b.total >= maxBatch) flush(corpId);
  }

  function upsertUser(corpId: string, m: XmlNode, created: boolean): string | null {
    const userid = text(m, 'UserID');
    if (!userid) return null;
    const cur = mirror.getUser(corpId, userid);
    const u: WxUser = cur
      ? { ...cur, department: [...cur.department], extra: { ...cur.extra } }
      : { userid, name: userid, mobile: null, email: null, position: null, department: [], mainDepartment: null, status: created ? 4 : 1, extra: {} };
    applyUserFields(u, m);
    if (u.mainDepartment === null && u.department.length) u.mainDepartment = u.department[0];
    const renamed = text(m, 'NewUserID');
    mirror.transaction(() => {
      if (renamed && renamed !== userid) {
        mirror.removeUser(corpId, userid);
        mirror.renameBoundUser(corpId, userid, renamed);
        u.userid = renamed;
      }
      mirror.upsertUser(corpId, u);
    });
    return u.userid;
  }

  function upsertDept(corpId: string, m: XmlNode): string | null {
    const id = int(text(m, 'Id'));
    if (id === null) return null;
    const cur = mirror.getDept(corpId, id);
    const d: WxDept = cur ? { ...cur } : { id, name: String(id), parentId: null, order: 0 };
    const name = text(m, 'Name');
    if (name) d.name = name;
    const parentText = text(m, 'ParentId');
    if (parentText !== null) {
      const p = int(parentText);
      d.parentId = p === null || p === 0 ? null : p;
    }
    const order = int(text(m, 'Order'));
    if (order !== null) d.order = order;
    mirror.upsertDept(corpId, d);
    return String(id);
  }

  /** Applies one change_contact event to the corp's mirror; returns what it did (null: not a contact change). */
  function apply(corpId: string, m: XmlNode): AppliedChange | null {
    const changeType = text(m, 'ChangeType');
    if (!changeType) return null;
    let target: string | null = null;
    let applied = true;
    switch (changeType) {
      case 'create_user':
      case 'update_user':
        target = upsertUser(corpId, m, changeType === 'create_user');
        break;
      case 'delete_user':
        target = text(m, 'UserID');
        if (target) mirror.removeUser(corpId, target);
        break;
      case 'create_party':
      case 'update_party':
        target = upsertDept(corpId, m);
        break;
      case 'delete_party': {
        const id = int(text(m, 'Id'));
        if (id !== null) mirror.removeDept(corpId, id);
        target = id === null ? null : String(id);
        break;
      }
      default:
        // update_tag and future types: tags are not mirrored; recorded, nothing to apply.
        target = text(m, 'TagId') ?? '';
        applied = false;
    }
    if (target === null) return { changeType, target: '', applied: false };
    const result = { changeType, target, applied };
    record(corpId, result);
    return result;
  }

  return {
    apply,
    flushAll: () => [...batches.keys()].forEach(flush),
  };
}

export type ContactChanges = ReturnType<typeof createContactChanges>;
