// A real core with one corp on a running simulator (through its API base URL, as a private deployment), and
// the OA directory imported from rows in the workbook layout of CLI.md.
import { writeWorkbook } from '../../main/org/workbook-io';
import { startSimulator, type SimulatorHandle } from '../../main/simulator';
import { openTestCore, type TestCore } from './core';

export interface SimCorp {
  sim: SimulatorHandle;
  t: TestCore;
  corpId: string;
  close(): Promise<void>;
}

export async function openSimCorp(seed: 'empty' | 'demo' = 'empty'): Promise<SimCorp> {
  const sim = await startSimulator({ port: 0, seed });
  const t = await openTestCore();
  const corpId = (await t.call('corps.create', { name: '模拟企业', corpid: sim.corpid, kind: 'private', apiBase: sim.url, contactSecret: sim.contactSecret })).id;
  return {
    sim,
    t,
    corpId,
    async close() {
      await t.close();
      await sim.close();
    },
  };
}

/** 部门 rows: 部门编号, 部门名称, 上级部门编号[, 排序]; 人员 rows: 工号, 登录名, 姓名, 手机, 主部门编号, 状态. */
export function importOaRows(t: TestCore, depts: string[][], users: string[][]): void {
  const file = writeWorkbook([
    { name: '部门', rows: [['部门编号', '部门名称', '上级部门编号', '排序'], ...depts] },
    { name: '人员', rows: [['工号', '登录名', '姓名', '手机', '主部门编号', '状态'], ...users] },
  ]);
  const r = t.core.services.oa.import([{ name: 'oa.xlsx', data: file }], { dryRun: false });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
}
