// Departments and members through the real client: WeCom's tree and field rules, and what each secret may do
// (contacts secret reads/writes all; app secrets read their visible scope only and cannot write).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSimulator, type SimulatorHandle } from '../../../main/simulator';
import type { WeComClient } from '../../../main/wecom/client';
import { admin, Any, appClient, clientFor, rejection } from './sim-helpers';

const DeptList = z.object({ department: z.array(z.object({ id: z.number(), name: z.string(), parentid: z.number() }).loose()) });
const User = z.object({ userid: z.string(), name: z.string(), department: z.array(z.number()), status: z.number() }).loose();

let sim: SimulatorHandle;
let contacts: WeComClient;

async function code(p: Promise<unknown>): Promise<number | undefined> {
  return (await rejection(p)).errcode;
}

beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo' });
  contacts = clientFor(sim, sim.contactSecret);
});
afterAll(async () => {
  await sim.close();
});

describe('departments', () => {
  it('lists the whole demo tree with the contacts secret, root first with parentid 0', async () => {
    const r = await contacts.get('department/list', {}, DeptList);
    expect(r.department.length).toBe(40);
    expect(r.department[0]).toMatchObject({ id: 1, name: '云桥演示科技有限公司', parentid: 0 });
    const sub = await contacts.get('department/simplelist', { id: 11 }, z.object({ department_id: z.array(z.object({ id: z.number() })) }));
    expect(sub.department_id.map((d) => d.id).sort((a, b) => a - b)).toEqual([11, 20, 21, 22, 23, 24, 25]);
  });

  it('creates, renames, moves and deletes, answering created/updated/deleted', async () => {
    const created = await contacts.post('department/create', { name: '临时项目组', parentid: 11, order: 5 }, Any);
    expect(created.errmsg).toBe('created');
    const id = Number(created.id);
    expect(id).toBeGreaterThan(1);
    expect((await contacts.post('department/update', { id, name: '临时项目二组', parentid: 12 }, Any)).errmsg).toBe('updated');
    const got = await contacts.get('department/get', { id }, z.object({ department: z.object({ name: z.string(), parentid: z.number() }) }));
    expect(got.department).toEqual({ ...got.department, name: '临时项目二组', parentid: 12 });
    expect((await contacts.get('department/delete', { id }, Any)).errmsg).toBe('deleted');
    expect(await code(contacts.get('department/get', { id }, Any))).toBe(60003);
  });

  it('enforces WeCom tree rules: 60004, 60008, 60009, 60001, 60005, 60006, 60007, 60010, 81002', async () => {
    expect(await code(contacts.post('department/create', { name: '孤儿部门', parentid: 99999 }, Any))).toBe(60004);
    expect(await code(contacts.post('department/create', { name: '前端组', parentid: 11 }, Any))).toBe(60008);
    expect(await code(contacts.post('department/create', { name: '新部门', parentid: 11, id: 20 }, Any))).toBe(60008);
    expect(await code(contacts.post('department/create', { name: '研发|测试', parentid: 11 }, Any))).toBe(60009);
    expect(await code(contacts.post('department/create', { name: '名'.repeat(33), parentid: 11 }, Any))).toBe(60001);
    expect(await code(contacts.get('department/delete', { id: 20 }, Any))).toBe(60005);
    expect(await code(contacts.get('department/delete', { id: 11 }, Any))).toBe(60006);
    expect(await code(contacts.get('department/delete', { id: 1 }, Any))).toBe(60007);
    expect(await code(contacts.post('department/update', { id: 11, parentid: 20 }, Any))).toBe(60010);
    // Build a chain down to depth 15 (root = 1), then one more level is refused.
    let parent = 1;
    const chain: number[] = [];
    for (let depth = 2; depth <= 15; depth++) {
      const r = await contacts.post('department/create', { name: `第${depth}层`, parentid: parent }, Any);
      parent = Number(r.id);
      chain.push(parent);
    }
    expect(await code(contacts.post('department/create', { name: '第16层', parentid: parent }, Any))).toBe(81002);
    for (const id of chain.reverse()) await contacts.get('department/delete', { id }, Any);
  });
});

