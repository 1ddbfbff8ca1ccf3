// Runs the planner (and builds a plan's org-tree diff) for a corp: inline for directories small enough to plan
// in a blink, else in the planning worker (main/sync/plan-worker.ts) so that a 100k-member simulation does not
// freeze the window or the server.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MirrorRepo } from '../store/mirror-repo';
import type { OaRepo } from '../store/oa-repo';
import type { RunsRepo } from '../store/runs-repo';
import { buildDiffTree, type DiffTree } from './diff-tree';
import { plan } from './plan';
import { readPlanInput } from './plan-input';
import type { Plan } from './plan-types';
import type { SyncSettings } from './settings-schema';

export type WorkerTask = { kind: 'plan'; corpId: string; settings: SyncSettings; now: string } | { kind: 'diffTree'; corpId: string; hash: string };
export interface WorkerRequest {
  id: number;
  dbFile: string;
  task: WorkerTask;
}
export type WorkerResponse = { id: number; value: unknown } | { id: number; error: string };

/** Members on both sides from which planning moves to the worker (below, starting it costs more than it saves). */
export const WORKER_FROM = 20_000;

/** The built worker beside the bundle, or the TypeScript source loaded the way the CLI and tests load it. */
function workerScript(): { file: string; execArgv: string[] } {
  const built = join(__dirname, 'plan-worker.js');
  if (existsSync(built)) return { file: built, execArgv: [] };
  return { file: join(__dirname, 'plan-worker.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] };
}

export function createPlanRunner(opts: { dbFile: string; oa: OaRepo; mirror: MirrorRepo; runs: RunsRepo; workerFrom?: number }) {
  const workerFrom = opts.workerFrom ?? WORKER_FROM;
  let worker: Worker | null = null;
  let seq = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  const failAll = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
    worker = null;
  };
  const start = (): Worker => {
    if (worker) return worker;
    const { file, execArgv } = workerScript();
    const w = new Worker(file, { execArgv });
    w.on('message', (res: WorkerResponse) => {
      const p = pending.get(res.id);
      if (!p) return;
      pending.delete(res.id);
      if ('value' in res) p.resolve(res.value);
      else p.reject(new Error(res.error));
    });
    w.on('error', (e) => failAll(e));
    w.on('exit', (code) => {
      if (worker === w) failAll(new Error(`规划线程意外退出（${code}）`));
    });
    // An idle worker must not keep a CLI run or a test process alive.
    w.unref();
    worker = w;
    return w;
  };

  const inWorker = (task: WorkerTask): Promise<unknown> => {
    const w = start();
    const id = ++seq;
    return new Promise<unknown>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.ref();
      const req: WorkerRequest = { id, dbFile: opts.dbFile, task };
      w.postMessage(req);
    }).finally(() => {
      if (pending.size === 0) worker?.unref();
    });
  };

  return {
    /** Whether a plan for this corp runs in the worker (by the size of both sides). */
    usesWorker(corpId: string): boolean {
      return opts.mirror.counts(corpId).users + (opts.oa.lastImport()?.counts.users ?? 0) >= workerFrom;
    },

    plan(corpId: string, settings: SyncSettings, now: string): Promise<Plan> {
      if (!this.usesWorker(corpId)) return Promise.resolve(plan(readPlanInput(opts.oa, opts.mirror, corpId, settings, now)));
      return inWorker({ kind: 'plan', corpId, settings, now }) as Promise<Plan>;
    },

    /** The org-tree diff of a stored plan (F4.10); null when no plan has that hash. */
    diffTree(corpId: string, hash: string): Promise<DiffTree | null> {
      if (!this.usesWorker(corpId)) {
        const p = opts.runs.getPlan<Plan>(corpId, hash);
        return Promise.resolve(p ? buildDiffTree(p, opts.oa.load(), opts.mirror.load(corpId), opts.mirror.links(corpId)) : null);
      }
      return inWorker({ kind: 'diffTree', corpId, hash }) as Promise<DiffTree | null>;
    },

    async close(): Promise<void> {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}

export type PlanRunner = ReturnType<typeof createPlanRunner>;
