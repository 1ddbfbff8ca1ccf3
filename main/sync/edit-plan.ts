// F4.15: an edit in 【通讯录管理】 → a one-operation plan that F4.12 applies (journal, errcode explanations,
// typed confirmation when destructive). Checked against the mirror with WeCom's rules first, so a bad edit
// is refused with its reason and nothing is sent. PURE.
import { emailProblem, deptNameProblem, MAX_DEPT_DEPTH, memberNameProblem, mobileProblem, telephoneProblem, useridProblem } from '../wecom/field-rules';
import { EDIT_MEMBER_FIELDS, type ContactEdit, type EditMemberField, type EditNoteCode, type EditProblem, type EditProblemCode } from './edit-schema';
import type { DeptLink, Mirror, UserBinding, WxDept, WxUser } from './model';
import { hashOps } from './plan';
import { DESTRUCTIVE, type FieldChange, type Op } from './plan-types';

export type { EditProblem } from './edit-schema';

export interface EditPlanBody {
  edit: ContactEdit;
  op: Op;
  /** Identifies the operation: the apply re-plans on a refreshed mirror and refuses if this changed. */
  opHash: string;
  destructive: number;
  target: { type: 'user' | 'dept'; id: string; name: string };
  /** What the admin sees before confirming: field, before → after. */
  changes: FieldChange[];
  notes: EditNoteCode[];
}

export interface EditContext {
  mirror: Mirror;
  bindings: UserBinding[];
  links: DeptLink[];
  /** The OA user an edit binds, looked up by id (null when the OA directory has no such user). */
  oaUser(id: string): { name: string } | null;
}

export type EditOutcome = { ok: true; plan: EditPlanBody } | { ok: false; problems: EditProblem[] };

const lower = (s: string) => s.toLowerCase();

