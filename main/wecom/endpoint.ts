// Where a corp's WeCom API lives and how to reach it: base URL (no hard-coded host), proxy, custom CA.
import { rootCertificates } from 'node:tls';
import { Agent, ProxyAgent, type Dispatcher } from 'undici';

export interface CorpEndpoint {
  corpid: string;
  /** e.g. https://qyapi.weixin.qq.com, http://10.1.2.3:8080 (private deployment) or the simulator. */
  apiBase: string;
  /** '/cgi-bin' on public WeCom; configurable for private deployments. */
  apiPrefix: string;
  proxyUrl: string | null;
  caPem: string | null;
}

export function apiUrl(ep: CorpEndpoint, path: string, query: Record<string, string | number | undefined> = {}): URL {
  const url = new URL(`${ep.apiBase}${ep.apiPrefix}/${path.replace(/^\/+/, '')}`);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
  return url;
}

const dispatchers = new Map<string, Dispatcher>();

/**
 * One connection pool per (proxy, CA) pair. A custom CA is added to the system roots, never replacing
 * certificate checks: there is deliberately no "ignore certificate" switch.
 */
export function dispatcherFor(ep: Pick<CorpEndpoint, 'proxyUrl' | 'caPem'>): Dispatcher {
  const key = `${ep.proxyUrl ?? ''}\n${ep.caPem ?? ''}`;
  let d = dispatchers.get(key);
  if (!d) {
    const ca = ep.caPem ? [...rootCertificates, ep.caPem] : undefined;
    d = ep.proxyUrl
      ? new ProxyAgent({ uri: ep.proxyUrl, requestTls: ca ? { ca } : undefined, connections: 16 })
      : new Agent({ connect: ca ? { ca } : undefined, connections: 16, keepAliveTimeout: 10_000 });
    dispatchers.set(key, d);
  }
  return d;
}

export async function closeDispatchers(): Promise<void> {
  const all = [...dispatchers.values()];
  dispatchers.clear();
  await Promise.allSettled(all.map((d) => d.close()));
}
