// agent/get+set, menus, JS-SDK tickets, OAuth codes, IP lists, msgaudit, external contacts and check-in data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSimulator, type SimulatorHandle } from '../../../main/simulator';
import { admin, Any, appClient, clientFor, rejection } from './sim-helpers';

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo' });
});
afterAll(async () => {
  await sim.close();
});

const code = async (p: Promise<unknown>) => (await rejection(p)).errcode;

describe('agent and menu', () => {
  it('reads its own agent with the visible scope, sets home_url, refuses other agents (301002)', async () => {
    const app = appClient(sim, 1000003);
    const a = await app.get('agent/get', { agentid: 1000003 }, z.object({ name: z.string(), allow_partys: z.object({ partyid: z.array(z.number()) }), home_url: z.string() }).loose());
    expect(a).toMatchObject({ name: '研发周报', allow_partys: { partyid: [11] }, home_url: '' });
    await app.post('agent/set', { agentid: 1000003, home_url: 'https://bridge.example.com/sso/app/3' }, Any);
    expect((await app.get('agent/get', { agentid: 1000003 }, Any)).home_url).toBe('https://bridge.example.com/sso/app/3');
    expect(await code(app.post('agent/set', { agentid: 1000003, description: 'abc' }, Any))).toBe(45004);
    expect(await code(app.get('agent/get', { agentid: 1000002 }, Any))).toBe(301002);
    expect(await code(app.get('agent/get', { agentid: 4242 }, Any))).toBe(40056);
    expect(await code(clientFor(sim, sim.contactSecret).get('agent/get', { agentid: 1000003 }, Any))).toBe(48002);
  });

  it('creates, reads and deletes a menu; 46003 when none; 40016/40018/40023 on bad buttons', async () => {
    const app = appClient(sim, 1000002);
    const q = { agentid: 1000002 };
    expect(await code(app.get('menu/get', q, Any))).toBe(46003);
    const button = [{ name: '工作台', sub_button: [{ type: 'view', name: '审批', url: 'https://oa.example.com' }, { type: 'click', name: '签到', key: 'checkin' }] }];
    await app.post('menu/create', { button }, Any, {}, q);
    expect((await app.get('menu/get', q, Any)).button).toEqual(button);
    expect(await code(app.post('menu/create', { button: [] }, Any, {}, q))).toBe(40016);
    expect(await code(app.post('menu/create', { button: [{ type: 'click', name: '一二三四五六七八', key: 'k' }] }, Any, {}, q))).toBe(40018);
    const six = Array.from({ length: 6 }, (_, i) => ({ type: 'click', name: `s${i}`, key: `k${i}` }));
    expect(await code(app.post('menu/create', { button: [{ name: 'm', sub_button: six }] }, Any, {}, q))).toBe(40023);
    await app.get('menu/delete', q, Any);
    expect(await code(app.get('menu/get', q, Any))).toBe(46003);
  });

  it('issues jsapi and agent_config tickets', async () => {
    const app = appClient(sim, 1000002);
    const T = z.object({ ticket: z.string().min(16), expires_in: z.literal(7200) });
    expect((await app.get('get_jsapi_ticket', {}, T)).ticket).not.toBe((await app.get('ticket/get', { type: 'agent_config' }, T)).ticket);
  });
});

describe('OAuth', () => {
  it('exchanges an admin-issued code once (40029 on reuse, after 5 minutes, or for another app)', async () => {
    const app = appClient(sim, 1000002);
    const member = [...sim.state.users.values()][3];
    const { code: c1 } = await admin<{ code: string }>(sim, 'oauth-code', { userid: member.userid });
    expect((await app.get('auth/getuserinfo', { code: c1 }, z.object({ userid: z.string() }))).userid).toBe(member.userid);
    expect(await code(app.get('auth/getuserinfo', { code: c1 }, Any))).toBe(40029);
    const { code: c2 } = await admin<{ code: string }>(sim, 'oauth-code', { userid: member.userid });
    await admin(sim, 'clock', { advanceSec: 301 });
    expect(await code(app.get('auth/getuserinfo', { code: c2 }, Any))).toBe(40029);
    await admin(sim, 'clock', { offsetMs: 0 });
    const { code: c3 } = await admin<{ code: string }>(sim, 'oauth-code', { userid: member.userid, agentid: 1000003 });
    expect(await code(app.get('auth/getuserinfo', { code: c3 }, Any))).toBe(40029);
    expect(await code(clientFor(sim, sim.contactSecret).get('auth/getuserinfo', { code: c3 }, Any))).toBe(48002);
  });
});

