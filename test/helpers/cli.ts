import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const BIN = join(__dirname, '..', '..', 'bin', 'wecom-bridge.cjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json: unknown;
}

/** Runs `wecom-bridge …` as a user would (a real process, real data dir). */
export function cli(args: string[], opts: { input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input: opts.input, timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  let json: unknown = null;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    json = null;
  }
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json };
}

/** Starts a long-running command and resolves with its first stdout JSON line. */
export function cliLongRunning(args: string[]): Promise<{ line: Record<string, unknown>; stop(): Promise<number> }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no JSON line within 60 s; stderr: ${err}`)), 60_000);
    child.on('exit', (code) => reject(new Error(`exited ${code} before listening: ${err}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        line: JSON.parse(out.slice(0, nl)) as Record<string, unknown>,
        stop: () =>
          new Promise<number>((res) => {
            child.on('exit', (code) => res(code ?? -1));
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Like `cli`, without blocking the event loop (for tests that serve HTTP in-process, e.g. the simulator). */
export function cliAsync(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => {
      let json: unknown = null;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = null;
      }
      resolve({ code: code ?? -1, stdout, stderr, json });
    });
  });
}
