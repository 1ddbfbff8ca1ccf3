// Opens the core for one CLI command, on the data dir the desktop app uses unless --data-dir says otherwise.
import type { In, Method, Out } from '../api/contract';
import { createCore, type Core } from '../core/create-core';
import { defaultDataDir, keyPath } from '../core/data-dir';
import { headlessSecretBox } from '../core/secret-box';
import type { Globals } from './globals';
import { unwrap } from './output';

export interface CliContext {
  g: Globals;
  dataDir: string;
  core(): Promise<Core>;
  call<M extends Method>(method: M, input: In<M>): Promise<Out<M>>;
  close(): Promise<void>;
}

export function createContext(g: Globals): CliContext {
  const dataDir = g.dataDir ?? defaultDataDir();
  let core: Promise<Core> | null = null;
  const ctx: CliContext = {
    g,
    dataDir,
    core() {
      core ??= createCore({ dataDir, secretBox: headlessSecretBox(keyPath(dataDir)), shell: 'headless' });
      return core;
    },
    async call(method, input) {
      const c = await ctx.core();
      return unwrap(g, await c.dispatch(method, input)) as Out<typeof method>;
    },
    async close() {
      if (core) await (await core).close();
    },
  };
  return ctx;
}
