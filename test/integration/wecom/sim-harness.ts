// The real WeCom client against the simulator over loopback HTTP: one simulator per test file, clients for each of
// its secrets sharing one token cache (which counts gettoken calls), and the admin API (/_sim/…).
import { request } from 'undici';
import type { Clock } from '../../../main/core/types';
import { startSimulator, type SimulatorHandle, type SimulatorOptions } from '../../../main/simulator';
import { WeComClient, type ClientOptions, type RetryEvent } from '../../../main/wecom/client';
import type { CorpEndpoint } from '../../../main/wecom/endpoint';
import type { SecretKind } from '../../../main/wecom/errcodes';
import { TokenCache, type TokenFetch } from '../../../main/wecom/token-cache';

/** Counts the gettoken round trips the cache really makes. */
export class CountingTokenCache extends TokenCache {
  fetches = 0;
  override get(key: string, fetch: TokenFetch): Promise<string> {
    return super.get(key, async () => {
      this.fetches++;
      return fetch();
    });
  }
}

/**
 * A clock running `scale` times faster than the host's, starting now. Shared by the simulator and the client so a
 * WeCom minute window passes in 60/scale real seconds; `sleep` converts simulated milliseconds to real ones.
 */
export function scaledTime(scale: number): { clock: Clock; sleep: (ms: number, signal?: AbortSignal) => Promise<void> } {
  const t0 = Date.now();
  const clock = { now: () => new Date(t0 + (Date.now() - t0) * scale) };
  const sleep = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const t = setTimeout(resolve, Math.max(0, ms / scale));
      signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
    });
  return { clock, sleep };
}

export interface Harness {
  sim: SimulatorHandle;
  endpoint: CorpEndpoint;
  tokens: CountingTokenCache;
  retries: RetryEvent[];
  /** Contacts-sync secret: reads and writes all of the directory. */
  contact: WeComClient;
  customer: WeComClient;
  archive: WeComClient;
  /** The demo's 云桥工作台 (1000002): visible to the whole corp, allowed to call customer-contact and checkin APIs. */
  app: WeComClient;
  agentid: number;
  client(secret: string, kind: SecretKind, extra?: Partial<ClientOptions>): WeComClient;
  admin<T = Record<string, unknown>>(method: 'GET' | 'POST', op: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function openHarness(
  opts: Partial<SimulatorOptions> = {},
  clientOpts: Partial<ClientOptions> = {},
): Promise<Harness> {
  const clock = clientOpts.clock ?? { now: () => new Date() };
  const sim = await startSimulator({ port: 0, seed: 'demo', ...opts });
  const endpoint: CorpEndpoint = { corpid: sim.corpid, apiBase: sim.url, apiPrefix: '/cgi-bin', proxyUrl: null, caPem: null };
  const tokens = new CountingTokenCache(clock);
  const retries: RetryEvent[] = [];
  const client = (secret: string, kind: SecretKind, extra: Partial<ClientOptions> = {}) =>
    new WeComClient(endpoint, secret, kind, {
      tokens,
      timeoutMs: 5000,
      backoffBaseMs: 20,
      backoffMaxMs: 200,
      backoffTotalMs: 2000,
      onRetry: (e) => retries.push(e),
      ...clientOpts,
      clock,
      ...extra,
    });
  const app = sim.apps[0];
  return {
    sim,
    endpoint,
    tokens,
    retries,
    contact: client(sim.contactSecret, 'contact'),
    customer: client(sim.customerSecret, 'customer'),
    archive: client(sim.archiveSecret, 'archive'),
    app: client(app.secret, 'app'),
    agentid: app.agentid,
    client,
    async admin<T>(method: 'GET' | 'POST', op: string, body?: unknown): Promise<T> {
      const res = await request(`${sim.url}/_sim/${op}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await res.body.json()) as T & { errcode: number; errmsg: string };
      if (json.errcode !== 0) throw new Error(`admin ${op}: ${json.errcode} ${json.errmsg}`);
      return json;
    },
    close: () => sim.close(),
  };
}
