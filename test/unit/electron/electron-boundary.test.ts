// Architecture rule (DESIGN.md): only the Electron shell imports `electron`. Everything else must
// run in plain Node (headless server, CLI, tests), where the Electron binary may not exist.
// Allowed: main/index.ts and main/electron/** (the shell), and preload/index.ts (it IS the preload:
// contextBridge and ipcRenderer come from 'electron'). electron-store counts too: it loads electron.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(__dirname, '../../..');
const SCANNED = ['main', 'preload', 'renderer'];
const SOURCE = /\.(?:[cm]?[jt]s|tsx|jsx)$/;

function isAllowed(rel: string): boolean {
  return rel === 'main/index.ts' || rel.startsWith('main/electron/') || rel === 'preload/index.ts';
}

function stripComments(src: string): string {
  // Line comments first: one like `// see main/electron/*` must not open a block comment.
  return src.replace(/^\s*\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
}

const IMPORT_OF_ELECTRON =
  /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"`])(?:electron(?:\/[^'"`]*)?|electron-store)\1/;

function importsElectron(src: string): boolean {
  return IMPORT_OF_ELECTRON.test(stripComments(src));
}

function walk(dir: string, out: string[] = []): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

const files = SCANNED.flatMap((d) => walk(join(repo, d))).map((f) => ({
  rel: relative(repo, f).split(sep).join('/'),
  src: readFileSync(f, 'utf8'),
}));

describe('electron import boundary', () => {
  it('the detector catches every import form and ignores look-alikes', () => {
    for (const src of [
      "import { app } from 'electron';",
      'import type { WebContents } from "electron";',
      "import * as e from 'electron/main';",
      "import 'electron';",
      "const { ipcRenderer } = require('electron');",
      "const e = await import('electron');",
      "export { shell } from 'electron';",
      "import Store from 'electron-store';",
      "import {\n  app,\n  BrowserWindow,\n} from 'electron'",
    ]) {
      expect(importsElectron(src), src).toBe(true);
    }
    for (const src of [
      "import { defineConfig } from 'electron-vite';",
      "import x from 'electronic';",
      "const name = 'electron';",
      "// import { app } from 'electron';",
      "/* require('electron') */",
      "import { x } from './electron/window';",
    ]) {
      expect(importsElectron(src), src).toBe(false);
    }
  });

  it('scans the real sources (and sees the shell importing electron)', () => {
    expect(files.length).toBeGreaterThan(5);
    const shell = files.find((f) => f.rel === 'main/index.ts');
    expect(shell, 'main/index.ts not found').toBeDefined();
    expect(importsElectron(shell!.src)).toBe(true);
  });

  it('no file outside main/index.ts, main/electron/* and preload/index.ts imports electron', () => {
    const offenders = files.filter((f) => !isAllowed(f.rel) && importsElectron(f.src)).map((f) => f.rel);
    expect(offenders).toEqual([]);
  });
});