describe('misc', () => {
  it('answers get_api_domain_ip, getcallbackip and the msgaudit permit list (archive secret only)', async () => {
    const app = appClient(sim, 1000002);
    expect((await app.get('get_api_domain_ip', {}, z.object({ ip_list: z.array(z.string()) }))).ip_list.length).toBeGreaterThan(0);
    expect((await app.get('getcallbackip', {}, z.object({ ip_list: z.array(z.string()) }))).ip_list.length).toBeGreaterThan(0);
    const archive = clientFor(sim, sim.archiveSecret, 'archive');
    const ids = (await archive.post('msgaudit/get_permit_user_list', {}, z.object({ ids: z.array(z.string()) }))).ids;
    expect(ids.length).toBe([...sim.state.users.values()].filter((u) => u.msgaudit).length);
    expect(ids.length).toBeGreaterThan(0);
    expect(await code(app.post('msgaudit/get_permit_user_list', {}, Any))).toBe(48002);
  });
});

describe('external contacts', () => {
  it('reads follow users, lists, details and batches with the customer secret', async () => {
    const c = clientFor(sim, sim.customerSecret, 'customer');
    const follow = (await c.get('externalcontact/get_follow_user_list', {}, z.object({ follow_user: z.array(z.string()) }))).follow_user;
    expect(follow.length).toBeGreaterThan(20);
    const owner = [...sim.state.externalContacts.values()][0].follow_user[0].userid;
    const list = (await c.get('externalcontact/list', { userid: owner }, z.object({ external_userid: z.array(z.string()) }))).external_userid;
    expect(list.length).toBeGreaterThan(0);
    const one = await c.get('externalcontact/get', { external_userid: list[0] }, z.object({ external_contact: z.object({ name: z.string() }).loose(), follow_user: z.array(Any) }));
    expect(one.follow_user.length).toBeGreaterThan(0);
    const some = follow.slice(0, 100);
    const pairs = [...sim.state.externalContacts.values()].reduce((n, x) => n + x.follow_user.filter((f) => some.includes(f.userid)).length, 0);
    const Batch = z.object({ external_contact_list: z.array(Any), next_cursor: z.string() });
    const first = await c.post('externalcontact/batch/get_by_user', { userid_list: some, limit: 10 }, Batch);
    expect(first.external_contact_list.length).toBe(Math.min(10, pairs));
    let total = first.external_contact_list.length;
    for (let cursor = first.next_cursor; cursor; ) {
      const next = await c.post('externalcontact/batch/get_by_user', { userid_list: some, limit: 10, cursor }, Batch);
      total += next.external_contact_list.length;
      cursor = next.next_cursor;
    }
    expect(total).toBe(pairs);
    expect(await code(c.post('externalcontact/batch/get_by_user', { userid_list: follow.concat(follow).slice(0, 101) }, Any))).toBe(40058);
    const noCustomers = follow.find((u) => ![...sim.state.externalContacts.values()].some((x) => x.follow_user.some((f) => f.userid === u)));
    if (noCustomers) expect(await code(c.get('externalcontact/list', { userid: noCustomers }, Any))).toBe(84061);
    expect(await code(c.get('externalcontact/get', { external_userid: 'wmnobody' }, Any))).toBe(40096);
  });

  it('is refused to the contacts secret and to apps not added to 客户联系 (48002)', async () => {
    expect(await code(clientFor(sim, sim.contactSecret).get('externalcontact/get_follow_user_list', {}, Any))).toBe(48002);
    expect(await code(appClient(sim, 1000003).get('externalcontact/get_follow_user_list', {}, Any))).toBe(48002);
    expect((await appClient(sim, 1000002).get('externalcontact/get_follow_user_list', {}, Any)).errcode).toBe(0);
  });
});

describe('checkin', () => {
  it('returns the last week of records and enforces 100 users (301023) and 30 days (301024)', async () => {
    const app = appClient(sim, 1000002);
    const now = Math.floor(sim.now() / 1000);
    const users = [...sim.state.users.values()].filter((u) => u.activated && u.enable === 1).slice(0, 100).map((u) => u.userid);
    const body = { opencheckindatatype: 3, starttime: now - 8 * 86400, endtime: now, useridlist: users };
    const data = await app.post('checkin/getcheckindata', body, z.object({ checkindata: z.array(z.object({ userid: z.string(), checkin_type: z.string() }).loose()) }));
    expect(data.checkindata.length).toBeGreaterThan(300);
    expect(new Set(data.checkindata.map((r) => r.checkin_type))).toContain('上班打卡');
    const day = await app.post('checkin/getcheckin_daydata', { ...body, useridlist: users.slice(0, 3) }, z.object({ datas: z.array(z.object({ base_info: Any, summary_info: Any }).loose()) }));
    expect(day.datas.length).toBeGreaterThanOrEqual(3 * 8);
    expect(await code(app.post('checkin/getcheckindata', { ...body, useridlist: [...users, 'extra'] }, Any))).toBe(301023);
    expect(await code(app.post('checkin/getcheckindata', { ...body, useridlist: [] }, Any))).toBe(301023);
    expect(await code(app.post('checkin/getcheckindata', { ...body, starttime: now - 31 * 86400 }, Any))).toBe(301024);
    expect(await code(appClient(sim, 1000003).post('checkin/getcheckindata', body, Any))).toBe(48002);
  });
});
