// startSimulator: the WeCom simulator as a real HTTP server on loopback. /cgi-bin/<api> behaves like WeCom (token,
// IP allow-list, frequency limit, secret permissions, then the route), /_sim/<op> is the admin API.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../core/types';
import { checkIpAllowed, RateLimiter, TokenStore } from './access';
import { handleAdmin } from './admin-api';
import { BatchJobs } from './batch-jobs';
import { CallbackDispatcher } from './callback-delivery';
import { generateEncodingAESKey } from './callback-crypto';
import { normalizeIp } from './contact-rules';
import { SimError, errText, formatErrmsg, invalidParam } from './errors';
import { BodyTooLarge, readBody, sendJson, sendText } from './http-io';
import type { Route } from './router';
import { appRoutes } from './routes/apps';
import { batchRoutes } from './routes/batch';
import { checkinRoutes } from './routes/checkin';
import { departmentRoutes } from './routes/departments';
import { externalContactRoutes } from './routes/external-contacts';
import { messageRoutes } from './routes/messages';
import { miscRoutes } from './routes/misc';
import { userRoutes } from './routes/users';
import { parseSeed, seedState } from './seed/seeds';
import { MediaStore, OAuthCodes, type SimContext } from './sim-context';
import { SimState } from './sim-state';
import { loadStateFile, saveStateFile, stateFileExists } from './state-file';
import type { SimStateData } from './types';

export interface SimulatorOptions {
  host?: string;
  port?: number;
  seed: 'demo' | 'empty' | `synthetic:${number}`;
  /** Loaded instead of seeding when the file exists; `save()` writes here by default. */
  statePath?: string;
  /** Contacts callback URL (Token and EncodingAESKey are generated, or kept from a loaded state); null = none. */
  callbackUrl?: string | null;
  clock?: Clock;
  tokenTtlSec?: number;
  ipAllowList?: string[] | null;
  rateLimit?: { perMinute: number } | null;
}

export interface SimulatorHandle {
  /** http://127.0.0.1:P — the API base as a corp's `apiBase` takes it (no /cgi-bin). */
  url: string;
  port: number;
  corpid: string;
  contactSecret: string;
  customerSecret: string;
  /** The 会话内容存档 secret (msgaudit). */
  archiveSecret: string;
  apps: { name: string; agentid: number; secret: string }[];
  state: SimState;
  /** Simulated time (host clock + admin offset), epoch ms. */
  now(): number;
  /** Resolves once every queued callback has been delivered or given up. */
  callbacksIdle(): Promise<void>;
  save(path?: string): Promise<void>;
  close(): Promise<void>;
}

const ROUTES = new Map<string, Route>(
  [...departmentRoutes, ...userRoutes, ...appRoutes, ...messageRoutes, ...externalContactRoutes, ...checkinRoutes, ...batchRoutes, ...miscRoutes].map(
    (r) => [r.path, r],
  ),
);

async function initialState(opts: SimulatorOptions, clock: Clock): Promise<SimStateData> {
  if (!parseSeed(opts.seed)) throw new Error(`unknown simulator seed "${opts.seed}" (demo, empty or synthetic:N)`);
  const data = stateFileExists(opts.statePath) ? await loadStateFile(opts.statePath) : seedState(opts.seed, clock.now().getTime());
  const s = data.settings;
  if (opts.tokenTtlSec !== undefined) s.tokenTtlSec = opts.tokenTtlSec;
  if (opts.ipAllowList !== undefined) s.ipAllowList = opts.ipAllowList;
  if (opts.rateLimit !== undefined) s.rateLimit = opts.rateLimit;
  if (opts.callbackUrl === null) s.callbacks.contact = null;
  else if (opts.callbackUrl !== undefined) {
    const old = s.callbacks.contact;
    s.callbacks.contact = {
      url: opts.callbackUrl,
      token: old?.token ?? `sim${generateEncodingAESKey().slice(0, 13)}`,
      encodingAESKey: old?.encodingAESKey ?? generateEncodingAESKey(),
      fullFields: old?.fullFields ?? false,
    };
  }
  return data;
}

function reply(res: ServerResponse, body: Record<string, unknown>): void {
  const { errmsg, ...rest } = body;
  sendJson(res, 200, { errcode: 0, errmsg: typeof errmsg === 'string' ? errmsg : 'ok', ...rest });
}

