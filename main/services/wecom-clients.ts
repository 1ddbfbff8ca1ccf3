// Builds WeCom clients for a stored corp and one of its secrets; the only place secrets are opened.
import type { Clock } from '../core/types';
import { ApiError } from '../core/api-error';
import type { AppRecord, AppsRepo } from '../store/apps-repo';
import type { CorpRecord, CorpsRepo } from '../store/corps-repo';
import { WeComClient } from '../wecom/client';
import type { CorpEndpoint } from '../wecom/endpoint';
import { RateLimiter } from '../wecom/rate-limiter';
import { TokenCache } from '../wecom/token-cache';

export function endpointOf(corp: CorpRecord): CorpEndpoint {
  return { corpid: corp.corpid, apiBase: corp.apiBase, apiPrefix: corp.apiPrefix, proxyUrl: corp.proxyUrl, caPem: corp.caPem };
}

export function createWeComClients(deps: { corps: CorpsRepo; apps: AppsRepo; clock: Clock; timeoutMs?: number }) {
  const tokens = new TokenCache(deps.clock);
  // One limiter for the whole process: WeCom counts its frequency limits per corp, whichever secret calls.
  const limiter = new RateLimiter({ clock: deps.clock });
  const opts = { clock: deps.clock, tokens, limiter, timeoutMs: deps.timeoutMs };
  return {
    tokens,
    limiter,
    forCorpSecret(corp: CorpRecord, which: 'contact' | 'customer'): WeComClient {
      const secret = deps.corps.openSecret(corp, which);
      if (!secret) {
        throw new ApiError(
          'missing_secret',
          which === 'contact'
            ? '未填写【通讯录密钥】（【管理工具】 → 【通讯录同步】 → Secret）'
            : '未填写【客户联系秘钥】（【客户与上下游】 → 【客户】 → API → Secret）',
        );
      }
      return new WeComClient(endpointOf(corp), secret, which, opts);
    },
    forApp(corp: CorpRecord, app: AppRecord): WeComClient {
      return new WeComClient(endpointOf(corp), deps.apps.openSecret(app), 'app', opts);
    },
  };
}

export type WeComClients = ReturnType<typeof createWeComClients>;
