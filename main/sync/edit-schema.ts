// F4.15 edits in 【通讯录管理】: one change to one WeCom member or department, as the admin asks for it. The
// same schema checks the window's form, the HTTP/IPC input and the stored edit plan.
import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max);
/** Optional member fields a form may send; '' clears the field. */
const memberFields = {
  mobile: text(32).optional(),
  email: text(64).optional(),
  position: text(128).optional(),
  alias: text(64).optional(),
  telephone: text(32).optional(),
};
const deptId = z.number().int().positive();
const userid = z.string().trim().min(1).max(64);

export const ContactEdit = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('createUser'),
    userid,
    name: text(64).min(1),
    department: z.array(deptId).min(1).max(20),
    mainDepartment: deptId,
    ...memberFields,
    /** Bind the new member to this OA user in the same journalled step. */
    oaUserId: z.string().min(1).nullable().default(null),
    invite: z.boolean().default(false),
  }),
  z.object({ kind: z.literal('updateUser'), userid, name: text(64).optional(), ...memberFields }),
  z.object({ kind: z.literal('moveUser'), userid, department: z.array(deptId).min(1).max(20), mainDepartment: deptId }),
  z.object({ kind: z.literal('disableUser'), userid }),
  z.object({ kind: z.literal('enableUser'), userid }),
  z.object({ kind: z.literal('deleteUser'), userid }),
  z.object({ kind: z.literal('createDept'), name: text(32).min(1), parentId: deptId }),
  z.object({ kind: z.literal('renameDept'), id: deptId, name: text(32).min(1) }),
  z.object({ kind: z.literal('moveDept'), id: deptId, parentId: deptId }),
  z.object({ kind: z.literal('deleteDept'), id: deptId }),
]);
export type ContactEdit = z.infer<typeof ContactEdit>;
export type ContactEditKind = ContactEdit['kind'];

/** The member fields an edit may set besides the name. */
export const EDIT_MEMBER_FIELDS = ['mobile', 'email', 'position', 'alias', 'telephone'] as const;
export type EditMemberField = (typeof EDIT_MEMBER_FIELDS)[number];

export type EditProblemCode =
  | 'notFound'
  | 'deptMissing'
  | 'invalid'
  | 'taken'
  | 'unchanged'
  | 'mainNotIn'
  | 'contactRequired'
  | 'root'
  | 'cycle'
  | 'depth'
  | 'siblingName'
  | 'notEmpty'
  | 'alreadyDisabled'
  | 'notDisabled'
  | 'oaNotFound'
  | 'oaBound';

export interface EditProblem {
  /** The form field it belongs to. */
  field: string;
  code: EditProblemCode;
  params: Record<string, string | number>;
  message: string;
}

export type EditNoteCode = 'mobileIgnoredWhenActive' | 'disableKeepsSeat' | 'deleteLosesData' | 'bindsOa' | 'invites' | 'oaManaged';
