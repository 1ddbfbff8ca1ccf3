// Turns the files an admin picks into a parsed OA directory: one workbook with both sheets, or a pair of
// CSV files (departments and users, recognised by their headers).
import * as XLSX from 'xlsx';
import type { OaDirectory, RowError } from './oa-model';
import { DEFAULT_DEPT_HEADERS, DEFAULT_USER_HEADERS, headersFor, OaMapping, type OaMappingInput } from './oa-mapping';
import { parseOaWorkbook, type ParseResult } from './oa-workbook';
import { readWorkbook, sheetRows, WorkbookError, writeWorkbook } from './workbook-io';

export interface InputFile {
  name: string;
  data: Buffer;
}

function kindOfSheet(ws: XLSX.WorkSheet, m: OaMapping): 'departments' | 'users' | null {
  const header = new Set((sheetRows(ws)[0] ?? []).map((h) => h.toLowerCase()));
  const has = (names: string[]) => names.some((n) => header.has(n.toLowerCase()));
  if (has(headersFor('department', m.users, DEFAULT_USER_HEADERS)) && has(headersFor('name', m.users, DEFAULT_USER_HEADERS))) return 'users';
  if (has(headersFor('id', m.departments, DEFAULT_DEPT_HEADERS)) && has(headersFor('parentId', m.departments, DEFAULT_DEPT_HEADERS))) return 'departments';
  return null;
}

export function parseOaFiles(files: InputFile[], mappingInput: OaMappingInput = {}): ParseResult {
  const mapping = OaMapping.parse(mappingInput);
  const fail = (reason: string, sheet = ''): ParseResult => ({ ok: false, errors: [{ sheet, row: 0, column: null, reason }] });
  let books: XLSX.WorkBook[];
  try {
    books = files.map((f) => readWorkbook(f.data, f.name));
  } catch (e) {
    if (e instanceof WorkbookError) return fail(e.message);
    throw e;
  }
  if (books.length === 1 && files[0].name.toLowerCase().endsWith('.csv')) {
    return fail('CSV 只能放一张表：请同时选择部门 CSV 和人员 CSV 两个文件，或使用含「部门」「人员」两个工作表的 .xlsx');
  }
  if (books.length === 1) return parseOaWorkbook(books[0], mapping);
  if (books.length !== 2) return fail('请选择一个工作簿，或部门、人员两个 CSV 文件');
  const combined = XLSX.utils.book_new();
  const found: Record<string, string> = {};
  books.forEach((wb, i) => {
    const ws = wb.Sheets[wb.SheetNames[0]];
    const kind = ws ? kindOfSheet(ws, mapping) : null;
    if (kind && !found[kind]) {
      found[kind] = files[i].name;
      XLSX.utils.book_append_sheet(combined, ws, kind === 'departments' ? '部门' : '人员');
    }
  });
  if (!found.departments || !found.users) {
    return fail(`无法识别 ${files.map((f) => f.name).join('、')}：一个应含「部门编号、上级部门编号」列，另一个应含「姓名、主部门编号」列`);
  }
  const r = parseOaWorkbook(combined, mapping);
  if (r.ok) return r;
  // Report errors against the file names the admin picked.
  const sheetFile: Record<string, string> = { 部门: found.departments, 人员: found.users };
  return { ok: false, errors: r.errors.map((e: RowError) => ({ ...e, sheet: sheetFile[e.sheet] ?? e.sheet })) };
}

/** The same layout `oa import` reads (Chinese headers), custom fields as extra columns. */
export function oaDirectoryToWorkbook(d: OaDirectory): Buffer {
  const customNames = [...new Set(d.users.flatMap((u) => Object.keys(u.custom)))];
  return writeWorkbook([
    {
      name: '部门',
      rows: [['部门编号', '部门名称', '上级部门编号', '排序', '类型'], ...d.departments.map((x) => [x.id, x.name, x.parentId ?? '', x.order, x.type === 'subcompany' ? '分部' : '部门'])],
    },
    {
      name: '人员',
      rows: [
        ['工号', '登录名', '姓名', '手机', '邮箱', '职位', '主部门编号', '兼职部门编号', '状态', '排序', ...customNames],
        ...d.users.map((u) => [
          u.workcode ?? '',
          u.loginid ?? '',
          u.name,
          u.mobile ?? '',
          u.email ?? '',
          u.position ?? '',
          u.department,
          u.partTimeDepartments.join(','),
          u.status === 'active' ? '在职' : '离职',
          u.order,
          ...customNames.map((n) => u.custom[n] ?? ''),
        ]),
      ],
    },
  ]);
}
