// scripts/start.cjs: finding the Electron binary without triggering Electron's lazy download.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const scriptPath = join(__dirname, '../../../scripts/start.cjs');
const start = require(scriptPath) as {
  findElectronBinary(fromDir: string, env?: Record<string, string | undefined>): string | null;
  exitCode(code: number | null, signal: string | null): number;
};

let root: string;
let pkgDir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'wb-start-'));
  pkgDir = join(root, 'node_modules', 'electron');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function fakeElectronPackage() {
  mkdirSync(pkgDir, { recursive: true });
  writeFileSync(join(pkgDir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0', main: 'index.js' }));
  // Requiring this would mean we triggered the download path: make that loud.
  writeFileSync(join(pkgDir, 'index.js'), "throw new Error('electron/index.js must not be required');");
}

describe('findElectronBinary', () => {
  it('null when the electron package is not installed', () => {
    expect(start.findElectronBinary(root, {})).toBeNull();
  });

  it('null when the package is there but the binary was never downloaded (no path.txt)', () => {
    fakeElectronPackage();
    expect(start.findElectronBinary(root, {})).toBeNull();
  });

  it('null when path.txt names a binary that is missing from dist/', () => {
    fakeElectronPackage();
    writeFileSync(join(pkgDir, 'path.txt'), 'electron');
    expect(start.findElectronBinary(root, {})).toBeNull();
  });

  it('the dist binary when it is present', () => {
    fakeElectronPackage();
    writeFileSync(join(pkgDir, 'path.txt'), 'electron');
    mkdirSync(join(pkgDir, 'dist'));
    writeFileSync(join(pkgDir, 'dist', 'electron'), '');
    expect(start.findElectronBinary(root, {})).toBe(join(pkgDir, 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron/index.js does', () => {
    fakeElectronPackage();
    const dist = join(root, 'custom');
    mkdirSync(dist);
    expect(start.findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: dist })).toBeNull();
    writeFileSync(join(dist, 'electron'), '');
    expect(start.findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: dist })).toBe(join(dist, 'electron'));
  });
});

describe('start.cjs', () => {
  it('exit codes: the child code, or 128+signal', () => {
    expect(start.exitCode(0, null)).toBe(0);
    expect(start.exitCode(3, null)).toBe(3);
    expect(start.exitCode(null, 'SIGTERM')).toBe(143);
    expect(start.exitCode(null, 'SIGINT')).toBe(130);
  });

  it('prints the one-line offline notice in the agreed form and starts the headless server', () => {
    const src = readFileSync(scriptPath, 'utf8');
    expect(src).toContain(
      "'Electron 无法在本机获取（离线），改为启动无界面服务器 / Electron unavailable here (offline); starting the headless server instead.'",
    );
    expect(src).toMatch(/'bin', 'wecom-bridge\.cjs'\), 'serve', '--demo'\]/);
    expect(src).not.toMatch(/require\(\s*['"]electron['"]\s*\)/);
  });
});
