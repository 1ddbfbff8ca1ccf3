// Shapes of WeCom's contact records (wecom-api.md §2) as replies carry them, and the inputs our writes send.
// Reply schemas are tolerant: unknown fields are dropped, most fields optional (what a reply includes depends on
// the secret and on WeCom's 2022 privacy changes).
import { z } from 'zod';

/** WeCom sends some integers as strings (e.g. department ids in a few replies); accept both. */
const int = z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)]);

export const Department = z.object({
  id: int,
  name: z.string().default(''),
  name_en: z.string().optional(),
  department_leader: z.array(z.string()).default([]),
  parentid: int.default(0),
  order: z.number().default(0),
});
export type Department = z.output<typeof Department>;

export const DepartmentRef = z.object({ id: int, parentid: int.default(0), order: z.number().default(0) });
export type DepartmentRef = z.output<typeof DepartmentRef>;

const ExtAttr = z.object({
  type: z.number().int(),
  name: z.string(),
  text: z.object({ value: z.string() }).optional(),
  web: z.object({ url: z.string(), title: z.string() }).optional(),
  miniprogram: z.object({ appid: z.string(), pagepath: z.string(), title: z.string() }).partial().optional(),
});
export type ExtAttr = z.output<typeof ExtAttr>;

export const User = z.object({
  userid: z.string(),
  name: z.string().default(''),
  department: z.array(int).default([]),
  order: z.array(z.number()).optional(),
  position: z.string().optional(),
  mobile: z.string().optional(),
  /** "1" male, "2" female, "0" undefined or not visible to this secret. */
  gender: z
    .union([z.string(), z.number()])
    .transform((g) => String(g))
    .optional(),
  email: z.string().optional(),
  biz_mail: z.string().optional(),
  is_leader_in_dept: z.array(z.number()).optional(),
  direct_leader: z.array(z.string()).optional(),
  avatar: z.string().optional(),
  thumb_avatar: z.string().optional(),
  telephone: z.string().optional(),
  alias: z.string().optional(),
  address: z.string().optional(),
  open_userid: z.string().optional(),
  main_department: int.optional(),
  extattr: z.object({ attrs: z.array(ExtAttr).default([]) }).optional(),
  /** 1 active, 2 disabled, 4 not activated, 5 quit. */
  status: z.number().int().optional(),
  enable: z.number().int().optional(),
  qr_code: z.string().optional(),
  external_position: z.string().optional(),
  external_profile: z.record(z.string(), z.unknown()).optional(),
});
export type User = z.output<typeof User>;

export const SimpleUser = z.object({
  userid: z.string(),
  name: z.string().default(''),
  department: z.array(int).default([]),
  open_userid: z.string().optional(),
});
export type SimpleUser = z.output<typeof SimpleUser>;

/** One row per (user, department) from user/list_id. */
export const DeptUser = z.object({ userid: z.string(), department: int });
export type DeptUser = z.output<typeof DeptUser>;

export interface DepartmentInput {
  name: string;
  parentid: number;
  name_en?: string;
  order?: number;
  /** 32-bit, > 1; WeCom picks one when omitted. */
  id?: number;
}

export interface DepartmentUpdate {
  id: number;
  name?: string;
  name_en?: string;
  parentid?: number;
  order?: number;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

interface UserFields {
  alias?: string;
  mobile?: string;
  order?: number[];
  position?: string;
  gender?: '1' | '2';
  email?: string;
  biz_mail?: string;
  telephone?: string;
  is_leader_in_dept?: (0 | 1)[];
  direct_leader?: string[];
  enable?: 0 | 1;
  avatar_mediaid?: string;
  address?: string;
  main_department?: number;
  extattr?: { attrs: JsonValue[] };
  external_position?: string;
  external_profile?: { [key: string]: JsonValue };
}

export interface UserInput extends UserFields {
  userid: string;
  name: string;
  department: number[];
  /** Default true: WeCom invites the new member by SMS/email. */
  to_invite?: boolean;
}

export interface UserUpdate extends UserFields {
  userid: string;
  /** Allowed once, for a userid WeCom generated (301036 otherwise). */
  new_userid?: string;
  name?: string;
  department?: number[];
}
