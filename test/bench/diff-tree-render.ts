// The org-tree diff (F4.10) in headless Chromium: a 10k-department plan from the real planner and
// buildDiffTree, drawn by the real OrgDiffTree (production React build), measured with performance marks:
// first render (JSON.parse of the payload → first paint) of the default view and fully expanded, and the
// frame times of a fast scroll through all 10k rows.
//   benchDiffTree() → rows for the bench table;  `tsx test/bench/diff-tree-render.ts` prints them.
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { OaDept, OaDirectory, OaUser } from '../../main/org/oa-model';
import { buildDiffTree } from '../../main/sync/diff-tree';
import type { DeptLink, Mirror, UserBinding, WxDept, WxUser } from '../../main/sync/model';
import { plan } from '../../main/sync/plan';
import { defaultSettings } from '../../main/sync/settings-schema';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean;
}

const root = resolve(__dirname, '..', '..');
const DEPTS = 10_000;
const PER_DEPT = 3;

/** An established sync of 10k departments with a realistic diff: renames, moves, new and gone departments, people changes. */
function inputs() {
  const oaDepts: OaDept[] = [{ id: 'D0', name: '云桥集团', parentId: null, order: 0, type: 'subcompany' }];
  const wxDepts: WxDept[] = [{ id: 1, name: '云桥集团', parentId: null, order: 100_000_000 }];
  const links: DeptLink[] = [{ wxDeptId: 1, oaDeptId: 'D0' }];
  const parentOf = (i: number) => (i <= 8 ? 0 : Math.floor((i - 1) / 8));
  for (let i = 1; i < DEPTS; i++) {
    const p = parentOf(i);
    const renamed = i % 50 === 0;
    const moved = i % 97 === 0 && i > 80;
    oaDepts.push({ id: `D${i}`, name: renamed ? `部门${i}（新）` : `部门${i}`, parentId: `D${moved ? parentOf(p) : p}`, order: i, type: 'department' });
    if (i < DEPTS - 500) {
      wxDepts.push({ id: i + 1, name: `部门${i}`, parentId: p + 1, order: 100_000_000 - i });
      links.push({ wxDeptId: i + 1, oaDeptId: `D${i}` });
    }
  }
  // 150 linked WeCom departments whose OA department is gone (empty leaves: deleted).
  for (let k = 0; k < 150; k++) {
    const id = 20_000 + k;
    wxDepts.push({ id, name: `旧部门${k}`, parentId: 2 + k, order: 1 });
    links.push({ wxDeptId: id, oaDeptId: `GONE${k}` });
  }
  const oaUsers: OaUser[] = [];
  const wxUsers: WxUser[] = [];
  const bindings: UserBinding[] = [];
  for (let i = 0; i < DEPTS * PER_DEPT; i++) {
    const d = Math.floor(i / PER_DEPT);
    const id = `E${String(i).padStart(6, '0')}`;
    const mobile = `139${String(i).padStart(8, '0')}`;
    const departed = i % 173 === 0;
    oaUsers.push({ id, workcode: id, loginid: `u${i}`, name: `员工${i}`, mobile, email: null, position: i % 53 === 0 ? '高级工程师' : '工程师', department: `D${i % 211 === 0 ? (d + 1) % DEPTS : d}`, partTimeDepartments: [], status: departed ? 'departed' : 'active', order: i, custom: {} });
    if (d < DEPTS - 500 && i % 61 !== 0) {
      wxUsers.push({ userid: `u${i}`, name: `员工${i}`, mobile, email: null, position: '工程师', department: [d + 1], mainDepartment: d + 1, status: 1, extra: {} });
      bindings.push({ wxUserid: `u${i}`, oaUserId: id, source: 'auto', boundAt: '2026-01-01T00:00:00.000Z', disabledAt: null });
    }
  }
  const oa: OaDirectory = { departments: oaDepts, users: oaUsers };
  const mirror: Mirror = { departments: wxDepts, users: wxUsers.sort((a, b) => (a.userid < b.userid ? -1 : 1)) };
  const s = { ...defaultSettings({ hasContactSecret: true }), 'safety.maxDeptDeletes': 1000, 'safety.maxDisables': 1000 };
  return { oa, mirror, links, bindings, settings: s };
}

const PAGE = `
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { OrgDiffTree } from './renderer/components/org-diff/OrgDiffTree';

const w = window as any;
const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
let mounted: ReturnType<typeof createRoot> | null = null;
w.__open = async (payload: string, level: number | null) => {
  mounted?.unmount();
  const el = document.getElementById('root')!;
  performance.mark('open-start');
  const tree = JSON.parse(payload);
  const parseMs = performance.now() - performance.getEntriesByName('open-start').slice(-1)[0].startTime;
  const root = (mounted = createRoot(el));
  flushSync(() => root.render(
    <ConfigProvider locale={zhCN}><App><OrgDiffTree tree={tree} selectedKey={null} onSelect={() => undefined} height={700} defaultLevel={level ?? undefined} /></App></ConfigProvider>,
  ));
  await frame();
  await frame();
  performance.mark('open-end');
  return { ms: performance.measure('open', 'open-start', 'open-end').duration, parseMs, rows: document.querySelectorAll('[data-testid=diff-node]').length };
};
w.__scroll = async (step: number) => {
  const el = document.querySelector('.wb-diff-scroll') as HTMLElement;
  const times: number[] = [];
  await frame();
  let last = performance.now();
  while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
    el.scrollTop += step;
    await frame();
    const now = performance.now();
    times.push(now - last);
    last = now;
  }
  return times;
};
`;

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}
const r1 = (n: number) => Math.round(n * 10) / 10;

