// What every end-to-end test needs: the headless server on a fresh data dir, and headless Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from 'playwright-core';

export const root = resolve(import.meta.dirname, '../..');
export const shots = join(root, 'test-artifacts', 'e2e');

export interface ServeInfo {
  ui: string;
  port: number;
  token: string;
  callback: string;
}

export interface Served {
  info: ServeInfo;
  dataDir: string;
  stop(): Promise<void>;
}

/** `wecom-bridge serve --json` on a new data dir; resolves with its JSON line once it listens. */
export function startServe(extraArgs: string[] = [], prefix = 'wecom-bridge-e2e-'): Promise<Served> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const server: ChildProcess = spawn(process.execPath, ['bin/wecom-bridge.cjs', 'serve', '--json', '--port', '0', '--callback-port', '0', '--data-dir', dataDir, ...extraArgs], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  server.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve did not print its JSON line in time\n${stderr}`)), 60_000);
    server.once('exit', (code) => fail(new Error(`serve exited with ${code}\n${stderr}`)));
    createInterface({ input: server.stdout! }).on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as Partial<ServeInfo>;
        if (typeof parsed.ui === 'string') {
          clearTimeout(timer);
          ok({ info: parsed as ServeInfo, dataDir, stop });
        }
      } catch {
        // not the JSON line
      }
    });
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** One end-to-end session: `serve` on a fresh data dir, Chromium, one page, and an authorised /rpc caller. */
export interface E2eSession {
  info: ServeInfo;
  dataDir: string;
  browser: Browser;
  page: Page;
  rpc<T>(method: string, body: unknown): Promise<T>;
  stop(): Promise<void>;
}

export async function startE2e(opts: { serveArgs?: string[]; prefix: string; viewport: { width: number; height: number }; downloads?: boolean }): Promise<E2eSession> {
  const served = await startServe(opts.serveArgs ?? [], opts.prefix);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: opts.viewport, locale: 'zh-CN', acceptDownloads: opts.downloads ?? false });
  const origin = new URL(served.info.ui).origin;
  return {
    info: served.info,
    dataDir: served.dataDir,
    browser,
    page,
    async rpc<T>(method: string, body: unknown): Promise<T> {
      const res = await fetch(`${origin}/rpc/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${served.info.token}` }, body: JSON.stringify(body) });
      const j = (await res.json()) as { ok: boolean; value: T; error?: unknown };
      if (!j.ok) throw new Error(`${method}: ${JSON.stringify(j.error)}`);
      return j.value;
    },
    async stop() {
      await browser.close();
      await served.stop();
    },
  };
}
