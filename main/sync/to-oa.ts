// F4.3 是否同步到OA: what changed in the WeCom mirror at a pull, as rows for the OA side. The file source
// cannot be written to, so the rows become a change workbook the OA admin applies. Pure.
import type { Mirror, UserBinding } from './model';

export interface OaChangeRow {
  kind: 'userAdded' | 'userChanged' | 'userRemoved' | 'deptAdded' | 'deptChanged' | 'deptRemoved';
  wecomId: string;
  oaId: string;
  name: string;
  field: string;
  before: string;
  after: string;
}

const USER_FIELDS = ['name', 'mobile', 'email', 'position', 'status', 'department'] as const;

export function mirrorChanges(before: Mirror, after: Mirror, bindings: UserBinding[]): OaChangeRow[] {
  const oaOf = new Map(bindings.map((b) => [b.wxUserid, b.oaUserId]));
  const rows: OaChangeRow[] = [];
  const prevUsers = new Map(before.users.map((u) => [u.userid, u]));
  const nextUsers = new Map(after.users.map((u) => [u.userid, u]));
  const val = (u: Mirror['users'][number], f: (typeof USER_FIELDS)[number]) => (f === 'department' ? u.department.join(',') : f === 'status' ? String(u.status) : (u[f] ?? ''));
  for (const u of after.users) {
    const p = prevUsers.get(u.userid);
    const base = { wecomId: u.userid, oaId: oaOf.get(u.userid) ?? '', name: u.name };
    if (!p) rows.push({ kind: 'userAdded', ...base, field: '', before: '', after: '' });
    else for (const f of USER_FIELDS) if (val(p, f) !== val(u, f)) rows.push({ kind: 'userChanged', ...base, field: f, before: val(p, f), after: val(u, f) });
  }
  for (const p of before.users) if (!nextUsers.has(p.userid)) rows.push({ kind: 'userRemoved', wecomId: p.userid, oaId: oaOf.get(p.userid) ?? '', name: p.name, field: '', before: '', after: '' });
  const prevDepts = new Map(before.departments.map((d) => [d.id, d]));
  const nextDepts = new Map(after.departments.map((d) => [d.id, d]));
  for (const d of after.departments) {
    const p = prevDepts.get(d.id);
    const base = { wecomId: String(d.id), oaId: '', name: d.name };
    if (!p) rows.push({ kind: 'deptAdded', ...base, field: 'parentId', before: '', after: String(d.parentId ?? '') });
    else {
      if (p.name !== d.name) rows.push({ kind: 'deptChanged', ...base, field: 'name', before: p.name, after: d.name });
      if (p.parentId !== d.parentId) rows.push({ kind: 'deptChanged', ...base, field: 'parentId', before: String(p.parentId ?? ''), after: String(d.parentId ?? '') });
    }
  }
  for (const p of before.departments) if (!nextDepts.has(p.id)) rows.push({ kind: 'deptRemoved', wecomId: String(p.id), oaId: '', name: p.name, field: '', before: '', after: '' });
  return rows;
}

const KIND_ZH: Record<OaChangeRow['kind'], string> = {
  userAdded: '新增成员',
  userChanged: '成员变更',
  userRemoved: '成员移除',
  deptAdded: '新增部门',
  deptChanged: '部门变更',
  deptRemoved: '部门移除',
};

export function changeRowsTable(rows: OaChangeRow[]): string[][] {
  return [['变更类型', '企业微信ID', 'OA用户ID', '名称', '字段', '变更前', '变更后'], ...rows.map((r) => [KIND_ZH[r.kind], r.wecomId, r.oaId, r.name, r.field, r.before, r.after])];
}
