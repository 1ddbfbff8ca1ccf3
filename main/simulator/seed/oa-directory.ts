// An OA directory as the OA workbook layout of CLI.md ("oa import") holds it, and writing it as .xlsx:
// sheet 部门 (部门编号, 部门名称, 上级部门编号, 排序, 类型) and sheet 人员 (工号, 登录名, 姓名, 手机, 邮箱, 职位,
// 主部门编号, 兼职部门编号, 状态, 排序). OA order is ascending (smaller first), unlike WeCom's.
import { writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';

export interface OaDepartment {
  id: string;
  name: string;
  /** null for the root. */
  parentId: string | null;
  order: number;
  type: '分部' | '部门';
}

export interface OaUser {
  workcode: string;
  loginid: string;
  name: string;
  mobile: string;
  email: string;
  position: string;
  department: string;
  partTimeDepartments: string[];
  status: '在职' | '离职';
  order: number;
}

export interface OaDirectory {
  departments: OaDepartment[];
  users: OaUser[];
}

export const DEPT_HEADERS = ['部门编号', '部门名称', '上级部门编号', '排序', '类型'] as const;
export const USER_HEADERS = ['工号', '登录名', '姓名', '手机', '邮箱', '职位', '主部门编号', '兼职部门编号', '状态', '排序'] as const;

export function oaWorkbook(dir: OaDirectory): XLSX.WorkBook {
  const depts: (string | number)[][] = [
    [...DEPT_HEADERS],
    ...dir.departments.map((d) => [d.id, d.name, d.parentId ?? '', d.order, d.type]),
  ];
  const users: (string | number)[][] = [
    [...USER_HEADERS],
    ...dir.users.map((u) => [
      u.workcode, u.loginid, u.name, u.mobile, u.email, u.position, u.department, u.partTimeDepartments.join(','), u.status, u.order,
    ]),
  ];
  const wb = XLSX.utils.book_new();
  // Ids and mobiles are strings, so they become text cells (no 1.38E+10, no lost leading zeros).
  const sheet = (rows: (string | number)[][]) => {
    const ws = XLSX.utils.aoa_to_sheet(rows);
    ws['!cols'] = rows[0].map((h) => ({ wch: String(h).length > 4 ? 16 : 12 }));
    return ws;
  };
  XLSX.utils.book_append_sheet(wb, sheet(depts), '部门');
  XLSX.utils.book_append_sheet(wb, sheet(users), '人员');
  return wb;
}

export function oaWorkbookBuffer(dir: OaDirectory): Buffer {
  return XLSX.write(oaWorkbook(dir), { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

export function writeOaWorkbook(dir: OaDirectory, path: string): void {
  writeFileSync(path, oaWorkbookBuffer(dir));
}
