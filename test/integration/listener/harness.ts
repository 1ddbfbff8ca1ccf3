// A real core (temp data dir, real SQLite), the listener on loopback with the callback routes mounted, and the
// WeCom simulator as the corp's API (its admin API fires real encrypted callbacks at the listener). Test-side
// encryption uses the simulator's own crypto, independent of main/wecom/crypto.ts.
import { randomInt } from 'node:crypto';
import { request } from 'undici';
import type { CallbackSettingsView } from '../../../main/api/callback-contract';
import { mountCallbacks, type CallbackRouteOptions } from '../../../main/listener/callback-route';
import { startListener, type Listener, type ListenerOptions } from '../../../main/listener/listener';
import { callbackSignature, encryptCallbackMessage, startSimulator, type SimulatorHandle } from '../../../main/simulator';
import { openTestCore, type TestCore } from '../../helpers/core';

export interface Harness {
  t: TestCore;
  listener: Listener;
  sim: SimulatorHandle;
  corpId: string;
  appId: string;
  agentid: number;
  close(): Promise<void>;
}

export async function startHarness(o: { route?: CallbackRouteOptions; listener?: Partial<ListenerOptions>; sim?: boolean } = {}): Promise<Harness> {
  const t = await openTestCore();
  const listener = await startListener({ host: '127.0.0.1', port: 0, ...o.listener });
  t.core.setListenerBase(listener.url);
  mountCallbacks(listener, t.core.services.callbacks, o.route);
  const sim = await startSimulator({ seed: 'demo', port: 0 });
  const corp = await t.call('corps.create', { name: '演示', corpid: sim.corpid, kind: 'private', apiBase: sim.url, contactSecret: sim.contactSecret });
  const simApp = sim.apps[0];
  const app = await t.call('apps.create', { corpId: corp.id, name: simApp.name, agentid: simApp.agentid, secret: simApp.secret });
  return {
    t,
    listener,
    sim,
    corpId: corp.id,
    appId: app.id,
    agentid: simApp.agentid,
    async close() {
      await sim.close();
      await listener.close();
      await t.close();
    },
  };
}

/** Points the simulator's 通讯录 callback at our URL, verified like the WeCom console does (GET echostr). */
export async function connectSimulator(h: Harness, fullFields = true): Promise<CallbackSettingsView> {
  const s = await h.t.call('callbacks.get', { kind: 'contacts', id: h.corpId });
  await simAdmin(h.sim, 'callback', { kind: 'contact', url: s.url, token: s.token, encodingAESKey: s.encodingAESKey, fullFields, verify: true });
  return s;
}

export async function simAdmin<T = Record<string, unknown>>(sim: SimulatorHandle, path: string, body?: unknown): Promise<T> {
  const res = await request(`${sim.url}/_sim/${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (await res.body.json()) as T;
  if (res.statusCode !== 200) throw new Error(`sim ${path}: ${res.statusCode} ${JSON.stringify(json)}`);
  return json;
}

export interface Signed {
  query: string;
  body: string;
}

/** An encrypted POST as WeCom sends it, for plaintext `xml`, signed with the given settings. */
export function signedPost(s: { token: string; encodingAESKey: string }, receiveId: string, xml: string, agentId = ''): Signed {
  const encrypt = encryptCallbackMessage(s.encodingAESKey, xml, receiveId);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(randomInt(100_000_000, 2_000_000_000));
  const q = new URLSearchParams({ msg_signature: callbackSignature(s.token, timestamp, nonce, encrypt), timestamp, nonce });
  return { query: q.toString(), body: `<xml><ToUserName><![CDATA[${receiveId}]]></ToUserName><AgentID><![CDATA[${agentId}]]></AgentID><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>` };
}

let msgSeq = 7_000_000_000_000_000_000n;
export function textMessage(corpid: string, from: string, content: string, agentid: number, msgId = String(++msgSeq)): string {
  return (
    `<xml><ToUserName><![CDATA[${corpid}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime>` +
    `<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId><AgentID>${agentid}</AgentID></xml>`
  );
}

export async function post(url: string, s: Signed, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const res = await request(`${url}?${s.query}`, { method: 'POST', headers: { 'content-type': 'text/xml', ...headers }, body: s.body });
  return { status: res.statusCode, body: await res.body.text() };
}

/** Routing runs right after the answer: wait for it. */
export async function until<T>(fn: () => T | Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}