describe('members', () => {
  it('creates, updates (incl. new_userid) and deletes a member; userids are unique ignoring case', async () => {
    const body = { userid: 'Zhou.Test', name: '周测试', department: [20, 21], main_department: 21, mobile: '13900001111', position: '实习生' };
    expect((await contacts.post('user/create', body, Any)).errmsg).toBe('created');
    const u = await contacts.get('user/get', { userid: 'zhou.test' }, User);
    expect(u).toMatchObject({ userid: 'Zhou.Test', department: [20, 21], status: 4, main_department: 21 });
    expect(await code(contacts.post('user/create', { ...body, userid: 'zhou.TEST', mobile: '13900002222' }, Any))).toBe(60102);
    expect(await code(contacts.post('user/create', { ...body, userid: 'zhou2', mobile: '13900001111' }, Any))).toBe(60104);
    expect((await contacts.post('user/update', { userid: 'Zhou.Test', new_userid: 'zhoutest', position: '工程师' }, Any)).errmsg).toBe('updated');
    expect((await contacts.get('user/get', { userid: 'zhoutest' }, User)).position).toBe('工程师');
    expect(await code(contacts.get('user/get', { userid: 'Zhou.Test' }, Any))).toBe(60111);
    expect((await contacts.get('user/delete', { userid: 'zhoutest' }, Any)).errmsg).toBe('deleted');
  });

  it('checks member fields: 40003, 60112, 60103, 60105, 60106, 60129, 60003, main_department, 40035', async () => {
    const base = { userid: 'fieldcheck', name: '字段', department: [20], mobile: '13900003333' };
    const someone = [...sim.state.users.values()][0];
    expect(await code(contacts.post('user/create', { ...base, userid: '-bad' }, Any))).toBe(40003);
    expect(await code(contacts.post('user/create', { ...base, name: '' }, Any))).toBe(60112);
    expect(await code(contacts.post('user/create', { ...base, mobile: 'abc' }, Any))).toBe(60103);
    expect(await code(contacts.post('user/create', { ...base, email: 'not-an-email' }, Any))).toBe(60105);
    expect(await code(contacts.post('user/create', { ...base, email: someone.email.toUpperCase() }, Any))).toBe(60106);
    expect(await code(contacts.post('user/create', { ...base, mobile: '' }, Any))).toBe(60129);
    expect(await code(contacts.post('user/create', { ...base, department: [4242] }, Any))).toBe(60003);
    expect(await code(contacts.post('user/create', { ...base, main_department: 21 }, Any))).toBe(40058);
    expect(await code(contacts.post('user/create', { ...base, department: '20' }, Any))).toBe(40035);
  });

  it('refuses to delete the creator (301005) and batchdelete fails whole on one unknown id (40031)', async () => {
    const creator = [...sim.state.users.values()].find((u) => u.creator);
    expect(await code(contacts.get('user/delete', { userid: creator?.userid ?? '' }, Any))).toBe(301005);
    await contacts.post('user/create', { userid: 'bd1', name: '批删一', department: [20], email: 'bd1@example.com' }, Any);
    expect(await code(contacts.post('user/batchdelete', { useridlist: ['bd1', 'nobody'] }, Any))).toBe(40031);
    expect((await contacts.get('user/get', { userid: 'bd1' }, User)).userid).toBe('bd1');
    expect((await contacts.post('user/batchdelete', { useridlist: ['bd1'] }, Any)).errmsg).toBe('deleted');
  });

  it('finds userids by mobile and email (46004 when unknown)', async () => {
    const u = [...sim.state.users.values()][10];
    expect((await contacts.post('user/getuserid', { mobile: u.mobile }, z.object({ userid: z.string() }))).userid).toBe(u.userid);
    expect((await contacts.post('user/get_userid_by_email', { email: u.email }, z.object({ userid: z.string() }))).userid).toBe(u.userid);
    expect(await code(contacts.post('user/getuserid', { mobile: '19999999999' }, Any))).toBe(46004);
  });

  it('invites members (batch/invite) and reports the invalid ones', async () => {
    const pending = [...sim.state.users.values()].find((u) => !u.activated && u.enable === 1);
    const r = await contacts.post('batch/invite', { user: [pending?.userid, 'nobody'], party: [20, 4242] }, z.object({ invaliduser: z.array(z.string()), invalidparty: z.array(z.number()) }).loose());
    expect(r).toMatchObject({ invaliduser: ['nobody'], invalidparty: [4242] });
  });

  it('lists members of a department (simplelist / list)', async () => {
    const simple = await contacts.get('user/simplelist', { department_id: 20 }, z.object({ userlist: z.array(z.object({ userid: z.string() }).loose()) }));
    expect(simple.userlist.length).toBe(16);
    const full = await contacts.get('user/list', { department_id: 20 }, z.object({ userlist: z.array(User) }));
    expect(full.userlist.map((u) => u.userid)).toEqual(simple.userlist.map((u) => u.userid));
    expect(full.userlist.some((u) => u.status === 4)).toBe(true);
  });
});

