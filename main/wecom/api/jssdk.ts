// JS-SDK: the corp jsapi_ticket (get_jsapi_ticket), the app ticket (ticket/get?type=agent_config), both cached
// until shortly before expiry — WeCom allows only 400 fetches/h per corp and 100/h per app (wecom-api.md §10) —
// and the page signature for wx.config / wx.agentConfig.
// Secret: the app's own secret (the tickets belong to that app; the corp ticket is fetched through it too).
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../core/types';
import type { WeComClient } from '../client';
import { TokenCache } from '../token-cache';

export type TicketKind = 'jsapi' | 'agent_config';

const TicketReply = z.object({ ticket: z.string().min(1), expires_in: z.number().int().positive() });

/**
 * Tickets per (API base, corp, app secret) and kind. Reuses the token cache's rules: refreshed shortly before
 * expiry, single-flight (a page load storm fetches one ticket).
 */
export class JsapiTicketCache {
  private readonly cache: TokenCache;
  constructor(clock: Clock) {
    this.cache = new TokenCache(clock);
  }

  get(client: WeComClient, kind: TicketKind, o: { signal?: AbortSignal } = {}): Promise<string> {
    return this.cache.get(`${client.identity}|${kind}`, async () => {
      const r =
        kind === 'jsapi'
          ? await client.get('get_jsapi_ticket', {}, TicketReply, o)
          : await client.get('ticket/get', { type: 'agent_config' }, TicketReply, o);
      return { token: r.ticket, expiresIn: r.expires_in };
    });
  }

  /** Forget a ticket WeCom no longer accepts (the page reported a signature failure). */
  invalidate(client: WeComClient, kind: TicketKind, ticket: string): void {
    this.cache.invalidate(`${client.identity}|${kind}`, ticket);
  }
}

export function getJsapiTicket(client: WeComClient, cache: JsapiTicketCache, o: { signal?: AbortSignal } = {}): Promise<string> {
  return cache.get(client, 'jsapi', o);
}

export function getAgentConfigTicket(client: WeComClient, cache: JsapiTicketCache, o: { signal?: AbortSignal } = {}): Promise<string> {
  return cache.get(client, 'agent_config', o);
}

/** The page URL as signed: everything before `#`. */
export function stripFragment(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

/**
 * PURE. sha1 (lower hex) of `jsapi_ticket=…&noncestr=…&timestamp=…&url=…` — keys in that order, values raw (not
 * URL-encoded), the URL without its #fragment.
 */
export function jssdkSignature(p: { ticket: string; nonceStr: string; timestamp: number | string; url: string }): string {
  const plain = `jsapi_ticket=${p.ticket}&noncestr=${p.nonceStr}&timestamp=${p.timestamp}&url=${stripFragment(p.url)}`;
  return createHash('sha1').update(plain, 'utf8').digest('hex');
}

export interface JssdkConfig {
  /** For wx.config: the corp ticket's signature. */
  config: { appId: string; timestamp: number; nonceStr: string; signature: string };
  /** For wx.agentConfig: the app ticket's signature. */
  agentConfig: { corpid: string; agentid: number; timestamp: number; nonceStr: string; signature: string };
}

/** Both signatures a page needs; `nonceStr` and `timestamp` default to fresh values. */
export async function buildJssdkConfig(
  client: WeComClient,
  cache: JsapiTicketCache,
  args: { agentid: number; url: string; nonceStr?: string; timestamp?: number; clock?: Clock },
  o: { signal?: AbortSignal } = {},
): Promise<JssdkConfig> {
  const nonceStr = args.nonceStr ?? randomBytes(12).toString('base64url');
  const timestamp = args.timestamp ?? Math.floor((args.clock?.now() ?? new Date()).getTime() / 1000);
  const [corpTicket, agentTicket] = await Promise.all([getJsapiTicket(client, cache, o), getAgentConfigTicket(client, cache, o)]);
  const corpid = client.endpoint.corpid;
  return {
    config: { appId: corpid, timestamp, nonceStr, signature: jssdkSignature({ ticket: corpTicket, nonceStr, timestamp, url: args.url }) },
    agentConfig: { corpid, agentid: args.agentid, timestamp, nonceStr, signature: jssdkSignature({ ticket: agentTicket, nonceStr, timestamp, url: args.url }) },
  };
}
