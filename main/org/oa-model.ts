// The OA directory as the product sees it, whatever the source (workbook, HTTP, SQL).
import { z } from 'zod';

export const OaDeptType = z.enum(['subcompany', 'department']);

export const OaDept = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  order: z.number(),
  type: OaDeptType,
});
export type OaDept = z.infer<typeof OaDept>;

export const OaUserStatus = z.enum(['active', 'departed']);

export const OaUser = z.object({
  /** The OA user id: 工号 when the directory has one, else 登录名. Bindings and scope lists use it. */
  id: z.string(),
  workcode: z.string().nullable(),
  loginid: z.string().nullable(),
  name: z.string(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  position: z.string().nullable(),
  department: z.string(),
  partTimeDepartments: z.array(z.string()),
  status: OaUserStatus,
  order: z.number(),
  /** Columns the workbook has beyond the standard ones, for the field mapping (F4.4). */
  custom: z.record(z.string(), z.string()),
});
export type OaUser = z.infer<typeof OaUser>;

export interface OaDirectory {
  departments: OaDept[];
  users: OaUser[];
}

export interface RowError {
  sheet: string;
  /** 1-based row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  column: string | null;
  reason: string;
}

export const OaCounts = z.object({
  departments: z.number(),
  subcompanies: z.number(),
  users: z.number(),
  active: z.number(),
  departed: z.number(),
});
export type OaCounts = z.infer<typeof OaCounts>;

export function countDirectory(d: OaDirectory): OaCounts {
  const active = d.users.filter((u) => u.status === 'active').length;
  return {
    departments: d.departments.length,
    subcompanies: d.departments.filter((x) => x.type === 'subcompany').length,
    users: d.users.length,
    active,
    departed: d.users.length - active,
  };
}
