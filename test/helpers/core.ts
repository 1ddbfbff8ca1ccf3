import { createCore, type Core } from '../../main/core/create-core';
import { keyPath } from '../../main/core/data-dir';
import { headlessSecretBox } from '../../main/core/secret-box';
import type { In, Method, Out } from '../../main/api/contract';
import { tempDir } from './tmp';

export interface TestCore {
  core: Core;
  dataDir: string;
  call<M extends Method>(method: M, input: In<M>): Promise<Out<M>>;
  close(): Promise<void>;
}

/** A real core over a real SQLite file in its own temp dir. */
export async function openTestCore(): Promise<TestCore> {
  const dir = tempDir();
  const core = await createCore({ dataDir: dir.path, secretBox: headlessSecretBox(keyPath(dir.path)), shell: 'headless' });
  return {
    core,
    dataDir: dir.path,
    async call(method, input) {
      const r = await core.dispatch(method, input);
      if (!r.ok) throw Object.assign(new Error(r.error.message), { api: r.error });
      return r.value as Out<typeof method>;
    },
    async close() {
      await core.close();
      dir.cleanup();
    },
  };
}
