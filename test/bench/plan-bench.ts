// Planner measurements against a real store, each size in a fresh process so that peak RSS is what a
// simulation of that size costs (inputs loaded from SQLite as `simulate` does, then planned):
//   tsx test/bench/plan-bench.ts gen N DIFF_PCT DB   fills a SQLite file with the synthetic twin pair
//   node --expose-gc --import tsx test/bench/plan-bench.ts run DB RUNS
//     → one JSON line {n, departments, medianMs (plan), loadMs (reading the store), maxRssMb, ops, conflicts, held,
//       workerMs (a simulate's plan in the worker thread, store read included), stallMs (the main thread's
//       longest pause meanwhile)}
import { openDb } from '../../main/store/db';
import { createMirrorRepo } from '../../main/store/mirror-repo';
import { createOaRepo } from '../../main/store/oa-repo';
import { createRunsRepo } from '../../main/store/runs-repo';
import { countDirectory } from '../../main/org/oa-model';
import { plan } from '../../main/sync/plan';
import { createPlanRunner } from '../../main/sync/plan-runner';
import { defaultSettings } from '../../main/sync/settings-schema';
import { syntheticInputs } from './synthetic-inputs';

const CORP = 'c_bench';
const [mode, ...args] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;

if (mode === 'gen') {
  const [n, diff, file] = args;
  const input = syntheticInputs(Number(n), Number(diff));
  const db = openDb(file);
  const at = new Date().toISOString();
  db.prepare("INSERT INTO corps (id, name, corpid, kind, api_base, created_at, updated_at) VALUES (?, 'bench', 'wwbench', 'private', 'http://127.0.0.1:1', ?, ?)").run(CORP, at, at);
  createOaRepo(db).replace(input.oa, { at, actor: 'bench', source: 'synthetic', counts: countDirectory(input.oa) });
  const mirror = createMirrorRepo(db);
  mirror.replace(CORP, input.mirror);
  mirror.transaction(() => {
    for (const b of input.userBindings) mirror.bind(CORP, b.wxUserid, b.oaUserId, b.source, at);
    for (const l of input.deptLinks) mirror.link(CORP, l.wxDeptId, l.oaDeptId, at);
  });
  mirror.setPulled(CORP, at, true, null);
  db.close();
} else {
  runPlans().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}

async function runPlans(): Promise<void> {
  const [file, runs] = args;
  const db = openDb(file);
  const mirrorRepo = createMirrorRepo(db);
  const oaRepo = createOaRepo(db);
  const load = () => ({
    oa: oaRepo.load(),
    mirror: mirrorRepo.load(CORP),
    userBindings: mirrorRepo.bindings(CORP),
    deptLinks: mirrorRepo.links(CORP),
    settings: defaultSettings({ hasContactSecret: true }),
    context: { now: new Date().toISOString(), previousActive: null, previousScope: null, pullComplete: true },
  });
  const times: number[] = [];
  const loads: number[] = [];
  let last = plan(load());
  for (let i = 0; i < Number(runs); i++) {
    gc?.(); // one simulation at a time, as the product runs them
    const l0 = performance.now();
    const input = load();
    loads.push(performance.now() - l0);
    gc?.(); // the load's garbage is the load's cost, not the planner's
    const t0 = performance.now();
    last = plan(input);
    times.push(performance.now() - t0);
  }
  const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

  // As `simulate` runs it for a large directory: in the planning worker, the main thread free meanwhile.
  const runner = createPlanRunner({ dbFile: file, oa: oaRepo, mirror: mirrorRepo, runs: createRunsRepo(db), workerFrom: 0 });
  const settings = defaultSettings({ hasContactSecret: true });
  await runner.plan(CORP, settings, new Date().toISOString()); // worker start-up is not a simulate's cost
  let stall = 0;
  let tick = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - tick);
    tick = now;
  }, 5);
  const w0 = performance.now();
  const inWorker = await runner.plan(CORP, settings, new Date().toISOString());
  const workerMs = Math.round(performance.now() - w0);
  clearInterval(timer);
  await runner.close();
  if (inWorker.summary.hash !== last.summary.hash) throw new Error('the worker planned something else');
  process.stdout.write(
    `${JSON.stringify({
      n: last.summary.inScopeActive,
      departments: mirrorRepo.counts(CORP).depts,
      medianMs: median(times),
      loadMs: median(loads),
      maxRssMb,
      ops: last.ops.length,
      conflicts: last.conflicts.length,
      held: last.summary.safety.held.map((h) => h.rule),
      workerMs,
      stallMs: Math.round(stall),
    })}\n`,
  );
  db.close();
}
