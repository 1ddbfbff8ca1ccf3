// The callback listener on loopback against the simulator's real deliveries: URL verification, contact changes
// into the mirror (partial fields) and history, passive encrypted replies from the auto-reply rules, retries
// de-duplicated, template-card and external-contact events stored, settings changes effective at once.
import { XMLParser } from 'fast-xml-parser';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackSignature, encryptCallbackMessage, openCallback } from '../../../main/simulator';
import { connectSimulator, post, signedPost, simAdmin, startHarness, textMessage, until, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const xml = new XMLParser({ parseTagValue: false });
const mirrorUser = (userid: string) => h.t.core.services.mirror.getUser(h.corpId, userid);

describe('URL verification (GET echostr)', () => {
  it('the simulator verifies our URL like the WeCom console; 「URL 已验证」 is recorded with its time', async () => {
    const before = await h.t.call('callbacks.get', { kind: 'contacts', id: h.corpId });
    expect(before.verifiedAt).toBeNull();
    expect(before.url).toBe(`${h.listener.url}/callback/contacts/${h.corpId}`);
    expect(before.local).toBe(true);
    await connectSimulator(h);
    const after = await until(() => h.t.call('callbacks.get', { kind: 'contacts', id: h.corpId }), (v) => v.verifiedAt !== null);
    expect(after.verifiedAt).not.toBeNull();
    const log = await h.t.call('callbacks.log', { limit: 10 });
    expect(log.entries[0]).toMatchObject({ outcome: 'verified', kind: 'contacts', corpId: h.corpId, status: 200 });
  });

  it('answers exactly the plaintext (no quotes, BOM or newline), a raw "+" in echostr included', async () => {
    const s = await h.t.call('callbacks.get', { kind: 'app', id: h.appId });
    for (let i = 0; i < 20; i++) {
      const echostr = encryptCallbackMessage(s.encodingAESKey, `${1234567890 + i}`, h.sim.corpid);
      const [timestamp, nonce] = ['1700000000', '42'];
      const sig = callbackSignature(s.token, timestamp, nonce, echostr);
      const raw = `${s.url}?msg_signature=${sig}&timestamp=${timestamp}&nonce=${nonce}&echostr=${i % 2 ? encodeURIComponent(echostr) : echostr}`;
      const res = await request(raw);
      expect(res.statusCode).toBe(200);
      expect(await res.body.text()).toBe(`${1234567890 + i}`);
    }
  });
});

describe('contact changes from the simulator (F4.13)', () => {
  it('create, partial update, rename, delete of users and departments update the mirror, recorded in history', async () => {
    await simAdmin(h.sim, 'departments/create', { name: '回调测试部', parentid: 1, id: 901, order: 7 });
    await simAdmin(h.sim, 'users/create', { userid: 'cb_user1', name: '回调用户', department: [901], mobile: '13900009001', position: '工程师', email: 'cb1@example.com' });
    await h.sim.callbacksIdle();
    const u = await until(() => mirrorUser('cb_user1'), (v) => v !== null);
    expect(u).toMatchObject({ name: '回调用户', mobile: '13900009001', position: '工程师', email: 'cb1@example.com', department: [901], mainDepartment: 901 });
    expect(h.t.core.services.mirror.getDept(h.corpId, 901)).toMatchObject({ name: '回调测试部', parentId: 1, order: 7 });

    await simAdmin(h.sim, 'users/update', { userid: 'cb_user1', position: '高级工程师' });
    await h.sim.callbacksIdle();
    await until(() => mirrorUser('cb_user1'), (v) => v?.position === '高级工程师');
    expect(mirrorUser('cb_user1')).toMatchObject({ name: '回调用户', mobile: '13900009001', position: '高级工程师' });

    await simAdmin(h.sim, 'departments/update', { id: 901, name: '回调测试二部' });
    await simAdmin(h.sim, 'users/update', { userid: 'cb_user1', new_userid: 'cb_user1b' });
    await h.sim.callbacksIdle();
    await until(() => mirrorUser('cb_user1b'), (v) => v !== null);
    expect(mirrorUser('cb_user1')).toBeNull();
    expect(h.t.core.services.mirror.getDept(h.corpId, 901)?.name).toBe('回调测试二部');

    await simAdmin(h.sim, 'users/delete', { userid: 'cb_user1b' });
    await simAdmin(h.sim, 'departments/delete', { id: 901 });
    await h.sim.callbacksIdle();
    await until(() => h.t.core.services.mirror.getDept(h.corpId, 901), (v) => v === null);
    expect(mirrorUser('cb_user1b')).toBeNull();

    const history = await until(() => h.t.call('history.list', { corpId: h.corpId, limit: 20 }), (v) => v.some((r) => r.actor === 'wecom-callback'));
    const runs = history.filter((r) => r.actor === 'wecom-callback');
    const counts: Record<string, number> = {};
    for (const r of runs) for (const [k, v] of Object.entries(r.summary.counts as Record<string, number>)) counts[k] = (counts[k] ?? 0) + v;
    expect(runs[0]).toMatchObject({ kind: 'edit', status: 'succeeded', summary: expect.objectContaining({ source: 'callback', event: 'change_contact' }) });
    expect(counts).toMatchObject({ create_party: 1, create_user: 1, update_user: 2, update_party: 1, delete_user: 1, delete_party: 1 });
  });

  it('a minimal-fields URL (UserID/Department only) keeps what the mirror knew', async () => {
    await connectSimulator(h, false);
    await simAdmin(h.sim, 'users/create', { userid: 'cb_min', name: '只有编号', department: [1], mobile: '13900009002' });
    await h.sim.callbacksIdle();
    const u = await until(() => mirrorUser('cb_min'), (v) => v !== null);
    expect(u).toMatchObject({ userid: 'cb_min', name: 'cb_min', department: [1] });
    h.t.core.services.mirror.upsertUser(h.corpId, { ...u!, name: '已拉取的姓名', mobile: '13900009002' });
    await simAdmin(h.sim, 'users/update', { userid: 'cb_min', department: [1, 20] });
    await h.sim.callbacksIdle();
    await until(() => mirrorUser('cb_min'), (v) => v?.department.length === 2);
    expect(mirrorUser('cb_min')).toMatchObject({ name: '已拉取的姓名', mobile: '13900009002', department: [1, 20] });
    await connectSimulator(h, true);
  });
});

describe('passive replies (F6.4) and retries', () => {
  it('a text message matching a rule gets the encrypted reply, only while 【是否开启应用回调】 is on', async () => {
    const s = await h.t.call('callbacks.get', { kind: 'app', id: h.appId });
    await h.t.call('replyRules.add', { appId: h.appId, name: '报销', match: 'contains', keyword: '报销', reply: '报销请走 OA：\n<a href="https://oa.example.com">点此</a>', priority: 5 });
    await h.t.call('replyRules.add', { appId: h.appId, name: '兜底', match: 'any', reply: '已收到' });
    const msg = () => signedPost(s, h.sim.corpid, textMessage(h.sim.corpid, 'zhangsan', '我想报销', h.agentid), String(h.agentid));
    expect(await post(s.url, msg())).toEqual({ status: 200, body: '' });

    await h.t.call('callbacks.set', { kind: 'app', id: h.appId, replies: true });
    const res = await post(s.url, msg());
    expect(res.status).toBe(200);
    const env = xml.parse(res.body) as { xml: { Encrypt: string; MsgSignature: string; TimeStamp: string; Nonce: string } };
    const plain = openCallback({ token: s.token, encodingAESKey: s.encodingAESKey, receiveId: h.sim.corpid }, { msg_signature: env.xml.MsgSignature, timestamp: env.xml.TimeStamp, nonce: env.xml.Nonce }, env.xml.Encrypt);
    const reply = (xml.parse(plain) as { xml: Record<string, string> }).xml;
    expect(reply).toMatchObject({ ToUserName: 'zhangsan', FromUserName: h.sim.corpid, MsgType: 'text', Content: '报销请走 OA：\n<a href="https://oa.example.com">点此</a>' });

    const other = await post(s.url, signedPost(s, h.sim.corpid, textMessage(h.sim.corpid, 'lisi', '你好', h.agentid)));
    expect(other.body).not.toBe('');
  });

  it('a retried message (same MsgId) is answered again, counted as a duplicate, never routed twice', async () => {
    const s = await h.t.call('callbacks.get', { kind: 'app', id: h.appId });
    const before = (await h.t.call('callbacks.log', { limit: 1 })).counters;
    const plain = textMessage(h.sim.corpid, 'wangwu', '报销单', h.agentid, '9000000000000000001');
    const first = await post(s.url, signedPost(s, h.sim.corpid, plain));
    const retry = await post(s.url, signedPost(s, h.sim.corpid, plain));
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body).not.toBe('');
    const after = await until(() => h.t.call('callbacks.log', { limit: 5 }), (v) => v.counters.duplicates > before.duplicates);
    expect(after.counters.duplicates - before.duplicates).toBe(1);
    expect(after.entries.find((e) => e.outcome === 'duplicate')).toMatchObject({ fromUser: 'wangwu', msgType: 'text' });
  });

  it('a retried contact change is applied once; distinct changes in the same second are all applied', async () => {
    const s = await h.t.call('callbacks.get', { kind: 'contacts', id: h.corpId });
    const ct = Math.floor(Date.now() / 1000);
    const ev = (userid: string) =>
      `<xml><ToUserName><![CDATA[${h.sim.corpid}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>${ct}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event><ChangeType><![CDATA[create_user]]></ChangeType><UserID><![CDATA[${userid}]]></UserID><Name><![CDATA[同秒]]></Name><Department><![CDATA[1]]></Department></xml>`;
    for (const body of [ev('same_sec_a'), ev('same_sec_a'), ev('same_sec_b')]) expect((await post(s.url, signedPost(s, h.sim.corpid, body))).status).toBe(200);
    await until(() => mirrorUser('same_sec_b'), (v) => v !== null);
    expect(mirrorUser('same_sec_a')).toMatchObject({ name: '同秒' });
  });
});

