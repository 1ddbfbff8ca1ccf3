// A push refused by a safety rule: the job's error carries the holds with their values, so the window can
// explain them in its own language (test/unit/renderer/refusal-text.test.tsx), not only in the core's Chinese.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SimulatorHandle } from '../../main/simulator';
import type { TestCore } from '../helpers/core';
import { importOaRows, openSimCorp, type SimCorp } from '../helpers/sim-corp';

let env: SimCorp;
let sim: SimulatorHandle;
let t: TestCore;
let corpId: string;
const ctx = () => ({ signal: new AbortController().signal, progress: () => undefined });

function importOa(status: string) {
  const root = sim.state.dept(1)!.name;
  importOaRows(t, [['1', root, ''], ['2', '研发中心', '1']], [['E1', 'zhangsan', '张三', '13800000001', '2', status], ['E2', 'lisi', '李四', '13800000002', '2', '在职']]);
}

beforeEach(async () => {
  env = await openSimCorp();
  ({ sim, t, corpId } = env);
});
afterEach(() => env.close());

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
