// OAuth2 inside WeCom and web login (扫码登录): the authorize / QR URLs exactly as wecom-api.md §4 gives them, and
// auth/getuserinfo to turn the returned code into a member. The hosts are parameters (private deployments serve
// their own login pages); the defaults are public WeCom's.
// Secret for auth/getuserinfo: the app's own secret (the contacts-sync secret cannot consume codes: 48002/50001).
import { z } from 'zod';
import type { WeComClient } from '../client';
import { WeComNetworkError } from '../wecom-error';
import { assertValid, utf8Bytes } from './common';

export const OAUTH_HOST = 'https://open.weixin.qq.com';
export const WEB_LOGIN_HOST = 'https://login.work.weixin.qq.com';
export const LEGACY_QR_HOST = 'https://open.work.weixin.qq.com';

export type OAuthScope = 'snsapi_base' | 'snsapi_privateinfo';

function commonProblems(redirectUri: string, state: string): string[] {
  const p: string[] = [];
  if (!/^https?:\/\/[^/]+/i.test(redirectUri)) p.push('redirect_uri 必须是以 http:// 或 https:// 开头的完整地址');
  if (!/^[a-zA-Z0-9]*$/.test(state)) p.push('state 只能包含字母和数字（a-zA-Z0-9）');
  if (utf8Bytes(state) > 128) p.push('state 不能超过 128 字节');
  return p;
}

const trimHost = (h: string) => h.replace(/\/+$/, '');

/**
 * The in-WeCom authorize URL:
 * `…/connect/oauth2/authorize?appid=CORPID&redirect_uri=URLENCODED&response_type=code&scope=…&state=…&agentid=…#wechat_redirect`.
 * `snsapi_privateinfo` (asks consent; reveals mobile/email via user_ticket) needs `agentid`.
 */
export function buildOAuthUrl(p: {
  corpid: string;
  redirectUri: string;
  scope?: OAuthScope;
  state?: string;
  agentid?: number;
  host?: string;
}): string {
  const scope = p.scope ?? 'snsapi_base';
  const state = p.state ?? '';
  const problems = commonProblems(p.redirectUri, state);
  if (scope === 'snsapi_privateinfo' && p.agentid === undefined) problems.push('scope 为 snsapi_privateinfo 时必须提供 agentid');
  assertValid('网页授权链接', problems);
  const agent = p.agentid === undefined ? '' : `&agentid=${p.agentid}`;
  return (
    `${trimHost(p.host ?? OAUTH_HOST)}/connect/oauth2/authorize?appid=${encodeURIComponent(p.corpid)}` +
    `&redirect_uri=${encodeURIComponent(p.redirectUri)}&response_type=code&scope=${scope}&state=${state}${agent}#wechat_redirect`
  );
}

/**
 * The web-login (QR) page:
 * `…/wwlogin/sso/login?login_type=CorpApp&appid=CORPID&agentid=AGENTID&redirect_uri=URLENCODED&state=STATE&lang=zh`.
 */
export function buildWebLoginUrl(p: {
  corpid: string;
  agentid: number;
  redirectUri: string;
  state?: string;
  lang?: 'zh' | 'en';
  host?: string;
}): string {
  const state = p.state ?? '';
  assertValid('扫码登录链接', commonProblems(p.redirectUri, state));
  return (
    `${trimHost(p.host ?? WEB_LOGIN_HOST)}/wwlogin/sso/login?login_type=CorpApp&appid=${encodeURIComponent(p.corpid)}` +
    `&agentid=${p.agentid}&redirect_uri=${encodeURIComponent(p.redirectUri)}&state=${state}&lang=${p.lang ?? 'zh'}`
  );
}

/** The older QR login page (`wwopen/sso/qrConnect`), still used by some private deployments. */
export function buildLegacyQrConnectUrl(p: { corpid: string; agentid: number; redirectUri: string; state?: string; host?: string }): string {
  const state = p.state ?? '';
  assertValid('扫码登录链接', commonProblems(p.redirectUri, state));
  return (
    `${trimHost(p.host ?? LEGACY_QR_HOST)}/wwopen/sso/qrConnect?appid=${encodeURIComponent(p.corpid)}&agentid=${p.agentid}` +
    `&redirect_uri=${encodeURIComponent(p.redirectUri)}&state=${state}`
  );
}

/**
 * The web-login parameters for `@wecom/jssdk` `ww.createWWLoginPanel` (an embedded QR instead of a redirect).
 */
export function webLoginPanelParams(p: { corpid: string; agentid: number; redirectUri: string; state?: string }): {
  login_type: 'CorpApp';
  appid: string;
  agentid: string;
  redirect_uri: string;
  state: string;
} {
  const state = p.state ?? '';
  assertValid('扫码登录参数', commonProblems(p.redirectUri, state));
  return { login_type: 'CorpApp', appid: p.corpid, agentid: String(p.agentid), redirect_uri: p.redirectUri, state };
}

const UserInfoReply = z.object({
  userid: z.string().optional(),
  UserId: z.string().optional(),
  user_ticket: z.string().optional(),
  openid: z.string().optional(),
  OpenId: z.string().optional(),
  external_userid: z.string().optional(),
});

export type OAuthIdentity =
  | { kind: 'member'; userid: string; userTicket: string | null }
  | { kind: 'non_member'; openid: string; externalUserid: string | null };

/**
 * auth/getuserinfo?code= → who signed in. Codes are single-use and live 5 minutes (40029), so the call is never
 * repeated: a second try with the same code cannot succeed. Also accepts the legacy `UserId`/`OpenId` spelling.
 */
export async function getUserInfoByCode(client: WeComClient, code: string, o: { signal?: AbortSignal } = {}): Promise<OAuthIdentity> {
  const r = await client.get('auth/getuserinfo', { code }, UserInfoReply, { ...o, idempotent: false });
  const userid = r.userid ?? r.UserId;
  if (userid) return { kind: 'member', userid, userTicket: r.user_ticket ?? null };
  const openid = r.openid ?? r.OpenId;
  if (openid) return { kind: 'non_member', openid, externalUserid: r.external_userid ?? null };
  throw new WeComNetworkError('auth/getuserinfo 的返回既没有 userid 也没有 openid', 'auth/getuserinfo');
}
