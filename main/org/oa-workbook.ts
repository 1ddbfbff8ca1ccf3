// The OA directory workbook (CLI.md "oa import"): sheet 部门 and sheet 人员, every row validated; a file
// with any invalid row yields the full list of errors and no directory.
import type * as XLSX from 'xlsx';
import type { OaDept, OaDirectory, OaUser, RowError } from './oa-model';
import {
  DEFAULT_DEPT_HEADERS,
  DEFAULT_SHEETS,
  DEFAULT_STATUS,
  DEFAULT_USER_HEADERS,
  DEFAULT_TYPES,
  DEPT_FIELDS,
  headersFor,
  USER_FIELDS,
  type DeptField,
  type OaMapping,
  type UserField,
} from './oa-mapping';
import { findSheet, sheetRows, type Cell } from './workbook-io';

export type ParseResult = { ok: true; directory: OaDirectory } | { ok: false; errors: RowError[] };

const MOBILE = /^\+?[0-9][0-9 -]{4,31}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SPLIT = /[,，;；、]/;

interface Columns<F extends string> {
  index: Partial<Record<F, number>>;
  header: Partial<Record<F, string>>;
  extra: { index: number; name: string }[];
}

function locateColumns<F extends string>(sheet: string, header: Cell[], fields: readonly F[], mapped: Partial<Record<F, string[]>>, defaults: Record<F, string[]>, errors: RowError[]): Columns<F> {
  const cols: Columns<F> = { index: {}, header: {}, extra: [] };
  const seen = new Map<string, number>();
  header.forEach((h, i) => {
    if (!h) return;
    const key = h.toLowerCase();
    if (seen.has(key)) errors.push({ sheet, row: 1, column: h, reason: `表头「${h}」重复` });
    seen.set(key, i);
  });
  const used = new Set<number>();
  for (const f of fields) {
    for (const name of headersFor(f, mapped, defaults)) {
      const i = seen.get(name.toLowerCase());
      if (i !== undefined) {
        cols.index[f] = i;
        cols.header[f] = header[i];
        used.add(i);
        break;
      }
    }
  }
  header.forEach((h, i) => {
    if (h && !used.has(i)) cols.extra.push({ index: i, name: h });
  });
  return cols;
}

function requireColumns<F extends string>(sheet: string, cols: Columns<F>, required: F[], defaults: Record<F, string[]>, errors: RowError[]): boolean {
  let ok = true;
  for (const f of required) {
    if (cols.index[f] === undefined) {
      errors.push({ sheet, row: 1, column: defaults[f][0], reason: `缺少列「${defaults[f].join('」或「')}」` });
      ok = false;
    }
  }
  return ok;
}

const blank = (r: Cell[]) => r.every((c) => c === '');

function parseOrder(v: string, sheet: string, row: number, column: string, errors: RowError[], fallback: number): number {
  if (v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n)) {
    errors.push({ sheet, row, column, reason: `排序「${v}」不是数字` });
    return fallback;
  }
  return n;
}