describe('stored events and hooks (F3.3, F7.3)', () => {
  it('external-contact events are stored; template-card events are stored and handed to the hook', async () => {
    const seen: string[] = [];
    const off = h.t.core.services.callbacks.onTemplateCard((e) => void seen.push(e.fields.TaskId ?? ''));
    const owner = h.sim.state.membersOf(30)[1].userid;
    await simAdmin(h.sim, 'external-contacts/add', { userid: owner, name: '客户甲' });
    await h.sim.callbacksIdle();
    const s = await h.t.call('callbacks.get', { kind: 'app', id: h.appId });
    const card = `<xml><ToUserName><![CDATA[${h.sim.corpid}]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[approve]]></EventKey><TaskId><![CDATA[task-1]]></TaskId><CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[secret-code]]></ResponseCode><AgentID>${h.agentid}</AgentID></xml>`;
    expect((await post(s.url, signedPost(s, h.sim.corpid, card))).status).toBe(200);
    await until(() => seen, (v) => v.length > 0);
    off();
    expect(seen).toEqual(['task-1']);
    const ext = await until(() => h.t.call('callbacks.events', { corpId: h.corpId, kind: 'external_contact' }), (v) => v.length > 0);
    expect(ext[0]).toMatchObject({ event: 'change_external_contact', changeType: 'add_external_contact', fromUser: 'sys' });
    const cards = await h.t.call('callbacks.events', { corpId: h.corpId, kind: 'template_card' });
    expect(cards[0]).toMatchObject({ event: 'template_card_event', appId: h.appId, fields: expect.objectContaining({ TaskId: 'task-1' }) });
    const logged = (await h.t.call('callbacks.log', { limit: 50 })).entries.find((e) => e.event === 'template_card_event');
    expect(logged?.fields.ResponseCode).toBe('***');
  });
});

describe('settings changes apply at once', () => {
  it('after --regenerate, the old Token/EncodingAESKey are refused and the new ones accepted; verification is reset', async () => {
    const old = await h.t.call('callbacks.get', { kind: 'app', id: h.appId });
    const fresh = await h.t.call('callbacks.set', { kind: 'app', id: h.appId, regenerate: true });
    expect(fresh.token).not.toBe(old.token);
    expect(fresh.encodingAESKey).not.toBe(old.encodingAESKey);
    expect(fresh.verifiedAt).toBeNull();
    expect((await post(old.url, signedPost(old, h.sim.corpid, textMessage(h.sim.corpid, 'a', 'x', h.agentid)))).status).toBe(400);
    expect((await post(fresh.url, signedPost(fresh, h.sim.corpid, textMessage(h.sim.corpid, 'a', 'x', h.agentid)))).status).toBe(200);
  });
});
