// Customer contact (客户联系): follow users, external contacts per member, contact details, batch by member —
// wecom-api.md §6. Secret: the customer-contact secret, or a self-built app added to 「客户联系 → 可调用接口的应用」.
// All reads, so lost replies are fetched again.
import { z } from 'zod';
import type { WeComClient } from '../client';
import { chunk, cursorPages, isWeComError } from './common';

const Tag = z.object({
  group_name: z.string().optional(),
  tag_name: z.string().optional(),
  tag_id: z.string().optional(),
  type: z.number().int().optional(),
});

const followCommon = {
  userid: z.string(),
  remark: z.string().optional(),
  description: z.string().optional(),
  createtime: z.number().optional(),
  remark_corp_name: z.string().optional(),
  remark_mobiles: z.array(z.string()).default([]),
  oper_userid: z.string().optional(),
  /** 0 unknown, 1 QR, 2 phone, 3 card, 4 group, … 202 admin assignment. */
  add_way: z.number().int().optional(),
  state: z.string().optional(),
};

export const FollowUser = z.object({ ...followCommon, tags: z.array(Tag).default([]) });
export type FollowUser = z.output<typeof FollowUser>;

/** batch/get_by_user's follow_info carries tag ids instead of tags. */
export const FollowInfo = z.object({ ...followCommon, tag_id: z.array(z.string()).default([]) });
export type FollowInfo = z.output<typeof FollowInfo>;

export const ExternalContact = z.object({
  external_userid: z.string(),
  name: z.string().default(''),
  position: z.string().optional(),
  avatar: z.string().optional(),
  corp_name: z.string().optional(),
  corp_full_name: z.string().optional(),
  /** 1 WeChat user, 2 WeCom user. */
  type: z.number().int().optional(),
  gender: z.number().int().optional(),
  unionid: z.string().optional(),
  external_profile: z.record(z.string(), z.unknown()).optional(),
});
export type ExternalContact = z.output<typeof ExternalContact>;

export interface ExternalContactDetail {
  external_contact: ExternalContact;
  follow_user: FollowUser[];
}

type Opts = { signal?: AbortSignal };

/** externalcontact/get_follow_user_list: members with customer-contact permission. */
export async function getFollowUserList(client: WeComClient, o: Opts = {}): Promise<string[]> {
  const r = await client.get('externalcontact/get_follow_user_list', {}, z.object({ follow_user: z.array(z.string()).default([]) }), o);
  return r.follow_user;
}

/** externalcontact/list?userid= → external_userids. A member with no customers is answered 84061: that is []. */
export async function listExternalContacts(client: WeComClient, userid: string, o: Opts = {}): Promise<string[]> {
  try {
    const r = await client.get('externalcontact/list', { userid }, z.object({ external_userid: z.array(z.string()).default([]) }), o);
    return r.external_userid;
  } catch (e) {
    if (isWeComError(e, 84061)) return [];
    throw e;
  }
}

const GetReply = z.object({
  external_contact: ExternalContact,
  follow_user: z.array(FollowUser).default([]),
  next_cursor: z.string().default(''),
});

/** externalcontact/get: the contact and all of its follow users (paged by WeCom beyond 500; merged here). */
export async function getExternalContact(client: WeComClient, externalUserid: string, o: Opts = {}): Promise<ExternalContactDetail> {
  let contact: ExternalContact | null = null;
  const follow: FollowUser[] = [];
  const pages = cursorPages(
    (cursor) => client.get('externalcontact/get', { external_userid: externalUserid, cursor }, GetReply, o),
    o.signal,
  );
  for await (const page of pages) {
    contact ??= page.external_contact;
    follow.push(...page.follow_user);
  }
  if (!contact) throw new Error('unreachable: externalcontact/get returned no page');
  return { external_contact: contact, follow_user: follow };
}

const ByUserReply = z.object({
  external_contact_list: z.array(z.object({ external_contact: ExternalContact, follow_info: FollowInfo })).default([]),
  next_cursor: z.string().default(''),
});
export type ExternalContactByUser = z.output<typeof ByUserReply>['external_contact_list'][number];

export const EXTERNAL_LIMITS = { usersPerCall: 100, pageMax: 100 } as const;

/**
 * externalcontact/batch/get_by_user for any number of members: ≤ 100 userids per call, each walked page by page
 * (`limit` ≤ 100). Yields one row per (external contact, follow user).
 */
export async function* batchGetByUser(
  client: WeComClient,
  userids: readonly string[],
  args: { limit?: number } = {},
  o: Opts = {},
): AsyncGenerator<ExternalContactByUser> {
  const limit = Math.min(EXTERNAL_LIMITS.pageMax, Math.max(1, args.limit ?? EXTERNAL_LIMITS.pageMax));
  for (const part of chunk(userids, EXTERNAL_LIMITS.usersPerCall)) {
    const pages = cursorPages(
      (cursor) =>
        client.post(
          'externalcontact/batch/get_by_user',
          cursor === undefined ? { userid_list: part, limit } : { userid_list: part, cursor, limit },
          ByUserReply,
          { ...o, idempotent: true },
        ),
      o.signal,
    );
    for await (const page of pages) yield* page.external_contact_list;
  }
}
