// Shared helpers for the simulator integration tests: the real WeComClient pointed at a running simulator (as a
// private deployment would be: apiBase = simulator URL, apiPrefix = /cgi-bin) and a small admin-API client.
import { request } from 'undici';
import { z } from 'zod';
import { systemClock } from '../../../main/core/types';
import type { SimulatorHandle } from '../../../main/simulator';
import { WeComClient } from '../../../main/wecom/client';
import type { CorpEndpoint } from '../../../main/wecom/endpoint';
import type { SecretKind } from '../../../main/wecom/errcodes';
import { TokenCache } from '../../../main/wecom/token-cache';

export const Any = z.object({}).loose();

export function endpointOf(sim: SimulatorHandle): CorpEndpoint {
  return { corpid: sim.corpid, apiBase: sim.url, apiPrefix: '/cgi-bin', proxyUrl: null, caPem: null };
}

export function clientFor(sim: SimulatorHandle, secret: string, kind: SecretKind = 'contact'): WeComClient {
  return new WeComClient(endpointOf(sim), secret, kind, {
    clock: systemClock,
    tokens: new TokenCache(systemClock),
    backoffRetries: 0,
    timeoutMs: 20_000,
  });
}

export function appClient(sim: SimulatorHandle, agentid: number): WeComClient {
  const app = sim.apps.find((a) => a.agentid === agentid);
  if (!app) throw new Error(`no app ${agentid}`);
  return clientFor(sim, app.secret, 'app');
}

export async function admin<T = Record<string, unknown>>(sim: SimulatorHandle, path: string, body?: unknown): Promise<T & { errcode: number; errmsg: string }> {
  const res = await request(`${sim.url}/_sim/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.body.json()) as T & { errcode: number; errmsg: string };
  if (res.statusCode !== 200) throw new Error(`admin ${path}: HTTP ${res.statusCode} ${JSON.stringify(json)}`);
  return json;
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error & { errcode?: number; errmsg?: string; callerIp?: string | null }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { errcode?: number };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
