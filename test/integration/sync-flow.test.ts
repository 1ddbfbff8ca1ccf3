// Contacts sync end to end: the real core over SQLite, the real client over loopback HTTP, the simulator.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../main/simulator';
import type { TestCore } from '../helpers/core';
import { importOaRows, openSimCorp, type SimCorp } from '../helpers/sim-corp';

let env: SimCorp;
let sim: SimulatorHandle;
let t: TestCore;
let corpId: string;
let root: string;

const ctx = () => ({ signal: new AbortController().signal, progress: () => undefined });
const importOa = (depts: string[][], users: string[][]) => importOaRows(t, depts, users);

beforeEach(async () => {
  env = await openSimCorp();
  ({ sim, t, corpId } = env);
  root = sim.state.dept(1)!.name;
});
afterEach(() => env.close());

const services = () => t.core.services;

describe('contacts sync against the simulator', () => {
  it('pull → simulate → push creates the OA tree and people in WeCom, bound; a second simulate has nothing to do', async () => {
    importOa(
      [['1', root, ''], ['2', '研发中心', '1'], ['3', '前端组', '2']],
      [['E1', 'zhangsan', '张三', '13800000001', '3', '在职'], ['E2', 'lisi', '李四', '13800000002', '2', '在职']],
    );
    const pulled = await services().sync.pull(corpId, ctx());
    expect(pulled).toMatchObject({ complete: true, departments: 1 });
    const p = await services().sync.simulate(corpId);
    expect(p.stop).toBeNull();
    expect(p.summary.counts).toMatchObject({ createDept: 2, createUser: 2, deleteUser: 0 });
    const r = await services().push.push(corpId, { hash: p.summary.hash }, ctx());
    expect(r).toMatchObject({ status: 'succeeded', done: p.ops.length, failed: [] });
    const zs = sim.state.user('zhangsan')!;
    expect(zs.name).toBe('张三');
    expect(sim.state.dept(zs.department[0])!.name).toBe('前端组');
    expect(services().mirror.bindings(corpId).map((b) => [b.wxUserid, b.oaUserId, b.source])).toEqual([
      ['lisi', 'E2', 'push'],
      ['zhangsan', 'E1', 'push'],
    ]);
    const again = await services().sync.simulate(corpId);
    expect(again.summary.changes).toBe(0);
    // Rerunning the same push answers its recorded result and writes nothing.
    expect(await services().push.push(corpId, { hash: p.summary.hash }, ctx())).toMatchObject({ status: 'succeeded' });
  });

  it('renames and moves follow identity; departures need the typed count; a stale plan is refused', async () => {
    importOa([['1', root, ''], ['2', '研发中心', '1'], ['3', '前端组', '2'], ['4', '市场部', '1']], [['E1', 'zhangsan', '张三', '13800000001', '3', '在职'], ['E2', 'lisi', '李四', '13800000002', '2', '在职']]);
    await services().sync.pull(corpId, ctx());
    const first = await services().sync.simulate(corpId);
    await services().push.push(corpId, { hash: first.summary.hash }, ctx());
    const frontId = sim.state.user('zhangsan')!.department[0];

    importOa([['1', root, ''], ['2', '研发部', '1'], ['3', '前端组', '4'], ['4', '市场部', '1']], [['E1', 'zhangsan', '张三', '13800000001', '4', '在职'], ['E2', 'lisi', '李四', '13800000002', '2', '离职']]);
    const p = await services().sync.simulate(corpId);
    expect(p.summary.counts).toMatchObject({ renameDept: 1, moveDept: 1, moveUser: 1, disableUser: 1, createDept: 0, deleteDept: 0, createUser: 0 });
    expect(p.summary.destructive).toBe(1);
    await expect(services().push.push(corpId, { hash: p.summary.hash }, ctx())).rejects.toMatchObject({ code: 'confirm_required' });

    // Someone edits WeCom between the simulation and the push: the approved plan no longer holds.
    sim.state.putUser({ ...sim.state.user('lisi')!, position: '经理' });
    const stale = await services().sync.simulate(corpId);
    sim.state.putDept({ ...sim.state.dept(frontId)!, name: '前端小组' });
    await expect(services().push.push(corpId, { hash: stale.summary.hash, confirm: 1 }, ctx())).rejects.toMatchObject({ code: 'stale_plan' });

    const fresh = await services().sync.simulate(corpId);
    // One of two people is 50 % of the directory: above the default 20 % cap, so this plan is approved explicitly.
    expect(fresh.summary.safety.held[0]).toMatchObject({ rule: 'maxDisables', setting: 'safety.maxDisablesPct' });
    const r = await services().push.push(corpId, { hash: fresh.summary.hash, confirm: fresh.summary.destructive, approveHeld: true }, ctx());
    expect(r.status).toBe('succeeded');
    expect(sim.state.dept(frontId)!.name).toBe('前端组'); // same department id, renamed back and moved
    expect(sim.state.user('lisi')!.enable).toBe(0);
    expect(services().mirror.bindingByWx(corpId, 'lisi')!.disabledAt).not.toBeNull();
  });

  it('the root-name rule stops the run, naming both roots', async () => {
    importOa([['1', 'Another Root', '']], []);
    await services().sync.pull(corpId, ctx());
    const p = await services().sync.simulate(corpId);
    expect(p.stop).toMatchObject({ code: 'root_mismatch', oaRoot: 'Another Root', wecomRoot: root });
  });

  it('a held plan is refused until this plan is approved', async () => {
    const users = Array.from({ length: 10 }, (_, i) => [`E${i}`, `u${i}`, `员工${i}`, `1380000000${i}`, '2', '在职']);
    importOa([['1', root, ''], ['2', '研发中心', '1']], users);
    await services().sync.pull(corpId, ctx());
    await services().push.push(corpId, { hash: (await services().sync.simulate(corpId)).summary.hash }, ctx());
    importOa([['1', root, ''], ['2', '研发中心', '1']], users.map((u, i) => (i < 5 ? [...u.slice(0, 5), '离职'] : u)));
    const held = await services().sync.simulate(corpId);
    expect(held.summary.safety.held[0]).toMatchObject({ rule: 'maxDisables', part: 'run' });
    await expect(services().push.push(corpId, { hash: held.summary.hash, confirm: 5 }, ctx())).rejects.toMatchObject({ code: 'held' });
    const ok = await services().push.push(corpId, { hash: held.summary.hash, confirm: 5, approveHeld: true }, ctx());
    expect(ok.status).toBe('succeeded');
    expect(sim.state.usersSorted().filter((u) => u.enable === 0)).toHaveLength(5);
  });
});

