// `npm run bench`: every benchmark, printed as one table (figures named in the issues, with their targets).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchClient, type BenchRow } from './client-throughput';
import { benchPushCalls } from './push-calls';
import { benchDiffTree } from './diff-tree-render';
import { benchCallbacks } from './callback-throughput';

const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function planRows(n: number, runs: number, targetMs: number, rssTargetMb: number | null): BenchRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'wb-bench-'));
  try {
    const db = join(dir, 'bench.db');
    execFileSync(tsx, ['test/bench/plan-bench.ts', 'gen', String(n), '2', db], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/bench/plan-bench.ts', 'run', db, String(runs)], { cwd: root, encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!) as { medianMs: number; loadMs: number; maxRssMb: number; departments: number; ops: number; workerMs: number; stallMs: number };
    const label = `plan ${n / 1000}k users / ${r.departments / 1000}k depts, 2% diff`;
    const rows: BenchRow[] = [
      { name: `${label}: median`, value: r.medianMs, unit: 'ms', target: `≤ ${targetMs}`, ok: r.medianMs <= targetMs },
      { name: `${label}: reading the store`, value: r.loadMs, unit: 'ms', target: '(reported)', ok: true },
      { name: `${label}: ops planned`, value: r.ops, unit: 'ops', target: '(reported)', ok: true },
      { name: `${label}: simulate in the worker (read + plan)`, value: r.workerMs, unit: 'ms', target: '(reported)', ok: true },
      { name: `${label}: main thread's longest pause meanwhile`, value: r.stallMs, unit: 'ms', target: '≤ 100', ok: r.stallMs <= 100 },
    ];
    if (rssTargetMb) rows.push({ name: `${label}: peak RSS`, value: r.maxRssMb, unit: 'MB', target: `≤ ${rssTargetMb}`, ok: r.maxRssMb <= rssTargetMb });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function print(rows: BenchRow[]): void {
  const head = ['benchmark', 'value', 'unit', 'target', 'ok'];
  const cells = rows.map((r) => [r.name, String(r.value), r.unit, r.target, r.ok ? 'yes' : 'NO']);
  const w = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(w[i])).join(' | ')} |`;
  console.log([line(head), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...cells.map(line)].join('\n'));
}

async function main() {
  const only = process.argv[2];
  const rows: BenchRow[] = [];
  if (!only || only === 'plan') rows.push(...planRows(100_000, 5, 1000, 500), ...planRows(200_000, 3, 2500, null));
  if (!only || only === 'client') rows.push(...(await benchClient()));
  if (!only || only === 'calls') rows.push(...(await benchPushCalls()));
  if (!only || only === 'ui') rows.push(...(await benchDiffTree()));
  if (!only || only === 'callbacks') rows.push(...(await benchCallbacks()));
  print(rows);
  process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
