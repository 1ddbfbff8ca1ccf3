#!/usr/bin/env node
// `npm start`: the desktop app when the Electron binary is present, otherwise the headless server
// (same core, same UI in the browser). The check never triggers Electron's lazy download: requiring
// the `electron` package would (see node_modules/electron/index.js), so we read its files instead.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** Path of the Electron executable if it is already on disk, else null. Mirrors electron/index.js. */
function findElectronBinary(fromDir = root, env = process.env) {
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json', { paths: [fromDir] }));
  } catch {
    return null;
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8') : null;
  const full = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : relative && path.join(pkgDir, 'dist', relative);
  return full && fs.existsSync(full) ? full : null;
}

function exitCode(code, signal) {
  if (code !== null && code !== undefined) return code;
  return signal ? 128 + (os.constants.signals[signal] || 0) : 1;
}

/** Runs a child with inherited stdio, forwards SIGINT/SIGTERM to it and exits with its code. */
function runForwarding(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit', windowsHide: false });
  const forward = (signal) => () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('error', (err) => {
    console.error(`无法启动 / cannot start ${command}: ${err.message}`);
    process.exit(1);
  });
  child.on('close', (code, signal) => process.exit(exitCode(code, signal)));
  return child;
}

function main() {
  const electron = findElectronBinary();
  if (electron) {
    const cli = require.resolve('electron-vite/bin/electron-vite.js', { paths: [root] });
    const build = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(exitCode(build.status, build.signal));
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE; // would make the binary behave as plain Node
    runForwarding(electron, ['.'], env);
    return;
  }
  console.log('Electron 无法在本机获取（离线），改为启动无界面服务器 / Electron unavailable here (offline); starting the headless server instead.');
  runForwarding(process.execPath, [path.join(root, 'bin', 'wecom-bridge.cjs'), 'serve', '--demo']);
}

if (require.main === module) main();

module.exports = { findElectronBinary, exitCode };
