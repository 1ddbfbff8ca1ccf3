// A push refused by a safety rule: the job's error carries the holds with their values, so the window can
// explain them in its own language (test/unit/renderer/refusal-text.test.tsx), not only in the core's Chinese.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeWorkbook } from '../../main/org/workbook-io';
import { startSimulator, type SimulatorHandle } from '../../main/simulator';
import { openTestCore, type TestCore } from '../helpers/core';

let sim: SimulatorHandle;
let t: TestCore;
let corpId: string;
const ctx = () => ({ signal: new AbortController().signal, progress: () => undefined });

function importOa(status: string) {
  const root = sim.state.dept(1)!.name;
  const file = writeWorkbook([
    { name: '部门', rows: [['部门编号', '部门名称', '上级部门编号', '排序'], ['1', root, ''], ['2', '研发中心', '1']] },
    { name: '人员', rows: [['工号', '登录名', '姓名', '手机', '主部门编号', '状态'], ['E1', 'zhangsan', '张三', '13800000001', '2', status], ['E2', 'lisi', '李四', '13800000002', '2', '在职']] },
  ]);
  const r = t.core.services.oa.import([{ name: 'oa.xlsx', data: file }], { dryRun: false });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
}

beforeEach(async () => {
  sim = await startSimulator({ port: 0, seed: 'empty' });
  t = await openTestCore();
  corpId = (await t.call('corps.create', { name: '模拟企业', corpid: sim.corpid, kind: 'private', apiBase: sim.url, contactSecret: sim.contactSecret })).id;
});
afterEach(async () => {
  await t.close();
  await sim.close();
});

it('a held push job carries its holds (rule, limit, actual, params) and WeCom is untouched', async () => {
  importOa('在职');
  await t.core.services.sync.pull(corpId, ctx());
  const first = await t.core.services.sync.simulate(corpId);
  await t.core.services.push.push(corpId, { hash: first.summary.hash }, ctx());
  importOa('离职');
  await t.call('sync.config.set', { corpId, key: 'safety.maxDisables', value: '0' });
  const held = await t.core.services.sync.simulate(corpId);
  expect(held.summary.safety.held.map((h) => h.rule)).toEqual(['maxDisables']);

  const { jobId } = await t.call('sync.push', { corpId, hash: held.summary.hash, confirm: 1 });
  const job = await t.core.services.jobs.wait(jobId);
  expect(job?.error).toMatchObject({ code: 'held', details: { held: [{ rule: 'maxDisables', limit: 0, actual: 1 }] } });

  const hold = (job!.error!.details as { held: { params?: Record<string, unknown> }[] }).held[0];
  expect(hold.params).toBeTruthy();
  expect(sim.state.user('zhangsan')!.enable).not.toBe(0);
});
