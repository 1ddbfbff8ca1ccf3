import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesContaining } from '../../helpers/tmp';
import { openTestCore, type TestCore } from '../../helpers/core';

let server: Server;
let base: string;
let body: string = '';
let seenAuth: string | undefined;
let t: TestCore;

beforeAll(async () => {
  server = createServer((req, res) => {
    seenAuth = req.headers.authorization;
    if (req.url === '/broken') return res.writeHead(500).end('oops');
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await openTestCore();
});
afterAll(async () => {
  await t.close();
  await new Promise((r) => server.close(r));
});

const hr = {
  org: [
    { code: 'R', title: '云桥科技', parent: null },
    { code: 'D1', title: '研发中心', parent: 'R' },
  ],
  staff: [
    { empNo: 'E1', account: 'zhangsan', fullName: '张三', phone: 13800000001, dept: 'D1', also: ['R'], state: 'active', 工位: 'A-1' },
    { empNo: 'E2', account: 'lisi', fullName: '李四', phone: '13800000002', dept: 'D1', state: 'departed' },
  ],
};
const mapping = {
  departments: { id: 'code', name: 'title', parentId: 'parent' },
  users: { workcode: 'empNo', loginid: 'account', name: 'fullName', mobile: 'phone', department: 'dept', partTimeDepartments: 'also', status: 'state' },
};

describe('OA JSON-over-HTTP source (F4.9)', () => {
  it('fetches, maps and imports; the bearer token is sent and stored sealed', async () => {
    body = JSON.stringify(hr);
    t.core.services.oa.setHttpSource({ url: `${base}/hr`, departmentsKey: 'org', usersKey: 'staff', mapping }, 'HR-TOKEN-987');
    const r = await t.core.services.oa.fetchHttp({ dryRun: false });
    expect(r).toMatchObject({ ok: true, applied: true, counts: { departments: 2, users: 2, active: 1, departed: 1 } });
    expect(seenAuth).toBe('Bearer HR-TOKEN-987');
    const zs = t.core.services.oa.directory().users.find((u) => u.id === 'E1')!;
    expect(zs).toMatchObject({ loginid: 'zhangsan', mobile: '13800000001', partTimeDepartments: ['R'], custom: { 工位: 'A-1' } });
    expect(filesContaining(t.dataDir, 'HR-TOKEN-987')).toEqual([]);
  });

  it('bad rows, bad JSON and HTTP errors change nothing', async () => {
    const before = t.core.services.oa.directory();
    body = JSON.stringify({ ...hr, staff: [...hr.staff, { empNo: 'E3', fullName: '', dept: 'NOPE' }] });
    const bad = await t.core.services.oa.fetchHttp({ dryRun: false });
    expect(bad.ok).toBe(false);
    expect(bad.errors.map((e) => e.reason)).toEqual(expect.arrayContaining(['姓名为空', '主部门编号「NOPE」不在部门表中']));
    body = '{not json';
    expect((await t.core.services.oa.fetchHttp({ dryRun: false })).errors[0].reason).toContain('不是有效的 JSON');
    body = JSON.stringify({ org: 'x', staff: [] });
    expect((await t.core.services.oa.fetchHttp({ dryRun: false })).errors[0].reason).toContain('不是对象数组');
    t.core.services.oa.setHttpSource({ url: `${base}/broken`, departmentsKey: 'org', usersKey: 'staff', mapping }, undefined);
    expect((await t.core.services.oa.fetchHttp({ dryRun: false })).errors[0].reason).toContain('HTTP 500');
    expect(t.core.services.oa.directory()).toEqual(before);
  });
});
