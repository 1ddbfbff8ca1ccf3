import type { Method, Result } from '../../main/api/contract';
import type { EventName } from '../../main/api/events';
import type { BridgeApi } from './bridge-types';
import type { Transport } from './transport';

/** Electron: the preload's `window.bridge` already speaks Results; it never throws across IPC. */
export function ipcTransport(bridge: BridgeApi): Transport {
  // The bridge is typed per method; the client above us restores those types.
  const untyped = bridge as unknown as {
    invoke(method: Method, input: unknown): Promise<Result<unknown>>;
    on(name: EventName, cb: (payload: unknown) => void): () => void;
  };
  return {
    kind: 'ipc',
    async invoke(method, input) {
      try {
        return await untyped.invoke(method, input);
      } catch (e) {
        return { ok: false, error: { code: 'network', message: e instanceof Error ? e.message : String(e) } };
      }
    },
    on: (name, cb) => untyped.on(name, cb),
  };
}
