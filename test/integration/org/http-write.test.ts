// F4.3 【是否同步到OA】 with the JSON-over-HTTP source: changes seen in WeCom (a pull, a console edit) are
// POSTed to the source's write endpoint as one change list; without an endpoint the switch is refused; an
// endpoint that fails leaves the changes in a change workbook instead of losing them.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSimCorp, type SimCorp } from '../../helpers/sim-corp';

let env: SimCorp;
let server: Server;
let base: string;
let writeStatus = 200;
const received: { auth: string | undefined; body: { corpId: string; changes: { kind: string; wecomId: string; field: string; after: string }[] } }[] = [];
const ctx = () => ({ signal: new AbortController().signal, progress: () => undefined });

const readBody = (req: IncomingMessage) => new Promise<string>((r) => {
  let s = '';
  req.on('data', (c: Buffer) => (s += c.toString()));
  req.on('end', () => r(s));
});

beforeEach(async () => {
  env = await openSimCorp('empty');
  const root = env.sim.state.dept(1)!.name;
  const directory = {
    departments: [{ id: '1', name: root, parentId: null }, { id: '2', name: '研发中心', parentId: '1' }],
    users: [{ workcode: 'E1', loginid: 'zhangsan', name: '张三', mobile: '13800000001', department: '2', status: 'active' }],
  };
  received.length = 0;
  writeStatus = 200;
  server = createServer((req, res) => {
    if (req.method === 'GET') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(directory));
    void readBody(req).then((b) => {
      received.push({ auth: req.headers.authorization, body: JSON.parse(b) as (typeof received)[number]['body'] });
      res.writeHead(writeStatus).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await env.close();
  await new Promise((r) => server.close(r));
});

async function syncedOnce() {
  const s = env.t.core.services;
  expect((await s.oa.fetchHttp({ dryRun: false })).applied).toBe(true);
  await s.sync.pull(env.corpId, ctx());
  const p = await s.sync.simulate(env.corpId);
  await s.push.push(env.corpId, { hash: p.summary.hash }, ctx());
}

describe('【是否同步到OA】 to the HTTP source (F4.3)', () => {
  it('is refused while the HTTP source has no write endpoint, and says how to add one', async () => {
    env.t.core.services.oa.setHttpSource({ url: `${base}/hr` }, null);
    await syncedOnce();
    expect(env.t.core.services.oa.activeSource()).toMatchObject({ kind: 'http', canWrite: false });
    await expect(env.t.call('sync.config.set', { corpId: env.corpId, key: 'sync.toOA', value: 'true' })).rejects.toMatchObject({ message: expect.stringContaining('写入地址') });
  });

  it('POSTs what a pull and a console edit changed, with the bearer token; a failing endpoint leaves a change workbook', async () => {
    env.t.core.services.oa.setHttpSource({ url: `${base}/hr`, writeUrl: `${base}/hr/changes` }, 'HR-TOKEN');
    await syncedOnce();
    await env.t.call('sync.config.set', { corpId: env.corpId, key: 'sync.toOA', value: 'true' });

    // Someone changes the position in WeCom: the next pull sends it to OA.
    env.sim.state.putUser({ ...env.sim.state.user('zhangsan')!, position: '架构师' });
    const pulled = await env.t.core.services.sync.pull(env.corpId, ctx());
    expect(pulled.toOA).toEqual({ changes: 1, workbook: null, endpoint: `${base}/hr/changes` });
    expect(received).toHaveLength(1);
    expect(received[0].auth).toBe('Bearer HR-TOKEN');
    expect(received[0].body).toMatchObject({ corpId: env.corpId, changes: [{ kind: 'userChanged', wecomId: 'zhangsan', field: 'position', after: '架构师' }] });

    // A console edit (F4.15) goes the same way.
    const e = env.t.core.services.edits.plan(env.corpId, { kind: 'updateUser', userid: 'zhangsan', name: '张三丰' });
    expect((await env.t.core.services.edits.apply(env.corpId, { id: e.id }, ctx())).toOA).toMatchObject({ changes: 1, endpoint: `${base}/hr/changes` });
    expect(received[1].body.changes[0]).toMatchObject({ field: 'name', after: '张三丰' });

    // The endpoint refuses: the change is kept in a workbook and the error says why.
    writeStatus = 503;
    env.sim.state.putUser({ ...env.sim.state.user('zhangsan')!, position: '总监' });
    const failed = await env.t.core.services.sync.pull(env.corpId, ctx());
    expect(failed.toOA).toMatchObject({ changes: 1, error: expect.stringContaining('503') });
    expect(existsSync(failed.toOA!.workbook!)).toBe(true);
  });
});
