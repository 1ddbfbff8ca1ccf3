// zod schemas for contact request bodies, shared by the WeCom routes and the admin API. Loose objects: WeCom
// ignores fields it does not know. Integers are accepted as JSON numbers or digit strings, as WeCom does.
import { z } from 'zod';

export const intLike = z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)]);

const genderLike = z
  .union([z.literal('0'), z.literal('1'), z.literal('2'), z.literal(0), z.literal(1), z.literal(2)])
  .transform((g) => String(g) as '0' | '1' | '2');

const flag = z.union([z.literal(0), z.literal(1), z.literal('0'), z.literal('1')]).transform((v) => Number(v) as 0 | 1);

export const DeptCreateBody = z
  .object({
    name: z.string(),
    name_en: z.string().optional(),
    parentid: intLike,
    order: intLike.optional(),
    id: intLike.optional(),
  })
  .loose();
export type DeptCreateInput = z.output<typeof DeptCreateBody>;

export const DeptUpdateBody = z
  .object({
    id: intLike,
    name: z.string().optional(),
    name_en: z.string().optional(),
    parentid: intLike.optional(),
    order: intLike.optional(),
  })
  .loose();
export type DeptUpdateInput = z.output<typeof DeptUpdateBody>;

const userFields = {
  alias: z.string().optional(),
  mobile: z.string().optional(),
  order: z.array(intLike).optional(),
  position: z.string().optional(),
  gender: genderLike.optional(),
  email: z.string().optional(),
  biz_mail: z.string().optional(),
  telephone: z.string().optional(),
  is_leader_in_dept: z.array(intLike).optional(),
  direct_leader: z.array(z.string()).optional(),
  enable: flag.optional(),
  avatar_mediaid: z.string().optional(),
  address: z.string().optional(),
  main_department: intLike.optional(),
  extattr: z.object({ attrs: z.array(z.json()) }).loose().optional(),
  external_position: z.string().optional(),
  external_profile: z.json().optional(),
};

export const UserCreateBody = z
  .object({
    userid: z.string(),
    name: z.string(),
    department: z.array(intLike),
    to_invite: z.boolean().optional(),
    ...userFields,
  })
  .loose();
export type UserCreateInput = z.output<typeof UserCreateBody>;

export const UserUpdateBody = z
  .object({
    userid: z.string(),
    new_userid: z.string().optional(),
    name: z.string().optional(),
    department: z.array(intLike).optional(),
    ...userFields,
  })
  .loose();
export type UserUpdateInput = z.output<typeof UserUpdateBody>;

/** What only the admin console can set: a generated userid, activation, quitting, permissions. */
const adminUserFields = {
  activated: z.boolean().optional(),
  quit: z.boolean().optional(),
  customerContact: z.boolean().optional(),
  msgaudit: z.boolean().optional(),
};

export const AdminUserCreateBody = UserCreateBody.extend({ userid: z.string().optional(), ...adminUserFields });
export type AdminUserCreateInput = z.output<typeof AdminUserCreateBody>;

export const AdminUserUpdateBody = UserUpdateBody.extend(adminUserFields);
export type AdminUserUpdateInput = z.output<typeof AdminUserUpdateBody>;