function parseDepartments(wb: XLSX.WorkBook, m: OaMapping, errors: RowError[]): OaDept[] | null {
  const sheet = findSheet(wb, [...(m.sheets.departments ?? []), ...DEFAULT_SHEETS.departments]);
  if (!sheet) {
    errors.push({ sheet: DEFAULT_SHEETS.departments[0], row: 0, column: null, reason: `找不到部门工作表（「${[...(m.sheets.departments ?? []), ...DEFAULT_SHEETS.departments].join('」或「')}」）` });
    return null;
  }
  const rows = sheetRows(wb.Sheets[sheet]);
  if (!rows.length) {
    errors.push({ sheet, row: 1, column: null, reason: '工作表为空（缺少表头）' });
    return null;
  }
  const cols = locateColumns<DeptField>(sheet, rows[0], DEPT_FIELDS, m.departments, DEFAULT_DEPT_HEADERS, errors);
  if (!requireColumns(sheet, cols, ['id', 'name', 'parentId'], DEFAULT_DEPT_HEADERS, errors)) return null;
  const get = (r: Cell[], f: DeptField) => (cols.index[f] === undefined ? '' : (r[cols.index[f]!] ?? ''));
  const col = (f: DeptField) => cols.header[f] ?? DEFAULT_DEPT_HEADERS[f][0];
  const depts: (OaDept & { row: number })[] = [];
  const byId = new Map<string, number>();
  rows.slice(1).forEach((r, i) => {
    const row = i + 2;
    if (blank(r)) return;
    const id = get(r, 'id');
    const name = get(r, 'name');
    const typeText = get(r, 'type');
    const type = typeText === '' ? 'department' : DEFAULT_TYPES[typeText] ?? DEFAULT_TYPES[typeText.toLowerCase()];
    if (!id) errors.push({ sheet, row, column: col('id'), reason: '部门编号为空' });
    else if (byId.has(id)) errors.push({ sheet, row, column: col('id'), reason: `部门编号「${id}」与第 ${byId.get(id)} 行重复` });
    if (!name) errors.push({ sheet, row, column: col('name'), reason: '部门名称为空' });
    if (!type) errors.push({ sheet, row, column: col('type'), reason: `类型「${typeText}」只能是 分部 或 部门` });
    const order = parseOrder(get(r, 'order'), sheet, row, col('order'), errors, i);
    // Rows with errors still take part in the tree checks below, so one pass reports everything;
    // any error means no directory is returned at all.
    if (id && !byId.has(id)) {
      byId.set(id, row);
      depts.push({ id, name, parentId: get(r, 'parentId') || null, order, type: type ?? 'department', row });
    }
  });
  const roots = depts.filter((d) => d.parentId === null);
  if (depts.length && roots.length === 0) errors.push({ sheet, row: 0, column: col('parentId'), reason: '没有根部门（上级部门编号为空的一行）' });
  for (const extra of roots.slice(1)) errors.push({ sheet, row: extra.row, column: col('parentId'), reason: `只能有一个根部门：第 ${roots[0].row} 行已是根部门` });
  const known = new Map(depts.map((d) => [d.id, d]));
  for (const d of depts) {
    if (d.parentId !== null && !known.has(d.parentId)) errors.push({ sheet, row: d.row, column: col('parentId'), reason: `上级部门编号「${d.parentId}」不存在` });
    if (d.parentId === d.id) errors.push({ sheet, row: d.row, column: col('parentId'), reason: '上级部门不能是自己' });
  }
  // Cycles: walk up from each department; a walk longer than the tree means a loop.
  for (const d of depts) {
    let cur: OaDept | undefined = d;
    for (let steps = 0; cur && cur.parentId !== null; steps++) {
      if (steps > depts.length) {
        errors.push({ sheet, row: d.row, column: col('parentId'), reason: '上级部门形成了循环' });
        break;
      }
      cur = known.get(cur.parentId);
    }
  }
  return depts.map(({ row: _row, ...d }) => d);
}