describe('pull: partial reads and scope', () => {
  it('a pull that fails keeps the previous mirror, and the next plan holds no removals', async () => {
    importOa([['1', root, ''], ['2', '研发中心', '1']], [['E1', 'zhangsan', '张三', '13800000001', '2', '在职'], ['E2', 'lisi', '李四', '13800000002', '2', '在职']]);
    await services().sync.pull(corpId, ctx());
    await services().push.push(corpId, { hash: (await services().sync.simulate(corpId)).summary.hash }, ctx());
    const before = services().mirror.counts(corpId);
    // WeCom stops answering this machine (60020: IP not trusted) and lisi leaves in OA.
    sim.state.settings.ipAllowList = ['10.9.9.9'];
    importOa([['1', root, ''], ['2', '研发中心', '1']], [['E1', 'zhangsan', '张三', '13800000001', '2', '在职'], ['E2', 'lisi', '李四', '13800000002', '2', '离职']]);
    const r = await services().sync.pull(corpId, ctx());
    expect(r).toMatchObject({ complete: false, error: expect.stringContaining('60020') });
    expect(services().mirror.counts(corpId)).toEqual(before);
    const p = await services().sync.simulate(corpId);
    expect(p.summary.counts.disableUser).toBe(0);
    expect(p.summary.removalsWithheld).toBe(true);
    // Trusted again: the complete pull lets the departure through.
    sim.state.settings.ipAllowList = null;
    await services().sync.pull(corpId, ctx());
    expect((await services().sync.simulate(corpId)).summary.counts.disableUser).toBe(1);
  });

  it('an app whose visible scope holds only users is detected and explained', async () => {
    const demo = await startSimulator({ port: 0, seed: 'demo' });
    try {
      await t.call('corps.update', { corpId, corpid: demo.corpid, apiBase: demo.url, contactSecret: demo.contactSecret });
      const apps = [];
      for (const a of demo.apps) apps.push(await t.call('apps.create', { corpId, name: a.name, agentid: a.agentid, secret: a.secret }));
      // Find the app whose visible scope has people but no department.
      const usersOnly = apps.find((a) => {
        const sa = demo.state.app(a.agentid)!;
        return sa.allow_partys.length === 0 && sa.allow_users.length > 0;
      })!;
      t.core.services.syncSettings.set(corpId, 'sync.mode', 'readonly');
      t.core.services.syncSettings.set(corpId, 'sync.scopeApp', usersOnly.id);
      await expect(services().sync.pull(corpId, ctx())).rejects.toMatchObject({ code: 'scope_users_only', message: expect.stringContaining('不能只单独选择用户') });
    } finally {
      await demo.close();
    }
  });

  it('read-only mode pulls but refuses to push', async () => {
    importOa([['1', root, '']], []);
    t.core.services.syncSettings.set(corpId, 'sync.mode', 'readonly');
    await expect(services().sync.pull(corpId, ctx())).rejects.toMatchObject({ message: expect.stringContaining('请先配置接口参数设置') });
    await expect(services().push.push(corpId, { hash: 'x' }, ctx())).rejects.toMatchObject({ code: 'readonly' });
  });
});

