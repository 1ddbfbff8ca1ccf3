import { sql as init } from './001-init';
import { sql as oaDirectory } from './002-oa-directory';
import { sql as sync } from './003-sync';
import { sql as callbacks } from './004-callbacks';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; `version` equals the position (1-based). Never edit a shipped entry: add one. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'init', sql: init },
  { version: 2, name: 'oa-directory', sql: oaDirectory },
  { version: 3, name: 'sync', sql: sync },
  { version: 4, name: 'callbacks', sql: callbacks },
];
