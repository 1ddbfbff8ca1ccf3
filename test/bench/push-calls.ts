// Benchmark: WeCom API calls of an incremental push of k changes, against the minimum (one write per changed
// entity plus the paging reads of the pull the push starts with). A counting HTTP forwarder sits between the
// client and the simulator, so every request that reaches "WeCom" is counted.
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../main/core/create-core';
import { keyPath } from '../../main/core/data-dir';
import { headlessSecretBox } from '../../main/core/secret-box';
import { oaWorkbookBuffer, startSimulator, syntheticOaDirectory } from '../../main/simulator';
import { isWrite } from '../../main/sync/plan';
import type { BenchRow } from './client-throughput';

async function countingForwarder(target: string) {
  const counts = new Map<string, number>();
  const t = new URL(target);
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const up = httpRequest({ host: t.hostname, port: t.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    reset: () => counts.clear(),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export async function benchPushCalls(n = 10_000, diffPct = 1): Promise<BenchRow[]> {
  const sim = await startSimulator({ port: 0, seed: `synthetic:${n}` });
  const fwd = await countingForwarder(sim.url);
  const dir = mkdtempSync(join(tmpdir(), 'wb-bench-calls-'));
  const core = await createCore({ dataDir: dir, secretBox: headlessSecretBox(keyPath(dir)), shell: 'headless' });
  const ctx = { signal: new AbortController().signal, progress: () => undefined };
  try {
    const corp = core.services.corps.create({ name: 'bench', corpid: sim.corpid, kind: 'private', apiBase: fwd.url, apiPrefix: '/cgi-bin', contactSecret: sim.contactSecret });
    core.services.oa.import([{ name: 'oa.xlsx', data: oaWorkbookBuffer(syntheticOaDirectory(n, diffPct)) }], { dryRun: false });
    core.services.syncSettings.set(corp.id, 'safety.maxDisablesPct', '100');
    core.services.syncSettings.set(corp.id, 'safety.maxDeletesPct', '100');
    await core.services.sync.pull(corp.id, ctx);
    const plan = await core.services.sync.simulate(corp.id);
    const depts = core.services.mirror.counts(corp.id).depts;
    fwd.reset();
    const r = await core.services.push.push(corp.id, { hash: plan.summary.hash, confirm: plan.summary.destructive, approveHeld: true }, ctx);
    const writes = plan.ops.filter(isWrite).length;
    // The pull a push starts with: department/list once, user/list once per department.
    const minimum = writes + 1 + depts;
    const actual = fwd.total() - (fwd.counts.get('/cgi-bin/gettoken') ?? 0);
    const ratio = Math.round((actual / minimum) * 1000) / 1000;
    return [
      { name: `push of ${writes} changes (${n / 1000}k users): API calls / minimum`, value: ratio, unit: 'ratio', target: '≤ 1.05', ok: ratio <= 1.05 && r.status === 'succeeded' },
      { name: `push of ${writes} changes: calls (minimum ${minimum}), gettoken`, value: actual, unit: 'calls', target: `(+${fwd.counts.get('/cgi-bin/gettoken') ?? 0} gettoken)`, ok: true },
    ];
  } finally {
    await core.close();
    await fwd.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) benchPushCalls().then((rows) => console.log(rows), (e) => { console.error(e); process.exitCode = 1; });