function parseUsers(wb: XLSX.WorkBook, m: OaMapping, deptIds: Set<string>, errors: RowError[]): OaUser[] | null {
  const sheet = findSheet(wb, [...(m.sheets.users ?? []), ...DEFAULT_SHEETS.users]);
  if (!sheet) {
    errors.push({ sheet: DEFAULT_SHEETS.users[0], row: 0, column: null, reason: `找不到人员工作表（「${[...(m.sheets.users ?? []), ...DEFAULT_SHEETS.users].join('」或「')}」）` });
    return null;
  }
  const rows = sheetRows(wb.Sheets[sheet]);
  if (!rows.length) {
    errors.push({ sheet, row: 1, column: null, reason: '工作表为空（缺少表头）' });
    return null;
  }
  const cols = locateColumns<UserField>(sheet, rows[0], USER_FIELDS, m.users, { ...DEFAULT_USER_HEADERS }, errors);
  if (!requireColumns(sheet, cols, ['name', 'department'], DEFAULT_USER_HEADERS, errors)) return null;
  if (cols.index.workcode === undefined && cols.index.loginid === undefined) {
    errors.push({ sheet, row: 1, column: '工号', reason: '缺少列「工号」或「登录名」（至少要有一列来标识人员）' });
    return null;
  }
  const get = (r: Cell[], f: UserField) => (cols.index[f] === undefined ? '' : (r[cols.index[f]!] ?? ''));
  const col = (f: UserField) => cols.header[f] ?? DEFAULT_USER_HEADERS[f][0];
  const statusMap: Record<string, 'active' | 'departed'> = { ...DEFAULT_STATUS, ...m.statusValues };
  const users: OaUser[] = [];
  const seen = { id: new Map<string, number>(), workcode: new Map<string, number>(), loginid: new Map<string, number>() };
  rows.slice(1).forEach((r, i) => {
    const row = i + 2;
    if (blank(r)) return;
    const errCount = errors.length;
    const workcode = get(r, 'workcode') || null;
    const loginid = get(r, 'loginid') || null;
    const name = get(r, 'name');
    const mobile = get(r, 'mobile') || null;
    const email = get(r, 'email') || null;
    const department = get(r, 'department');
    const statusText = get(r, 'status');
    const status = statusText === '' ? 'active' : statusMap[statusText] ?? statusMap[statusText.toLowerCase()];
    const id = workcode ?? loginid;
    if (!id) errors.push({ sheet, row, column: col('workcode'), reason: '工号和登录名都为空' });
    for (const [key, value] of [['workcode', workcode], ['loginid', loginid]] as const) {
      if (!value) continue;
      const prev = seen[key].get(value);
      if (prev !== undefined) errors.push({ sheet, row, column: col(key), reason: `「${value}」与第 ${prev} 行重复` });
      else seen[key].set(value, row);
    }
    if (id && workcode === null && seen.id.has(id)) errors.push({ sheet, row, column: col('loginid'), reason: `人员标识「${id}」与第 ${seen.id.get(id)} 行重复` });
    if (id) seen.id.set(id, row);
    if (!name) errors.push({ sheet, row, column: col('name'), reason: '姓名为空' });
    if (mobile && !MOBILE.test(mobile)) errors.push({ sheet, row, column: col('mobile'), reason: `手机「${mobile}」格式不对（数字、+、-）` });
    if (email && !EMAIL.test(email)) errors.push({ sheet, row, column: col('email'), reason: `邮箱「${email}」格式不对` });
    if (!department) errors.push({ sheet, row, column: col('department'), reason: '主部门编号为空' });
    // Departed staff often sit in departments HR has since closed: only people who stay need a live department.
    else if (status !== 'departed' && !deptIds.has(department)) errors.push({ sheet, row, column: col('department'), reason: `主部门编号「${department}」不在部门表中` });
    const partTime = get(r, 'partTimeDepartments').split(SPLIT).map((s) => s.trim()).filter(Boolean);
    if (status !== 'departed') for (const p of partTime) if (!deptIds.has(p)) errors.push({ sheet, row, column: col('partTimeDepartments'), reason: `兼职部门编号「${p}」不在部门表中` });
    if (!status) errors.push({ sheet, row, column: col('status'), reason: `状态「${statusText}」只能是 在职 或 离职` });
    const order = parseOrder(get(r, 'order'), sheet, row, col('order'), errors, i);
    if (errors.length !== errCount) return;
    const custom: Record<string, string> = {};
    for (const x of cols.extra) if (r[x.index]) custom[x.name] = r[x.index];
    users.push({
      id: id!,
      workcode,
      loginid,
      name,
      mobile,
      email,
      position: get(r, 'position') || null,
      department,
      partTimeDepartments: [...new Set(partTime.filter((p) => p !== department))],
      status: status!,
      order,
      custom,
    });
  });
  return users;
}

export function parseOaWorkbook(wb: XLSX.WorkBook, mapping: OaMapping): ParseResult {
  const errors: RowError[] = [];
  const departments = parseDepartments(wb, mapping, errors);
  const users = parseUsers(wb, mapping, new Set((departments ?? []).map((d) => d.id)), errors);
  if (errors.length || !departments || !users) return { ok: false, errors };
  return { ok: true, directory: { departments, users } };
}
