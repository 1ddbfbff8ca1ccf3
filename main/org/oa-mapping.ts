// Which workbook columns hold which OA fields. The default accepts the Chinese layout of CLI.md and the
// English one; a saved mapping (per source) names other headers.
import { z } from 'zod';

export const DEPT_FIELDS = ['id', 'name', 'parentId', 'order', 'type'] as const;
export const USER_FIELDS = ['workcode', 'loginid', 'name', 'mobile', 'email', 'position', 'department', 'partTimeDepartments', 'status', 'order'] as const;
export type DeptField = (typeof DEPT_FIELDS)[number];
export type UserField = (typeof USER_FIELDS)[number];

const headerList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]));

export const OaMapping = z
  .object({
    sheets: z
      .object({ departments: headerList.optional(), users: headerList.optional() })
      .strict()
      .default({}),
    departments: z.partialRecord(z.enum(DEPT_FIELDS), headerList).default({}),
    users: z.partialRecord(z.enum(USER_FIELDS), headerList).default({}),
    /** Extra status words, e.g. {"试用": "active", "退休": "departed"}. */
    statusValues: z.record(z.string(), z.enum(['active', 'departed'])).default({}),
  })
  .strict();
export type OaMappingInput = z.input<typeof OaMapping>;
export type OaMapping = z.output<typeof OaMapping>;

export const DEFAULT_SHEETS = { departments: ['部门', 'departments'], users: ['人员', 'users'] };

export const DEFAULT_DEPT_HEADERS: Record<DeptField, string[]> = {
  id: ['部门编号', 'id'],
  name: ['部门名称', 'name'],
  parentId: ['上级部门编号', 'parentId'],
  order: ['排序', 'order'],
  type: ['类型', 'type'],
};

export const DEFAULT_USER_HEADERS: Record<UserField, string[]> = {
  workcode: ['工号', 'workcode'],
  loginid: ['登录名', 'loginid'],
  name: ['姓名', 'name'],
  mobile: ['手机', 'mobile'],
  email: ['邮箱', 'email'],
  position: ['职位', 'position'],
  department: ['主部门编号', 'department'],
  partTimeDepartments: ['兼职部门编号', 'partTimeDepartments'],
  status: ['状态', 'status'],
  order: ['排序', 'order'],
};

export const DEFAULT_STATUS: Record<string, 'active' | 'departed'> = { 在职: 'active', active: 'active', 离职: 'departed', departed: 'departed' };
export const DEFAULT_TYPES: Record<string, 'subcompany' | 'department'> = { 分部: 'subcompany', subcompany: 'subcompany', 部门: 'department', department: 'department' };

/** A mapping's headers for a field come first, then the defaults (so a partial mapping still works). */
export function headersFor<F extends string>(field: F, mapped: Partial<Record<F, string[]>>, defaults: Record<F, string[]>): string[] {
  return [...(mapped[field] ?? []), ...defaults[field]];
}