export function planEdit(edit: ContactEdit, ctx: EditContext): EditOutcome {
  const problems: EditProblem[] = [];
  const bad = (field: string, code: EditProblemCode, message: string, params: Record<string, string | number> = {}) => problems.push({ field, code, message, params });
  const depts = new Map(ctx.mirror.departments.map((d) => [d.id, d]));
  const users = new Map(ctx.mirror.users.map((u) => [u.userid, u]));
  const oaOfUser = (userid: string) => ctx.bindings.find((b) => b.wxUserid === userid)?.oaUserId ?? null;
  const oaOfDept = (id: number) => ctx.links.find((l) => l.wxDeptId === id)?.oaDeptId ?? null;
  const deptName = (id: number) => depts.get(id)?.name ?? String(id);
  const names = (ids: number[]) => ids.map(deptName).join('、');
  const children = (id: number) => ctx.mirror.departments.filter((d) => d.parentId === id);

  const needUser = (userid: string): WxUser | null => {
    const u = users.get(userid);
    if (!u) bad('userid', 'notFound', `本地通讯录中没有成员 ${userid}：请先从企业微信同步`, { userid });
    return u ?? null;
  };
  const needDept = (field: string, id: number): WxDept | null => {
    const d = depts.get(id);
    if (!d) bad(field, 'deptMissing', `本地通讯录中没有部门 ${id}：请先从企业微信同步`, { id });
    return d ?? null;
  };
  const checkDepartments = (ids: number[], main: number) => {
    for (const id of ids) needDept('department', id);
    if (!ids.includes(main)) bad('mainDepartment', 'mainNotIn', '主部门必须是所在部门之一', {});
  };
  /** Unique among members other than `self`, as WeCom requires for userid (ignoring case), mobile and email. */
  const checkUnique = (field: 'userid' | 'mobile' | 'email', value: string, self: string | null) => {
    const norm = field === 'mobile' ? value : lower(value);
    const other = ctx.mirror.users.find((u) => u.userid !== self && (field === 'userid' ? lower(u.userid) : field === 'mobile' ? u.mobile : u.email && lower(u.email)) === norm);
    if (other) bad(field, 'taken', `${FIELD_ZH[field]} ${value} 已被成员 ${other.name}（${other.userid}）使用`, { value, name: other.name, userid: other.userid });
  };
  const checkField = (field: EditMemberField | 'name', value: string) => {
    if (value === '') return;
    const rule = { name: memberNameProblem, alias: memberNameProblem, mobile: mobileProblem, email: emailProblem, telephone: telephoneProblem, position: () => null }[field];
    const p = rule(value);
    if (p) bad(field, 'invalid', p, { reason: p });
  };
  const checkSiblingName = (parentId: number, name: string, self: number | null) => {
    const clash = children(parentId).find((d) => d.name === name && d.id !== self);
    if (clash) bad('name', 'siblingName', `「${deptName(parentId)}」下已有部门「${name}」（id ${clash.id}）：企业微信要求同级部门名称唯一`, { name, parent: deptName(parentId), id: clash.id });
  };
  const depthOf = (id: number): number => {
    let n = 0;
    for (let p: number | null = id; p !== null && n <= MAX_DEPT_DEPTH + 1; p = depts.get(p)?.parentId ?? null) n++;
    return n;
  };
  const subtreeHeight = (id: number): number => 1 + Math.max(0, ...children(id).map((c) => subtreeHeight(c.id)));
  const isRoot = (d: WxDept) => d.parentId === null;

  let op: Op | null = null;
  let target: EditPlanBody['target'] = { type: 'user', id: '', name: '' };
  const changes: FieldChange[] = [];
  const notes: EditNoteCode[] = [];

  switch (edit.kind) {
    case 'createUser': {
      const idProblem = useridProblem(edit.userid);
      if (idProblem) bad('userid', 'invalid', idProblem, { reason: idProblem });
      else checkUnique('userid', edit.userid, null);
      checkField('name', edit.name);
      const fields: Record<string, string> = {};
      for (const f of EDIT_MEMBER_FIELDS) {
        const v = edit[f];
        if (v === undefined || v === '') continue;
        checkField(f, v);
        if (f === 'mobile' || f === 'email') checkUnique(f, v, null);
        fields[f] = v;
      }
      if (!fields.mobile && !fields.email) bad('mobile', 'contactRequired', '手机号和邮箱至少填一项（企业微信 60129）');
      checkDepartments(edit.department, edit.mainDepartment);
      if (edit.oaUserId) {
        const oa = ctx.oaUser(edit.oaUserId);
        const boundTo = ctx.bindings.find((b) => b.oaUserId === edit.oaUserId);
        if (!oa) bad('oaUserId', 'oaNotFound', `OA 用户 ${edit.oaUserId} 不存在`, { id: edit.oaUserId });
        else if (boundTo) bad('oaUserId', 'oaBound', `OA 用户 ${oa.name} 已绑定企业微信成员 ${boundTo.wxUserid}`, { name: oa.name, userid: boundTo.wxUserid });
        else notes.push('bindsOa');
      }
      if (edit.invite) notes.push('invites');
      const department = edit.department.map((wx) => ({ wx }));
      op = { kind: 'createUser', key: `edit:createUser:${edit.userid}`, oaUserId: edit.oaUserId, userid: edit.userid, name: edit.name, fields, department, mainDepartment: { wx: edit.mainDepartment }, invite: edit.invite };
      target = { type: 'user', id: edit.userid, name: edit.name };
      changes.push({ field: 'userid', from: null, to: edit.userid }, { field: 'name', from: null, to: edit.name }, { field: 'department', from: null, to: names(edit.department) });
      if (edit.department.length > 1) changes.push({ field: 'mainDepartment', from: null, to: deptName(edit.mainDepartment) });
      for (const [field, to] of Object.entries(fields)) changes.push({ field, from: null, to });
      break;
    }
    case 'updateUser': {
      const u = needUser(edit.userid);
      if (!u) break;
      const current = (f: EditMemberField | 'name'): string | null => (f === 'name' ? u.name : f === 'mobile' || f === 'email' || f === 'position' ? u[f] : (u.extra[f] ?? null));
      for (const f of ['name', ...EDIT_MEMBER_FIELDS] as const) {
        const v = edit[f];
        if (v === undefined || v === (current(f) ?? '')) continue;
        if (f === 'name' && v === '') {
          bad('name', 'invalid', '姓名为空', { reason: '姓名为空' });
          continue;
        }
        checkField(f, v);
        if ((f === 'mobile' || f === 'email') && v) checkUnique(f, v, u.userid);
        changes.push({ field: f, from: current(f), to: v === '' ? null : v });
      }
      const after = (f: 'mobile' | 'email') => (changes.find((c) => c.field === f) ? changes.find((c) => c.field === f)!.to : u[f]);
      if (!after('mobile') && !after('email')) bad('mobile', 'contactRequired', '手机号和邮箱至少保留一项（企业微信 60129）');
      if (!changes.length && !problems.length) bad('name', 'unchanged', '没有修改任何字段');
      // WeCom ignores a new mobile once the member has activated (wecom-api.md): say so before, not after.
      if (u.status === 1 && changes.some((c) => c.field === 'mobile')) notes.push('mobileIgnoredWhenActive');
      op = { kind: 'updateUser', key: `edit:updateUser:${u.userid}`, userid: u.userid, oaUserId: oaOfUser(u.userid), changes: [...changes], newUserid: null };
      target = { type: 'user', id: u.userid, name: u.name };
      break;
    }
    case 'moveUser': {
      const u = needUser(edit.userid);
      if (!u) break;
      checkDepartments(edit.department, edit.mainDepartment);
      const same = u.department.length === edit.department.length && edit.department.every((d) => u.department.includes(d)) && u.mainDepartment === edit.mainDepartment;
      if (same) bad('department', 'unchanged', '所在部门没有变化');
      op = { kind: 'moveUser', key: `edit:moveUser:${u.userid}`, userid: u.userid, oaUserId: oaOfUser(u.userid), from: u.department, to: edit.department.map((wx) => ({ wx })), mainDepartment: { wx: edit.mainDepartment } };
      target = { type: 'user', id: u.userid, name: u.name };
      changes.push({ field: 'department', from: names(u.department), to: names(edit.department) });
      if (u.mainDepartment !== edit.mainDepartment) changes.push({ field: 'mainDepartment', from: u.mainDepartment !== null ? deptName(u.mainDepartment) : null, to: deptName(edit.mainDepartment) });
      break;
    }
    case 'disableUser':
    case 'enableUser':
    case 'deleteUser': {
      const u = needUser(edit.userid);
      if (!u) break;
      target = { type: 'user', id: u.userid, name: u.name };
      const oaUserId = oaOfUser(u.userid);
      if (edit.kind === 'disableUser') {
        if (u.status === 2) bad('userid', 'alreadyDisabled', `成员 ${u.name} 已是禁用状态`, { name: u.name });
        op = { kind: 'disableUser', key: `edit:disableUser:${u.userid}`, userid: u.userid, oaUserId, reason: 'manual', moveTo: null };
        changes.push({ field: 'status', from: STATUS[u.status], to: 'disabled' });
        notes.push('disableKeepsSeat');
      } else if (edit.kind === 'enableUser') {
        if (u.status !== 2) bad('userid', 'notDisabled', `成员 ${u.name} 不是禁用状态`, { name: u.name });
        op = { kind: 'enableUser', key: `edit:enableUser:${u.userid}`, userid: u.userid, oaUserId };
        changes.push({ field: 'status', from: 'disabled', to: 'active' });
      } else {
        op = { kind: 'deleteUser', key: `edit:deleteUser:${u.userid}`, userid: u.userid, oaUserId, reason: 'manual' };
        changes.push({ field: 'status', from: STATUS[u.status], to: 'deleted' });
        notes.push('deleteLosesData');
      }
      break;
    }
    case 'createDept': {
      const parent = needDept('parentId', edit.parentId);
      const p = deptNameProblem(edit.name);
      if (p) bad('name', 'invalid', p, { reason: p });
      if (parent) {
        checkSiblingName(parent.id, edit.name, null);
        if (depthOf(parent.id) + 1 > MAX_DEPT_DEPTH) bad('parentId', 'depth', `企业微信部门最多 ${MAX_DEPT_DEPTH} 层`, { max: MAX_DEPT_DEPTH });
      }
      // Last among its siblings: WeCom sorts larger order first.
      const siblingOrders = parent ? children(parent.id).map((d) => d.order) : [];
      const order = siblingOrders.length ? Math.max(0, Math.min(...siblingOrders) - 1000) : 100_000_000;
      op = { kind: 'createDept', key: `edit:createDept:${edit.parentId}:${edit.name}`, oaDeptId: null, name: edit.name, parent: { wx: edit.parentId }, order };
      target = { type: 'dept', id: '', name: edit.name };
      changes.push({ field: 'name', from: null, to: edit.name }, { field: 'parent', from: null, to: deptName(edit.parentId) });
      break;
    }
    case 'renameDept':
    case 'moveDept':
    case 'deleteDept': {
      const d = needDept('id', edit.id);
      if (!d) break;
      target = { type: 'dept', id: String(d.id), name: d.name };
      if (isRoot(d)) {
        bad('id', 'root', '根部门即企业本身，不能在云桥中改名、移动或删除（请在企业微信管理后台修改企业名称）');
        break;
      }
      if (edit.kind === 'renameDept') {
        const p = deptNameProblem(edit.name);
        if (p) bad('name', 'invalid', p, { reason: p });
        if (edit.name === d.name) bad('name', 'unchanged', '名称没有变化');
        checkSiblingName(d.parentId!, edit.name, d.id);
        op = { kind: 'renameDept', key: `edit:renameDept:${d.id}`, wxDeptId: d.id, oaDeptId: oaOfDept(d.id), from: d.name, to: edit.name };
        changes.push({ field: 'name', from: d.name, to: edit.name });
      } else if (edit.kind === 'moveDept') {
        const parent = needDept('parentId', edit.parentId);
        if (parent) {
          let inside = false;
          for (let p: number | null = parent.id; p !== null; p = depts.get(p)?.parentId ?? null) if (p === d.id) inside = true;
          if (inside) bad('parentId', 'cycle', '不能移动到它自己或它的下级部门之下');
          else if (parent.id === d.parentId) bad('parentId', 'unchanged', '上级部门没有变化');
          else {
            checkSiblingName(parent.id, d.name, d.id);
            if (depthOf(parent.id) + subtreeHeight(d.id) > MAX_DEPT_DEPTH) bad('parentId', 'depth', `移动后将超过企业微信的 ${MAX_DEPT_DEPTH} 层`, { max: MAX_DEPT_DEPTH });
          }
        }
        op = { kind: 'moveDept', key: `edit:moveDept:${d.id}`, wxDeptId: d.id, oaDeptId: oaOfDept(d.id), fromParent: d.parentId, toParent: { wx: edit.parentId } };
        changes.push({ field: 'parent', from: deptName(d.parentId!), to: deptName(edit.parentId) });
      } else {
        // WeCom refuses to delete a department with members or sub-departments (60005/60006).
        const members = ctx.mirror.users.filter((u) => u.department.includes(d.id)).length;
        const kids = children(d.id).length;
        if (members || kids) bad('id', 'notEmpty', `部门「${d.name}」还有 ${members} 名成员、${kids} 个子部门：企业微信只能删除空部门，请先移走成员和子部门`, { name: d.name, members, children: kids });
        op = { kind: 'deleteDept', key: `edit:deleteDept:${d.id}`, wxDeptId: d.id, name: d.name, oaDeptId: oaOfDept(d.id), outOfScope: false };
        changes.push({ field: 'department', from: d.name, to: null });
      }
      break;
    }
  }
  if (problems.length || !op) return { ok: false, problems };
  // A bound member or linked department follows the OA at the next push (direction ③): say so before.
  const managed = 'oaUserId' in op && op.kind !== 'createUser' ? op.oaUserId !== null : 'oaDeptId' in op && op.kind !== 'createDept' ? op.oaDeptId !== null : false;
  if (managed && op.kind !== 'deleteUser' && op.kind !== 'deleteDept') notes.push('oaManaged');
  return { ok: true, plan: { edit, op, opHash: hashOps([op]), destructive: DESTRUCTIVE.has(op.kind) ? 1 : 0, target, changes, notes } };
}

const STATUS: Record<number, string> = { 1: 'active', 2: 'disabled', 4: 'inactive', 5: 'quit' };
const FIELD_ZH: Record<'userid' | 'mobile' | 'email', string> = { userid: '账号', mobile: '手机号', email: '邮箱' };
