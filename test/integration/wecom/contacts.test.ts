import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '../../../main/wecom/api/contacts';
import { WeComError } from '../../../main/wecom/wecom-error';
import { openHarness, type Harness } from './sim-harness';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

async function errcodeOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WeComError) return e.errcode;
    throw e;
  }
  throw new Error('expected a WeComError');
}

describe('departments', () => {
  it('list, simplelist and get agree with each other', async () => {
    const all = await c.listDepartments(h.contact);
    const ids = await c.listDepartmentIds(h.contact);
    expect(all.length).toBe(h.sim.state.departments.size);
    expect(new Set(ids.map((d) => d.id))).toEqual(new Set(all.map((d) => d.id)));
    const root = await c.getDepartment(h.contact, 1);
    expect(root).toMatchObject({ id: 1, parentid: 0 });
    const sub = await c.listDepartmentIds(h.contact, { id: 2 });
    expect(sub.every((d) => d.id === 2 || d.parentid !== 0)).toBe(true);
    expect(sub.length).toBeLessThan(ids.length);
  });

  it('create (with and without id), update, delete; WeCom’s rules come back as typed errors', async () => {
    const { id } = await c.createDepartment(h.contact, { name: '集成测试部', parentid: 1, order: 5 });
    expect(id).toBeGreaterThan(1);
    const fixed = await c.createDepartment(h.contact, { id: 9001, name: '集成测试子部', parentid: id });
    expect(fixed.id).toBe(9001);
    await c.updateDepartment(h.contact, { id: 9001, name: '集成测试子部（改）', name_en: 'IT sub' });
    expect((await c.getDepartment(h.contact, 9001)).name).toBe('集成测试子部（改）');

    expect(await errcodeOf(c.createDepartment(h.contact, { name: 'a*b', parentid: 1 }))).toBe(60009);
    expect(await errcodeOf(c.createDepartment(h.contact, { name: 'x', parentid: 987654 }))).toBe(60004);
    expect(await errcodeOf(c.deleteDepartment(h.contact, id))).toBe(60006); // has a sub-department
    expect(await errcodeOf(c.deleteDepartment(h.contact, 1))).toBe(60007);
    await c.deleteDepartment(h.contact, 9001);
    await c.deleteDepartment(h.contact, id);
    expect(await errcodeOf(c.getDepartment(h.contact, id))).toBe(60003);
  });

  it('an app secret reads but cannot write contacts (48002 / 60011), with the admin’s next step', async () => {
    expect((await c.listDepartmentIds(h.app)).length).toBeGreaterThan(0);
    const err = await c.createDepartment(h.app, { name: '不应创建', parentid: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WeComError);
    const we = err as WeComError;
    expect([48002, 60011]).toContain(we.errcode);
    expect(we.explain('zh-CN').action).toContain('通讯录');
  });
});

describe('members', () => {
  it('list_id pages with a cursor until the end: every user once per department', async () => {
    const rows = [];
    for await (const r of c.listUserIds(h.contact, { limit: 37 })) rows.push(r);
    const users = [...h.sim.state.users.values()];
    expect(new Set(rows.map((r) => r.userid)).size).toBe(users.length);
    expect(rows.length).toBe(users.reduce((n, u) => n + u.department.length, 0));
  });

  it('list_id accepts only the contacts-sync secret', async () => {
    const it = c.listUserIds(h.app);
    expect(await errcodeOf(it.next())).toBe(48002);
  });

  it('create, get, list, simplelist, update, getuserid by mobile/email, delete', async () => {
    await c.createUser(h.contact, {
      userid: 'it-zhangsan',
      name: '张三',
      department: [2],
      mobile: '+86 13800000001'.replace(/\s/g, ''),
      email: 'it-zhangsan@example.com',
      position: '测试工程师',
      to_invite: false,
    });
    const u = await c.getUser(h.contact, 'it-zhangsan');
    expect(u).toMatchObject({ userid: 'it-zhangsan', name: '张三', department: [2], position: '测试工程师' });
    expect((await c.listUsers(h.contact, 2)).some((x) => x.userid === 'it-zhangsan')).toBe(true);
    expect((await c.listUsersSimple(h.contact, 2)).find((x) => x.userid === 'it-zhangsan')?.name).toBe('张三');

    await c.updateUser(h.contact, { userid: 'it-zhangsan', position: '高级测试工程师', department: [2, 3], main_department: 3 });
    expect(await c.getUser(h.contact, 'it-zhangsan')).toMatchObject({ position: '高级测试工程师', main_department: 3 });

    expect(await c.getUserIdByMobile(h.contact, '+8613800000001')).toBe('it-zhangsan');
    expect(await c.getUserIdByEmail(h.contact, 'it-zhangsan@example.com')).toBe('it-zhangsan');

    expect(await errcodeOf(c.createUser(h.contact, { userid: 'it-zhangsan', name: '重复', department: [2], email: 'dup@example.com' }))).toBe(60102);
    await c.deleteUser(h.contact, 'it-zhangsan');
    expect(await errcodeOf(c.getUser(h.contact, 'it-zhangsan'))).toBe(60111);
  });

  it('new_userid renames a WeCom-generated userid once', async () => {
    const { userid } = await h.admin<{ userid: string }>('POST', 'users/create', { name: '生成账号', department: [2], email: 'gen@example.com' });
    await c.updateUser(h.contact, { userid, new_userid: 'it-renamed' });
    expect((await c.getUser(h.contact, 'it-renamed')).name).toBe('生成账号');
    expect(await errcodeOf(c.updateUser(h.contact, { userid: 'it-renamed', new_userid: 'it-renamed-2' }))).toBe(301036);
    await c.deleteUser(h.contact, 'it-renamed');
  });

  it('batchdelete splits > 200 userids into calls of ≤ 200', async () => {
    const ids = Array.from({ length: 230 }, (_, i) => `it-bulk-${i}`);
    for (const id of ids) await c.createUser(h.contact, { userid: id, name: id, department: [2], email: `${id}@example.com`, to_invite: false });
    const before = h.sim.state.users.size;
    await c.batchDeleteUsers(h.contact, ids);
    expect(h.sim.state.users.size).toBe(before - 230);
  });

  it('batchdelete: a failing chunk reports what was already deleted', async () => {
    const ids = Array.from({ length: 201 }, (_, i) => `it-bd-${i}`);
    for (const id of ids.slice(0, 200)) await c.createUser(h.contact, { userid: id, name: id, department: [2], email: `${id}@example.com`, to_invite: false });
    const err = (await c.batchDeleteUsers(h.contact, ids).catch((e: unknown) => e)) as WeComError & { deleted: string[] };
    expect(err).toBeInstanceOf(WeComError);
    expect(err.deleted).toEqual(ids.slice(0, 200));
  });

  it('cannot delete the corp creator (301005)', async () => {
    const creator = [...h.sim.state.users.values()].find((u) => u.creator);
    if (!creator) return;
    expect(await errcodeOf(c.deleteUser(h.contact, creator.userid))).toBe(301005);
  });

  it('batch/invite merges the invalid ids of its calls', async () => {
    const some = [...h.sim.state.users.values()].slice(0, 3).map((u) => u.userid);
    const r = await c.invite(h.contact, { user: [...some, 'no-such-user'], party: [2] });
    expect(r.invaliduser).toEqual(['no-such-user']);
    expect(r.invalidparty).toEqual([]);
  });
});
