// Planning in the worker thread (large directories): the same plan as on the main thread, through its own
// SQLite connection, and the main thread stays free while it runs.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { keyPath } from '../../main/core/data-dir';
import { createCore, type Core } from '../../main/core/create-core';
import { headlessSecretBox } from '../../main/core/secret-box';
import { tempDir } from '../helpers/tmp';

let dir: ReturnType<typeof tempDir>;
const ctx = () => ({ signal: new AbortController().signal, progress: () => undefined });
const open = (planInWorkerFrom: number) => createCore({ dataDir: dir.path, secretBox: headlessSecretBox(keyPath(dir.path)), shell: 'headless', planInWorkerFrom });

// The demo enterprise (its own simulator, kept in the data dir) gives both runs the same WeCom.
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

it('the worker plans and draws the diff exactly as the main thread does, and the event loop keeps turning meanwhile', async () => {
  // Inline (the threshold is never reached): the reference plan.
  let core: Core = await open(Number.MAX_SAFE_INTEGER);
  const { corpId } = await core.services.demo.start();
  await core.services.sync.pull(corpId, ctx());
  const inline = await core.services.sync.simulate(corpId);
  expect(inline.summary.changes).toBeGreaterThan(0);
  const inlineTree = await core.services.sync.diffTree(corpId, inline.summary.hash);
  await core.close();

  // Same data directory, every plan in the worker.
  core = await open(0);
  await core.services.demo.start();
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  const inWorker = await core.services.sync.simulate(corpId);
  clearInterval(timer);
  expect(inWorker.summary.hash).toBe(inline.summary.hash);
  expect(inWorker.deptStatus).toEqual(inline.deptStatus);
  expect(ticks).toBeGreaterThan(0);
  // The org-tree diff is built in the worker too, from the stored plan.
  expect(await core.services.sync.diffTree(corpId, inWorker.summary.hash)).toEqual(inlineTree);
  await expect(core.services.sync.diffTree(corpId, 'nope')).rejects.toMatchObject({ code: 'stale_plan' });
  // The push re-plans in the worker too, and applies the approved plan.
  const r = await core.services.push.push(corpId, { hash: inWorker.summary.hash, confirm: inWorker.summary.destructive }, ctx());
  expect(r.status).toBe('succeeded');
  expect((await core.services.sync.simulate(corpId)).summary.changes).toBe(0);
  await core.close();
}, 60_000);
