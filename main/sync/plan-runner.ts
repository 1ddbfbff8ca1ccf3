// Runs the planner for a corp: inline for directories small enough to plan in a blink, else in the planning
// worker (main/sync/plan-worker.ts) so that a 100k-member simulation does not freeze the window or the server.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MirrorRepo } from '../store/mirror-repo';
import type { OaRepo } from '../store/oa-repo';
import { plan } from './plan';
import { readPlanInput } from './plan-input';
import type { Plan } from './plan-types';
import type { SyncSettings } from './settings-schema';

export interface PlanRequest {
  id: number;
  dbFile: string;
  corpId: string;
  settings: SyncSettings;
  now: string;
}
export type PlanResponse = { id: number; plan: Plan } | { id: number; error: string };

/** Members on both sides from which planning moves to the worker (below, starting it costs more than it saves). */
export const WORKER_FROM = 20_000;

/** The built worker beside the bundle, or the TypeScript source loaded the way the CLI and tests load it. */
function workerScript(): { file: string; execArgv: string[] } {
  const built = join(__dirname, 'plan-worker.js');
  if (existsSync(built)) return { file: built, execArgv: [] };
  return { file: join(__dirname, 'plan-worker.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] };
}

export function createPlanRunner(opts: { dbFile: string; oa: OaRepo; mirror: MirrorRepo; workerFrom?: number }) {
  const workerFrom = opts.workerFrom ?? WORKER_FROM;
  let worker: Worker | null = null;
  let seq = 0;
  const pending = new Map<number, { resolve(p: Plan): void; reject(e: Error): void }>();

  const failAll = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
    worker = null;
  };
  const start = (): Worker => {
    if (worker) return worker;
    const { file, execArgv } = workerScript();
    const w = new Worker(file, { execArgv });
    w.on('message', (res: PlanResponse) => {
      const p = pending.get(res.id);
      if (!p) return;
      pending.delete(res.id);
      if ('plan' in res) p.resolve(res.plan);
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

  return {
    /** Whether a plan for this corp runs in the worker (by the size of both sides). */
    usesWorker(corpId: string): boolean {
      return opts.mirror.counts(corpId).users + (opts.oa.lastImport()?.counts.users ?? 0) >= workerFrom;
    },

    plan(corpId: string, settings: SyncSettings, now: string): Promise<Plan> {
      if (!this.usesWorker(corpId)) return Promise.resolve(plan(readPlanInput(opts.oa, opts.mirror, corpId, settings, now)));
      const w = start();
      const id = ++seq;
      return new Promise<Plan>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.ref();
        const req: PlanRequest = { id, dbFile: opts.dbFile, corpId, settings, now };
        w.postMessage(req);
      }).finally(() => {
        if (pending.size === 0) worker?.unref();
      });
    },

    async close(): Promise<void> {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}

export type PlanRunner = ReturnType<typeof createPlanRunner>;
