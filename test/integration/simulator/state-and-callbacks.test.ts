// State save/load round trip, and change_contact / change_external_contact callbacks delivered to a local HTTP
// server, verified and decrypted with WeCom's scheme. API changes are not called back; admin (console) ones are.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { request } from 'undici';
import { openCallback, startSimulator, type SimulatorHandle } from '../../../main/simulator';
import { admin, Any, clientFor } from './sim-helpers';

const dir = mkdtempSync(join(tmpdir(), 'wecom-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const opened: SimulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});
async function start(...args: Parameters<typeof startSimulator>): Promise<SimulatorHandle> {
  const s = await startSimulator(...args);
  opened.push(s);
  return s;
}

describe('state file', () => {
  it('saves and reloads the whole state, secrets and settings included', async () => {
    const path = join(dir, 'state.json');
    const a = await start({ seed: 'demo', statePath: path });
    const c = clientFor(a, a.contactSecret);
    await c.post('user/create', { userid: 'persisted', name: '持久化', department: [20], mobile: '13911112222' }, Any);
    await c.post('department/create', { name: '新建部门', parentid: 1, id: 777 }, Any);
    await admin(a, 'rate-limit', { perMinute: 1234 });
    await a.save();
    const before = JSON.stringify(a.state.toJSON());
    await a.close();
    opened.splice(0);

    const b = await start({ seed: 'empty', statePath: path });
    expect(b.corpid).toBe(a.corpid);
    expect(b.contactSecret).toBe(a.contactSecret);
    expect(b.apps).toEqual(a.apps);
    expect(JSON.stringify(b.state.toJSON())).toBe(before);
    expect(b.state.settings.rateLimit).toEqual({ perMinute: 1234 });
    const c2 = clientFor(b, b.contactSecret);
    expect((await c2.get('user/get', { userid: 'persisted' }, Any)).name).toBe('持久化');
    expect((await c2.get('department/get', { id: 777 }, Any)).errcode).toBe(0);
  });

  it('saves to an explicit path through the admin API', async () => {
    const s = await start({ seed: 'empty' });
    const path = join(dir, 'via-admin.json');
    expect((await admin<{ path: string }>(s, 'save', { path })).path).toBe(path);
    const again = await start({ seed: 'demo', statePath: path });
    expect(again.state.users.size).toBe(0);
  });
});

interface Received {
  query: URLSearchParams;
  body: string;
}

describe('callbacks', () => {
  let receiver: Server;
  let receiverUrl = '';
  const received: Received[] = [];
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push({ query: new URL(req.url ?? '/', 'http://x').searchParams, body });
        res.writeHead(200).end('');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/callback/contacts/c1`;
  });
  afterAll(async () => {
    await new Promise((r) => receiver.close(r));
  });

  const parser = new XMLParser({ parseTagValue: false });
  function decrypt(sim: SimulatorHandle, r: Received, token: string, key: string): Record<string, string> {
    const outer = parser.parse(r.body) as { xml: { ToUserName: string; Encrypt: string } };
    expect(outer.xml.ToUserName).toBe(sim.corpid);
    const q = { msg_signature: r.query.get('msg_signature') ?? '', timestamp: r.query.get('timestamp') ?? '', nonce: r.query.get('nonce') ?? '' };
    const plain = openCallback({ token, encodingAESKey: key, receiveId: sim.corpid }, q, outer.xml.Encrypt);
    return (parser.parse(plain) as { xml: Record<string, string> }).xml;
  }

  it('delivers encrypted change_contact events for admin edits, none for API edits', async () => {
    received.length = 0;
    const sim = await start({ seed: 'demo', callbackUrl: receiverUrl });
    const cb = sim.state.settings.callbacks.contact;
    if (!cb) throw new Error('callback not configured');
    await clientFor(sim, sim.contactSecret).post('user/create', { userid: 'apimade', name: '接口建', department: [20], mobile: '13922223333' }, Any);
    await admin(sim, 'users/create', { userid: 'consolemade', name: '后台建', department: [20, 21], mobile: '13922224444' });
    await admin(sim, 'departments/update', { id: 22, name: '质量保障组' });
    await admin(sim, 'departments/update', { id: 24, parentid: 12 });
    await admin(sim, 'users/delete', { userid: 'consolemade' });
    await sim.callbacksIdle();
    const events = received.map((r) => decrypt(sim, r, cb.token, cb.encodingAESKey));
    // A URL set today gets only ids (2022-08-15 rule), and update_party only for a parent change.
    expect(events.map((e) => e.ChangeType)).toEqual(['create_user', 'update_party', 'delete_user']);
    expect(events[0]).toMatchObject({ ToUserName: sim.corpid, FromUserName: 'sys', MsgType: 'event', Event: 'change_contact', UserID: 'consolemade', Department: '20,21' });
    expect(events[0]).not.toHaveProperty('Name');
    expect(events[1]).toMatchObject({ Id: '24', ParentId: '12' });
    expect(events[2]).toMatchObject({ UserID: 'consolemade' });
  });

  it('sends every field to a legacy (full-fields) URL, and external-contact events there when no customer callback is set', async () => {
    received.length = 0;
    const sim = await start({ seed: 'demo' });
    const { callback } = await admin<{ callback: { token: string; encodingAESKey: string } }>(sim, 'callback', { url: receiverUrl, fullFields: true });
    await admin(sim, 'users/update', { userid: sim.state.membersOf(20)[2].userid, position: '资深前端工程师' });
    await admin(sim, 'departments/update', { id: 22, name: '质量保障组' });
    const owner = sim.state.membersOf(30)[1].userid;
    const { external_userid } = await admin<{ external_userid: string }>(sim, 'external-contacts/add', { userid: owner, name: '客户甲' });
    await sim.callbacksIdle();
    const [upd, party, ext] = received.map((r) => decrypt(sim, r, callback.token, callback.encodingAESKey));
    expect(upd).toMatchObject({ ChangeType: 'update_user', Position: '资深前端工程师', Status: '1' });
    expect(party).toMatchObject({ ChangeType: 'update_party', Id: '22', Name: '质量保障组', ParentId: '11' });
    expect(ext).toMatchObject({ Event: 'change_external_contact', ChangeType: 'add_external_contact', UserID: owner, ExternalUserID: external_userid });
  });

  it('verifies a callback URL like the WeCom console when asked (echostr round trip, else 40057)', async () => {
    const sim = await start({ seed: 'empty' });
    const key = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    const echo = createServer((req, res) => {
      const q = new URL(req.url ?? '/', 'http://x').searchParams;
      const params = { msg_signature: q.get('msg_signature') ?? '', timestamp: q.get('timestamp') ?? '', nonce: q.get('nonce') ?? '' };
      res.writeHead(200).end(openCallback({ token: 'tok', encodingAESKey: key, receiveId: sim.corpid }, params, q.get('echostr') ?? ''));
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/cb`;
      const ok = await admin<{ callback: { url: string } }>(sim, 'callback', { url, token: 'tok', encodingAESKey: key, verify: true });
      expect(ok.callback.url).toBe(url);
      const res = await fetch(`${sim.url}/_sim/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: receiverUrl, verify: true }),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errcode: number }).errcode).toBe(40057);
      expect(sim.state.settings.callbacks.contact?.url).toBe(url);
    } finally {
      await new Promise((r) => echo.close(r));
    }
  });

  it('retries failed deliveries (3 attempts) and records them', async () => {
    const sim = await start({ seed: 'empty' });
    await admin(sim, 'callback', { url: 'http://127.0.0.1:9/unreachable' });
    await admin(sim, 'departments/create', { name: '一个部门', parentid: 1 });
    const { deliveries } = await admin<{ deliveries: { ok: boolean; attempts: number }[] }>(sim, 'callbacks');
    expect(deliveries).toEqual([expect.objectContaining({ ok: false, attempts: 3 })]);
  });
});

describe('admin API guard', () => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

  it.skipIf(!external)('serves /_sim/ to loopback callers only', async () => {
    const sim = await start({ seed: 'empty', host: '0.0.0.0' });
    const denied = await fetch(`http://${external}:${sim.port}/_sim/state`);
    expect(denied.status).toBe(403);
    const api = await fetch(`http://${external}:${sim.port}/cgi-bin/gettoken?corpid=${sim.corpid}&corpsecret=x`);
    expect(((await api.json()) as { errmsg: string }).errmsg).toContain(`from ip: ${external}`);
    expect((await fetch(`${sim.url}/_sim/state`)).status).toBe(200);
  });

  it('refuses a non-JSON POST and a foreign Host header even from loopback', async () => {
    const sim = await start({ seed: 'empty' });
    const form = await fetch(`${sim.url}/_sim/clock`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"advanceSec":1}' });
    expect(form.status).toBe(403);
    const rebound = await request(`${sim.url}/_sim/state`, { headers: { host: 'evil.example.com' } });
    expect(rebound.statusCode).toBe(403);
    await rebound.body.text();
  });
});
