// F4.15 edits in 【通讯录管理】 end to end: the real core over SQLite, the real client over loopback HTTP, the
// simulator's demo enterprise. Each edit is previewed as a one-operation plan and applied through F4.12.
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { In } from '../../main/api/contract';
import type { SimulatorHandle } from '../../main/simulator';
import { userStatus } from '../../main/simulator/user-ops';
import type { TestCore } from '../helpers/core';
import { openSimCorp, type SimCorp } from '../helpers/sim-corp';

let env: SimCorp;
let sim: SimulatorHandle;
let t: TestCore;
let corpId: string;

const ctx = () => ({ signal: new AbortController().signal, progress: () => undefined });
const edits = () => t.core.services.edits;
const preview = (edit: In<'contacts.editPlan'>['edit']) => t.call('contacts.editPlan', { corpId, edit });
async function apiError(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return (e as { api: { code: string; message: string; details?: unknown } }).api;
  }
  throw new Error('expected a refusal');
}
async function job(jobId: string) {
  for (;;) {
    const j = await t.call('jobs.get', { jobId });
    if (j.status !== 'running') return j;
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeEach(async () => {
  env = await openSimCorp('demo');
  ({ sim, t, corpId } = env);
  await t.core.services.sync.pull(corpId, ctx());
});
afterEach(() => env.close());

describe('contacts edits (F4.15) against the simulator', () => {
  it('creates a department and a member in it through the API job; WeCom, the mirror and the history agree', async () => {
    const dept = await preview({ kind: 'createDept', name: '人工智能组', parentId: 11 });
    expect(dept).toMatchObject({ destructive: 0, changes: [{ field: 'name', to: '人工智能组' }, { field: 'parent', to: '研发中心' }] });
    const j = await job((await t.call('contacts.editApply', { corpId, id: dept.id })).jobId);
    expect(j).toMatchObject({ status: 'succeeded', result: { status: 'succeeded', failure: null } });
    const created = [...sim.state.departments.values()].find((d) => d.name === '人工智能组')!;
    expect(created.parentid).toBe(11);
    expect(t.core.services.mirror.getDept(corpId, created.id)).toMatchObject({ name: '人工智能组', parentId: 11 });

    const user = await preview({ kind: 'createUser', userid: 'ai.lead', name: '林一', department: [created.id], mainDepartment: created.id, mobile: '15900000001', position: '组长' });
    const r = await edits().apply(corpId, { id: user.id }, ctx());
    expect(r).toMatchObject({ status: 'succeeded', target: { type: 'user', id: 'ai.lead' } });
    expect(sim.state.user('ai.lead')).toMatchObject({ name: '林一', department: [created.id], position: '组长' });
    expect(t.core.services.mirror.getUser(corpId, 'ai.lead')).toMatchObject({ name: '林一' });
    const history = await t.call('history.list', { corpId });
    expect(history.filter((h) => h.kind === 'edit').map((h) => h.status)).toEqual(['succeeded', 'succeeded']);
    // Applying the same preview again answers its recorded result and sends nothing.
    expect(await edits().apply(corpId, { id: user.id }, ctx())).toMatchObject({ run: r.run, status: 'succeeded' });
  });

  it('a delete needs the typed count; then the member is gone from WeCom and unbound', async () => {
    const someone = [...sim.state.users.values()].find((u) => !u.creator && u.department.length === 1)!;
    t.core.services.mirror.bind(corpId, someone.userid, 'OA-1', 'manual', '2026-11-01T00:00:00.000Z');
    const p = await preview({ kind: 'deleteUser', userid: someone.userid });
    expect(p).toMatchObject({ destructive: 1, notes: ['deleteLosesData'], op: { oaUserId: 'OA-1' } });
    const refused = await job((await t.call('contacts.editApply', { corpId, id: p.id })).jobId);
    expect(refused).toMatchObject({ status: 'failed', error: { code: 'confirm_required', details: { limit: 1 } } });
    expect(sim.state.user(someone.userid)).toBeTruthy();
    expect(await edits().apply(corpId, { id: p.id, confirm: 1 }, ctx())).toMatchObject({ status: 'succeeded' });
    expect(sim.state.user(someone.userid)).toBeUndefined();
    expect(t.core.services.mirror.bindingByWx(corpId, someone.userid)).toBeNull();
  });

  it('disable then enable: WeCom status, the disable time on the card, and its clearing', async () => {
    const someone = [...sim.state.users.values()].find((u) => !u.creator && userStatus(u) === 1)!;
    t.core.services.mirror.bind(corpId, someone.userid, 'OA-2', 'manual', '2026-11-01T00:00:00.000Z');
    const off = await preview({ kind: 'disableUser', userid: someone.userid });
    await edits().apply(corpId, { id: off.id, confirm: 1 }, ctx());
    expect(sim.state.user(someone.userid)!.enable).toBe(0);
    expect(t.core.services.mirror.bindingByWx(corpId, someone.userid)!.disabledAt).not.toBeNull();
    const on = await preview({ kind: 'enableUser', userid: someone.userid });
    expect(on.destructive).toBe(0);
    await edits().apply(corpId, { id: on.id }, ctx());
    expect(sim.state.user(someone.userid)!.enable).toBe(1);
    expect(t.core.services.mirror.bindingByWx(corpId, someone.userid)!.disabledAt).toBeNull();
  });

  it('an edit planned before someone changed the record in WeCom is refused as stale, and the mirror learns the change', async () => {
    const p = await preview({ kind: 'renameDept', id: 22, name: '质量保障组' });
    sim.state.putDept({ ...sim.state.dept(22)!, name: '测试二组' });
    await expect(edits().apply(corpId, { id: p.id }, ctx())).rejects.toMatchObject({ code: 'stale_plan' });
    expect(sim.state.dept(22)!.name).toBe('测试二组');
    expect(t.core.services.mirror.getDept(corpId, 22)!.name).toBe('测试二组');
  });

  it('WeCom’s refusal is reported with its errcode and explanation (deleting the creator, 301005)', async () => {
    const creator = [...sim.state.users.values()].find((u) => u.creator)!;
    const p = await preview({ kind: 'deleteUser', userid: creator.userid });
    const r = await edits().apply(corpId, { id: p.id, confirm: 1 }, ctx());
    expect(r.status).toBe('failed');
    expect(r.failure).toMatchObject({ op: 'deleteUser', target: creator.userid, errcode: 301005 });
    expect(r.failure!.message.length).toBeGreaterThan(4);
    expect(sim.state.user(creator.userid)).toBeTruthy();
    expect(t.core.services.mirror.getUser(corpId, creator.userid)).toBeTruthy();
  });

  it('a bad edit is refused with every reason and changes nothing; 【只读】 refuses edits', async () => {
    const e = await apiError(preview({ kind: 'createUser', userid: 'x', name: '某', department: [999], mainDepartment: 999 }));
    expect(e.code).toBe('invalid_edit');
    expect((e.details as { problems: { code: string }[] }).problems.map((p) => p.code)).toEqual(['contactRequired', 'deptMissing']);
    expect(sim.state.user('x')).toBeUndefined();

    await t.call('sync.config.set', { corpId, key: 'sync.mode', value: 'readonly' });
    expect(await apiError(preview({ kind: 'renameDept', id: 22, name: '质量保障组' }))).toMatchObject({ code: 'readonly' });
  });

  it('with 是否同步到OA on, an applied edit produces the OA change workbook', async () => {
    await t.call('sync.config.set', { corpId, key: 'sync.toOA', value: 'true' });
    const p = await preview({ kind: 'updateUser', userid: [...sim.state.users.values()][5].userid, position: '首席科学家' });
    const r = await edits().apply(corpId, { id: p.id }, ctx());
    expect(r.toOA).toMatchObject({ changes: 1 });
    expect(existsSync(r.toOA!.workbook!)).toBe(true);
  });
});
