#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so `npx wecom-bridge …` works right after `npm install`.
'use strict';
require('tsx/cjs');
const { main } = require('../main/cli.ts');

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`wecom-bridge: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