export async function benchDiffTree(): Promise<BenchRow[]> {
  const i = inputs();
  const t0 = performance.now();
  const p = plan({ oa: i.oa, mirror: i.mirror, userBindings: i.bindings, deptLinks: i.links, settings: i.settings, context: { now: '2026-11-25T00:00:00.000Z', previousActive: null, previousScope: null, pullComplete: true } });
  const tree = buildDiffTree(p, i.oa, i.mirror, i.links);
  const buildMs = performance.now() - t0;
  const payload = JSON.stringify(tree);
  const depts = Object.entries(tree.deptCounts).reduce((n, [, c]) => n + c, 0);

  const dir = mkdtempSync(join(tmpdir(), 'wb-diff-bench-'));
  let server: Server | null = null;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    await build({
      stdin: { contents: PAGE, resolveDir: root, loader: 'tsx', sourcefile: 'diff-bench-page.tsx' },
      bundle: true,
      outdir: dir,
      entryNames: 'page',
      format: 'iife',
      jsx: 'automatic',
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      loader: { '.css': 'css' },
      logLevel: 'error',
    });
    const files: Record<string, [string, string]> = {
      '/': ['text/html', '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/page.css"></head><body><div id="root"></div><script src="/page.js"></script></body></html>'],
      '/page.js': ['text/javascript', readFileSync(join(dir, 'page.js'), 'utf8')],
      '/page.css': ['text/css', readFileSync(join(dir, 'page.css'), 'utf8')],
      '/payload.json': ['application/json', payload],
    };
    server = createServer((req, res) => {
      const f = files[req.url ?? '/'];
      res.writeHead(f ? 200 : 404, { 'Content-Type': f?.[0] ?? 'text/plain' }).end(f?.[1] ?? '');
    });
    await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
    const port = (server.address() as { port: number }).port;
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/`);
    // (Strings, not functions: this file is type-checked for Node, where there is no `window`.)
    await page.evaluate(`(async () => { window.__payload = await (await fetch('/payload.json')).text(); })()`);
    type Open = { ms: number; parseMs: number; rows: number };
    const open = (level: number | null) => page.evaluate(`window.__open(window.__payload, ${level === null ? 'null' : level})`) as Promise<Open>;
    // Cold: the first diff this page ever draws (antd's styles generated on the way), as on a first simulation;
    // warm: the next simulation in the same window.
    const firstDefault = await open(null);
    const warmDefault = await open(null);
    const firstAll = await open(1e9);
    const frames = (await page.evaluate('window.__scroll(960)')) as number[];
    const jank = frames.filter((f) => f > 50).length;
    return [
      { name: `diff tree ${depts} depts: plan + buildDiffTree (node)`, value: r1(buildMs), unit: 'ms', target: '(reported)', ok: true },
      { name: `diff tree ${depts} depts: payload`, value: r1(payload.length / 1024 / 1024), unit: 'MB', target: '(reported)', ok: true },
      { name: `diff tree ${depts} depts: first render, default view (${firstDefault.rows} rows drawn)`, value: r1(firstDefault.ms), unit: 'ms', target: '< 500', ok: firstDefault.ms < 500 },
      { name: `diff tree ${depts} depts: of which JSON.parse of the payload`, value: r1(firstDefault.parseMs), unit: 'ms', target: '(reported)', ok: true },
      { name: `diff tree ${depts} depts: next render, default view (warm)`, value: r1(warmDefault.ms), unit: 'ms', target: '< 500', ok: warmDefault.ms < 500 },
      { name: `diff tree ${depts} depts: render all expanded (${firstAll.rows} rows drawn)`, value: r1(firstAll.ms), unit: 'ms', target: '< 500', ok: firstAll.ms < 500 },
      { name: `diff tree scroll through ${depts} rows: frame time p50`, value: r1(pct(frames, 50)), unit: 'ms', target: '(reported)', ok: true },
      { name: `diff tree scroll: frame time p95 (${frames.length} frames)`, value: r1(pct(frames, 95)), unit: 'ms', target: '≤ 50', ok: pct(frames, 95) <= 50 },
      { name: 'diff tree scroll: frame time max', value: r1(Math.max(...frames)), unit: 'ms', target: '(reported)', ok: true },
      { name: 'diff tree scroll: frames over 50 ms', value: jank, unit: 'frames', target: '(reported)', ok: true },
    ];
  } finally {
    await browser.close();
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchDiffTree().then(
    (rows) => {
      for (const r of rows) console.log(`${r.ok ? 'ok ' : 'NO '} ${r.name}: ${r.value} ${r.unit} (target ${r.target})`);
      process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
