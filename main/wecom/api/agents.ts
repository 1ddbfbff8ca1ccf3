// Apps (应用): agent/get, agent/set (home_url and the other settable fields), agent/list — wecom-api.md §4.
// Secret: the app's own secret (agent/get and agent/set only for that app; agent/list lists the apps the secret
// may see, normally itself).
import { z } from 'zod';
import type { WeComClient } from '../client';
import { assertValid, chars, Ok } from './common';

const int = z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)]);

export const Agent = z.object({
  agentid: int,
  name: z.string().default(''),
  square_logo_url: z.string().optional(),
  description: z.string().optional(),
  allow_userinfos: z.object({ user: z.array(z.object({ userid: z.string() })).default([]) }).default({ user: [] }),
  allow_partys: z.object({ partyid: z.array(int).default([]) }).default({ partyid: [] }),
  allow_tags: z.object({ tagid: z.array(int).default([]) }).default({ tagid: [] }),
  /** 1 = the app is disabled. */
  close: z.number().int().default(0),
  redirect_domain: z.string().optional(),
  report_location_flag: z.number().int().optional(),
  isreportenter: z.number().int().optional(),
  home_url: z.string().optional(),
});
export type Agent = z.output<typeof Agent>;

export const AgentSummary = z.object({ agentid: int, name: z.string().default(''), square_logo_url: z.string().optional() });
export type AgentSummary = z.output<typeof AgentSummary>;

export interface AgentSettings {
  agentid: number;
  /** ≤ 32 characters. */
  name?: string;
  /** 4–120 characters (45004). */
  description?: string;
  logo_mediaid?: string;
  /** Must be a verified domain (85005). */
  redirect_domain?: string;
  report_location_flag?: 0 | 1;
  isreportenter?: 0 | 1;
  /** The app's home page: http(s) URL. */
  home_url?: string;
}

export function agentSettingsProblems(s: AgentSettings): string[] {
  const p: string[] = [];
  if (!Number.isInteger(s.agentid)) p.push('agentid 必须是整数');
  if (s.name !== undefined && (chars(s.name) < 1 || chars(s.name) > 32)) p.push('应用名称需要 1–32 个字');
  if (s.description !== undefined && (chars(s.description) < 4 || chars(s.description) > 120)) p.push('应用介绍需要 4–120 个字');
  if (s.home_url !== undefined && s.home_url !== '' && !/^https?:\/\//i.test(s.home_url)) p.push('主页地址必须以 http:// 或 https:// 开头');
  return p;
}

export async function getAgent(client: WeComClient, agentid: number, o: { signal?: AbortSignal } = {}): Promise<Agent> {
  return client.get('agent/get', { agentid }, Agent, o);
}

export async function listAgents(client: WeComClient, o: { signal?: AbortSignal } = {}): Promise<AgentSummary[]> {
  const r = await client.get('agent/list', {}, z.object({ agentlist: z.array(AgentSummary).default([]) }), o);
  return r.agentlist;
}

/** agent/set. Setting the same values again is harmless, so a lost reply may be retried. */
export async function setAgent(client: WeComClient, settings: AgentSettings, o: { signal?: AbortSignal } = {}): Promise<void> {
  assertValid('应用设置', agentSettingsProblems(settings));
  await client.post('agent/set', settings, Ok, { ...o, idempotent: true });
}

export function setHomeUrl(client: WeComClient, agentid: number, homeUrl: string, o: { signal?: AbortSignal } = {}): Promise<void> {
  return setAgent(client, { agentid, home_url: homeUrl }, o);
}
