// Network facts and the archive permit list: get_api_domain_ip, getcallbackip, msgaudit/get_permit_user_list —
// wecom-api.md §1/§7/§8.
// Secrets: get_api_domain_ip and getcallbackip accept any secret of the corp; get_permit_user_list needs the
// archive (会话内容存档) secret and is limited to 1000 calls/min.
import { z } from 'zod';
import type { WeComClient } from '../client';

const IpList = z.object({ ip_list: z.array(z.string()).default([]) });

/** get_api_domain_ip: the IPs (and ranges) behind WeCom's API domain — for firewall egress rules. */
export async function getApiDomainIp(client: WeComClient, o: { signal?: AbortSignal } = {}): Promise<string[]> {
  return (await client.get('get_api_domain_ip', {}, IpList, o)).ip_list;
}

/** getcallbackip: where WeCom's callbacks come from — for the listener's firewall rules. */
export async function getCallbackIp(client: WeComClient, o: { signal?: AbortSignal } = {}): Promise<string[]> {
  return (await client.get('getcallbackip', {}, IpList, o)).ip_list;
}

/** 1 办公版, 2 服务版, 3 企业版; omitted = all. */
export type ArchiveEdition = 1 | 2 | 3;

/** msgaudit/get_permit_user_list: userids whose chats are archived. */
export async function getPermitUserList(client: WeComClient, type?: ArchiveEdition, o: { signal?: AbortSignal } = {}): Promise<string[]> {
  const body = type === undefined ? {} : { type };
  const r = await client.post('msgaudit/get_permit_user_list', body, z.object({ ids: z.array(z.string()).default([]) }), { ...o, idempotent: true });
  return r.ids;
}
