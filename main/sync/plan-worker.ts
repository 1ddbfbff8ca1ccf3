// The planning worker (DESIGN: CPU-heavy steps run off the main thread with their own database connection).
// It reads the OA directory, the mirror and stored plans through its own SQLite connection (WAL lets it read
// while the main thread writes) and answers with a plan or a plan's org-tree diff. One worker serves one data
// directory and is kept between runs.
import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { createMirrorRepo } from '../store/mirror-repo';
import { createOaRepo } from '../store/oa-repo';
import { createRunsRepo } from '../store/runs-repo';
import { buildDiffTree } from './diff-tree';
import { plan } from './plan';
import { readPlanInput } from './plan-input';
import type { WorkerRequest, WorkerResponse } from './plan-runner';
import type { Plan } from './plan-types';

type Repos = { file: string; oa: ReturnType<typeof createOaRepo>; mirror: ReturnType<typeof createMirrorRepo>; runs: ReturnType<typeof createRunsRepo> };
let open: Repos | null = null;

function repos(file: string): Repos {
  if (open?.file !== file) {
    // No migrations here: the main thread owns the schema; this connection only reads.
    const db = new Database(file, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    open = { file, oa: createOaRepo(db), mirror: createMirrorRepo(db), runs: createRunsRepo(db) };
  }
  return open;
}

function run(req: WorkerRequest): unknown {
  const r = repos(req.dbFile);
  const t = req.task;
  if (t.kind === 'plan') return plan(readPlanInput(r.oa, r.mirror, t.corpId, t.settings, t.now));
  const p = r.runs.getPlan<Plan>(t.corpId, t.hash);
  return p ? buildDiffTree(p, r.oa.load(), r.mirror.load(t.corpId), r.mirror.links(t.corpId)) : null;
}

parentPort?.on('message', (req: WorkerRequest) => {
  let res: WorkerResponse;
  try {
    res = { id: req.id, value: run(req) };
  } catch (e) {
    res = { id: req.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(res);
});
