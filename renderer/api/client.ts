import type { In, Method, Out } from '../../main/api/contract';
import type { EventName, EventPayload } from '../../main/api/events';
import { ApiError } from './errors';
import { httpTransport } from './http-transport';
import { ipcTransport } from './ipc-transport';
import { takeToken } from './token';
import type { Transport } from './transport';

/** The one client screens and stores use; tests pass a fake with the same shape. */
export interface ApiClient {
  call<M extends Method>(method: M, input: In<M>): Promise<Out<M>>;
  subscribe<E extends EventName>(name: E, cb: (payload: EventPayload<E>) => void): () => void;
}

export function clientOver(transport: Transport): ApiClient {
  return {
    async call<M extends Method>(method: M, input: In<M>): Promise<Out<M>> {
      const result = await transport.invoke(method, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value as Out<M>;
    },
    subscribe<E extends EventName>(name: E, cb: (payload: EventPayload<E>) => void) {
      return transport.on(name, cb as (payload: unknown) => void);
    },
  };
}

/** Chosen once at start: Electron IPC when the preload exposed `window.bridge`, else the headless HTTP API. */
export function createClient(win: Window = window): { client: ApiClient; transport: Transport['kind'] } {
  const transport = win.bridge ? ipcTransport(win.bridge) : httpTransport({ token: takeToken(win) });
  return { client: clientOver(transport), transport: transport.kind };
}
