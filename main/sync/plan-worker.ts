// The planning worker (DESIGN: CPU-heavy steps run off the main thread with their own database connection).
// It reads the OA directory and the mirror through its own SQLite connection (WAL lets it read while the main
// thread writes) and answers with the plan. One worker serves one data directory and is kept between runs.
import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { createMirrorRepo } from '../store/mirror-repo';
import { createOaRepo } from '../store/oa-repo';
import { plan } from './plan';
import { readPlanInput } from './plan-input';
import type { PlanRequest, PlanResponse } from './plan-runner';

let open: { file: string; oa: ReturnType<typeof createOaRepo>; mirror: ReturnType<typeof createMirrorRepo> } | null = null;

function repos(file: string) {
  if (open?.file !== file) {
    // No migrations here: the main thread owns the schema; this connection only reads.
    const db = new Database(file, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    open = { file, oa: createOaRepo(db), mirror: createMirrorRepo(db) };
  }
  return open;
}

parentPort?.on('message', (req: PlanRequest) => {
  let res: PlanResponse;
  try {
    const r = repos(req.dbFile);
    res = { id: req.id, plan: plan(readPlanInput(r.oa, r.mirror, req.corpId, req.settings, req.now)) };
  } catch (e) {
    res = { id: req.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(res);
});