describe('schedules (F4.2, F4.8)', () => {
  it('shows the next three runs, pushes unattended within the limits, and records holds instead of applying them', async () => {
    const users = Array.from({ length: 10 }, (_, i) => [`E${i}`, `u${i}`, `员工${i}`, `1380000000${i}`, '2', '在职']);
    importOa([['1', root, ''], ['2', '研发中心', '1']], users);
    t.core.services.syncSettings.set(corpId, 'schedule.push', '0 3 * * *');
    expect(t.core.services.scheduler.view(corpId)).toEqual([
      { kind: 'pull', cron: null, next: [] },
      { kind: 'push', cron: '0 3 * * *', next: [expect.any(String), expect.any(String), expect.any(String)] },
    ]);
    expect(() => t.core.services.syncSettings.set(corpId, 'schedule.pull', 'every day')).toThrow(/定时规则/);

    const run = async () => {
      t.core.services.scheduler.fire(corpId, 'push');
      const job = t.core.services.jobs.list(corpId).find((j) => j.kind === 'push')!;
      return t.core.services.jobs.wait(job.id);
    };
    expect((await run())?.result).toMatchObject({ status: 'succeeded', failed: [] });
    expect(sim.state.usersSorted()).toHaveLength(10);

    // Half the company leaves: above the 20 % cap, so the unattended push applies nothing and says why.
    importOa([['1', root, ''], ['2', '研发中心', '1']], users.map((u, i) => (i < 5 ? [...u.slice(0, 5), '离职'] : u)));
    expect((await run())?.result).toMatchObject({ status: 'held', held: [expect.objectContaining({ rule: 'maxDisables' })] });
    expect(sim.state.usersSorted().filter((u) => u.enable === 0)).toHaveLength(0);
    expect(services().runs.history(corpId, 5).some((r) => r.kind === 'simulate' && r.status === 'held' && r.actor === 'schedule')).toBe(true);
  });
});

describe('是否同步到OA (F4.3)', () => {
  it('writes the WeCom-side changes of a pull as a change workbook for the OA admin', async () => {
    const { readWorkbook, sheetRows } = await import('../../main/org/workbook-io');
    const { readFileSync } = await import('node:fs');
    importOa([['1', root, ''], ['2', '研发中心', '1']], [['E1', 'zhangsan', '张三', '13800000001', '2', '在职']]);
    await services().sync.pull(corpId, ctx());
    await services().push.push(corpId, { hash: (await services().sync.simulate(corpId)).summary.hash }, ctx());
    t.core.services.syncSettings.set(corpId, 'sync.toOA', 'true');
    expect((await services().sync.pull(corpId, ctx())).toOA).toEqual({ changes: 0, workbook: null });
    sim.state.putUser({ ...sim.state.user('zhangsan')!, position: '架构师' });
    const r = await services().sync.pull(corpId, ctx());
    expect(r.toOA?.changes).toBe(1);
    const rows = sheetRows(readWorkbook(readFileSync(r.toOA!.workbook!), 'x.xlsx').Sheets['企业微信变更']);
    expect(rows[1]).toEqual(['成员变更', 'zhangsan', 'E1', '张三', 'position', '', '架构师']);
  });
});

describe('large initial sync (F4.12)', () => {
  it('creates 1,200 people through one async batch import job, each journalled and bound', async () => {
    const users = Array.from({ length: 1200 }, (_, i) => [`E${i}`, `member${i}`, `成员${i}`, `137${String(i).padStart(8, '0')}`, String(2 + (i % 3)), '在职']);
    importOa([['1', root, ''], ['2', '一部', '1'], ['3', '二部', '1'], ['4', '三部', '1']], users);
    await services().sync.pull(corpId, ctx());
    const p = await services().sync.simulate(corpId);
    expect(p.summary.counts.createUser).toBe(1200);
    const phases = new Set<string>();
    const r = await services().push.push(corpId, { hash: p.summary.hash }, { signal: new AbortController().signal, progress: (phase) => phases.add(phase) });
    expect(r).toMatchObject({ status: 'succeeded', failed: [] });
    expect(phases.has('batch')).toBe(true);
    expect(sim.state.usersSorted()).toHaveLength(1200);
    expect(sim.state.user('member7')).toMatchObject({ name: '成员7', mobile: '13700000007' });
    expect(services().mirror.bindings(corpId)).toHaveLength(1200);
    expect((await services().sync.simulate(corpId)).summary.changes).toBe(0);
  });
});
