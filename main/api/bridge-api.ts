// The shape of `window.bridge` (what the preload exposes to the renderer). Types only, plus the two
// IPC channel names that the preload and main/electron/ipc.ts must agree on.
import type { In, Method, Out, Result } from './contract';
import type { EventName, EventPayload } from './events';

export interface BridgeApi {
  /** Calls a contract method in the main process; errors come back as `{ ok: false }`, never thrown. */
  invoke<M extends Method>(method: M, input: In<M>): Promise<Result<Out<M>>>;
  /** Subscribes to a core event; returns the unsubscribe function. */
  on<E extends EventName>(name: E, cb: (payload: EventPayload<E>) => void): () => void;
}

export const bridgeChannels = {
  invoke: 'bridge:invoke',
  event: 'bridge:event',
} as const;