function replyError(res: ServerResponse, e: SimError, ip: string, nowMs: number): void {
  const errmsg = formatErrmsg(e.errcode, e.detail ?? errText(e.errcode), ip, nowMs);
  // Observed on real errors: HTTP 200 with Error-Code / Error-Msg headers.
  const headers: Record<string, string> = { 'Error-Code': String(e.errcode) };
  if (/^[\x20-\x7e]*$/.test(errmsg)) headers['Error-Msg'] = errmsg;
  sendJson(res, 200, { errcode: e.errcode, errmsg, ...e.extra }, headers);
}

async function handleApi(ctx: SimContext, req: IncomingMessage, res: ServerResponse, url: URL, ip: string): Promise<void> {
  const name = url.pathname.slice('/cgi-bin/'.length).replace(/\/+$/, '');
  // null = gettoken (no access_token involved), undefined = no such API.
  const route = name === 'gettoken' ? null : ROUTES.get(name);
  if (route === undefined) {
    sendText(res, 404, 'Not Found'); // observed: a wrong path is an HTTP 404, not an errcode
    return;
  }
  const now = ctx.now();
  try {
    const raw = await readBody(req);
    const q = url.searchParams;
    const state = ctx.state;
    if (route === null) {
      ctx.limiter.hit(state, 'gettoken', now);
      const t = ctx.tokens.issue(state, q.get('corpid'), q.get('corpsecret'), now);
      reply(res, { access_token: t.token, expires_in: t.expiresIn });
      return;
    }
    const caller = ctx.tokens.resolve(state, q.get('access_token'), now);
    checkIpAllowed(state, ip);
    ctx.limiter.hit(state, name, now);
    if (route.method === 'POST' && req.method !== 'POST') throw invalidParam('POST method required');
    if (!route.allow.includes(caller.kind)) throw new SimError(48002);
    const contentType = req.headers['content-type'] ?? '';
    reply(res, await route.handle({ sim: ctx, caller, query: q, raw, contentType, ip }));
  } catch (e) {
    if (e instanceof BodyTooLarge) {
      sendText(res, 413, 'Request Entity Too Large');
    } else if (e instanceof SimError) {
      replyError(res, e, ip, now);
    } else {
      process.stderr.write(`[simulator] ${req.method} ${url.pathname}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      replyError(res, new SimError(-1), ip, now);
    }
  }
}

export async function startSimulator(opts: SimulatorOptions): Promise<SimulatorHandle> {
  const clock = opts.clock ?? systemClock;
  const state = new SimState(await initialState(opts, clock));
  const now = () => clock.now().getTime() + state.settings.clockOffsetMs;
  const callbacks = new CallbackDispatcher(() => state, now);
  const save = async (path?: string): Promise<string> => {
    const target = path ?? opts.statePath;
    if (!target) throw new Error('no state path: pass one to save() or start the simulator with statePath');
    await saveStateFile(target, state);
    return target;
  };
  const ctx: SimContext = {
    state,
    now,
    tokens: new TokenStore(),
    limiter: new RateLimiter(),
    callbacks,
    media: new MediaStore(),
    oauth: new OAuthCodes(),
    jobs: new BatchJobs(state, callbacks),
    save,
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const ip = normalizeIp(req.socket.remoteAddress);
    if (url.pathname.startsWith('/_sim/')) {
      readBody(req, 1024 * 1024)
        .then((raw) => handleAdmin(ctx, req, res, url.pathname.slice('/_sim/'.length), raw, ip))
        .catch(() => sendText(res, 413, 'Request Entity Too Large'));
    } else if (url.pathname.startsWith('/cgi-bin/')) {
      void handleApi(ctx, req, res, url, ip);
    } else {
      sendText(res, 404, 'Not Found');
    }
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    corpid: state.corp.corpid,
    contactSecret: state.secrets.contact,
    customerSecret: state.secrets.customer,
    archiveSecret: state.secrets.archive,
    apps: state.apps.map((a) => ({ name: a.name, agentid: a.agentid, secret: a.secret })),
    state,
    now,
    callbacksIdle: () => callbacks.idle(),
    save: async (path) => {
      await save(path);
    },
    close: async () => {
      ctx.jobs.stop();
      await callbacks.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
