#!/usr/bin/env node
// `npm test`: build the renderer the e2e tests load, run every vitest suite, and end with the plain
// closing line `N passed, N failed, N skipped` (vitest's own summary is not in that form).
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const build = spawnSync(npx, ['vite', 'build', '--config', 'vite.renderer.config.mts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env });
if (build.status !== 0) {
  console.error('renderer build failed');
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

const report = join(root, '.vitest.json');
rmSync(report, { force: true });
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const run = spawnSync(npx, args, { cwd: root, stdio: 'inherit', env });

let line = '0 passed, 1 failed, 0 skipped';
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  line = `${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`;
}
writeFileSync(join(root, '.test-summary'), `${line}\n`);
console.log(line);
process.exit(run.status === null ? 1 : run.status);
