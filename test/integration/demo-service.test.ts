// 体验演示企业 through the real core: on creation it gets an honest earlier sync (links and bindings, no WeCom
// write), so the admin's first simulation draws every department status of the org-tree diff.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_OA_DELETED, DEMO_OA_OUT_OF_SCOPE } from '../../main/simulator/seed/demo-oa';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
const ctx = () => ({ signal: new AbortController().signal, progress: () => undefined });
const present = (counts: Record<string, number>) => Object.keys(counts).filter((k) => counts[k] > 0).sort();

beforeEach(async () => {
  t = await openTestCore();
});
afterEach(async () => {
  await t.close();
});

describe('demo enterprise', () => {
  it("starts with the demo's earlier sync in the history, and today's OA imported", async () => {
    const { corpId, created } = await t.call('demo.start', {});
    expect(created).toBe(true);
    const history = await t.call('history.list', { corpId });
    // Newest first: pull → simulate → push (which pulls first), all by the demo.
    expect(history.map((h) => [h.kind, h.status, h.actor]).reverse()).toEqual([
      ['pull', 'succeeded', 'demo'],
      ['simulate', 'succeeded', 'demo'],
      ['pull', 'succeeded', 'demo'],
      ['push', 'succeeded', 'demo'],
    ]);
    const push = history[0];
    expect(t.core.services.runs.entries(push.id).every((e) => e.op.kind === 'bind' || e.op.kind === 'linkDept')).toBe(true);
    const state = await t.call('sync.state', { corpId });
    expect(state.bound).toBe(state.users);
    expect(t.core.services.mirror.links(corpId)).toHaveLength(state.departments);
    expect((await t.call('oa.summary', {})).lastImport).toMatchObject({ actor: 'demo', source: 'demo-oa.xlsx' });
    expect(t.core.services.oa.directory().departments.some((d) => d.id === DEMO_OA_OUT_OF_SCOPE.id)).toBe(true);
  });

  it('shows on the first simulation a department of each status and each kind of user change, with no hold', async () => {
    const { corpId } = await t.call('demo.start', {});
    await t.core.services.sync.pull(corpId, ctx());
    const sim = await t.call('sync.simulate', { corpId });
    expect(sim.stop).toBeNull();
    expect(sim.summary.safety).toEqual({ ok: true, held: [] });
    expect(sim.summary.conflictsTotal).toBe(0);
    const tree = await t.call('sync.diffTree', { corpId, hash: sim.summary.hash });
    expect(present(tree.deptCounts)).toEqual(['deleted', 'matched', 'moved', 'new', 'outOfScope', 'updated']);
    expect(present(tree.userCounts)).toEqual(['disabled', 'moved', 'new', 'updated']);
    expect(sim.summary.counts).toMatchObject({ createDept: 1, renameDept: 1, moveDept: 1, deleteDept: 1, createUser: 15, disableUser: 5 });

    // And it applies cleanly: the department is gone from WeCom, its people are in 产品设计组.
    const pushed = await t.core.services.push.push(corpId, { hash: sim.summary.hash, confirm: sim.summary.destructive }, ctx());
    expect(pushed).toMatchObject({ status: 'succeeded', failed: [] });
    const mirror = t.core.services.mirror.load(corpId);
    expect(mirror.departments.some((d) => d.id === DEMO_OA_DELETED.wecomId)).toBe(false);
    expect(mirror.departments.find((d) => d.id === 22)?.name).toBe('质量保障组');
    expect((await t.call('sync.simulate', { corpId })).summary.changes).toBe(0);
  });

  it('does not redo the earlier sync when it resumes', async () => {
    const { corpId } = await t.call('demo.start', {});
    const before = await t.call('history.list', { corpId });
    const imported = (await t.call('oa.summary', {})).lastImport;
    await t.core.services.demo.stop();
    await t.core.services.demo.resume();
    expect(t.core.services.demo.status()).toMatchObject({ running: true, corpId });
    expect(await t.call('history.list', { corpId })).toEqual(before);
    expect((await t.call('oa.summary', {})).lastImport).toEqual(imported);
  });
});