describe('secret permissions', () => {
  it('app secrets cannot write contacts (48002), nor call list_id', async () => {
    const app = appClient(sim, 1000002);
    expect(await code(app.post('user/create', { userid: 'x1', name: '某', department: [1], mobile: '13900004444' }, Any))).toBe(48002);
    expect(await code(app.post('department/create', { name: '某部门', parentid: 1 }, Any))).toBe(48002);
    expect(await code(app.get('department/delete', { id: 20 }, Any))).toBe(48002);
    expect(await code(app.post('user/list_id', { limit: 10 }, Any))).toBe(48002);
    expect(await code(clientFor(sim, sim.customerSecret, 'customer').get('user/get', { userid: 'x' }, Any))).toBe(48002);
  });

  it('an app reads only within its visible scope (60011 outside)', async () => {
    const rd = appClient(sim, 1000003); // visible scope: 研发中心 (11)
    const tree = await rd.get('department/list', {}, DeptList);
    expect(tree.department.map((d) => d.id).sort((a, b) => a - b)).toEqual([11, 20, 21, 22, 23, 24, 25]);
    const inside = sim.state.membersOf(21)[0];
    const outside = sim.state.membersOf(34)[0];
    expect((await rd.get('user/get', { userid: inside.userid }, User)).userid).toBe(inside.userid);
    expect(await code(rd.get('user/get', { userid: outside.userid }, Any))).toBe(60011);
    expect(await code(rd.get('department/get', { id: 34 }, Any))).toBe(60011);
    expect(await code(rd.get('user/simplelist', { department_id: 34 }, Any))).toBe(60011);
  });

  it('an app whose visible scope holds only users sees no departments but can read those users', async () => {
    const exec = appClient(sim, 1000004);
    const app = sim.state.app(1000004);
    expect(app?.allow_partys).toEqual([]);
    expect((await exec.get('department/list', {}, DeptList)).department).toEqual([]);
    const listed = await exec.get('user/get', { userid: app?.allow_users[0] ?? '' }, z.object({ userid: z.string() }).loose());
    expect(listed.userid).toBe(app?.allow_users[0]);
    // A legacy-less app: no mobile/email in its replies.
    expect(listed).not.toHaveProperty('mobile');
    expect(await code(exec.get('department/get', { id: 1 }, Any))).toBe(60011);
  });

  it('admin edits are visible to the API at once', async () => {
    await admin(sim, 'users/create', { name: '王小明', department: [20], mobile: '13900005555' });
    const id = sim.state.userByMobile('13900005555')?.userid ?? '';
    expect(id).toBe('WangXiaoMing');
    expect((await contacts.get('user/get', { userid: id }, User)).name).toBe('王小明');
    // A console-generated userid may be changed once through the API (301036 the second time).
    await contacts.post('user/update', { userid: id, new_userid: 'wangxm' }, Any);
    expect(await code(contacts.post('user/update', { userid: 'wangxm', new_userid: 'wangxm2' }, Any))).toBe(301036);
  });
});
