// The preload: exposes `window.bridge = { invoke, on }` and nothing more. The renderer never sees
// ipcRenderer; only contract method names and event names cross, so a compromised page cannot reach
// any other channel. Bundled by electron-vite (a sandboxed preload cannot require our files).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { bridgeChannels, type BridgeApi } from '../main/api/bridge-api';
import { isMethod, type Result } from '../main/api/contract';
import { isEventName, type EventName } from '../main/api/events';

function failure(code: string, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

// One IPC listener for all subscribers (one per `on` call would trip Node's MaxListeners warning).
const subscribers = new Map<EventName, Set<(payload: never) => void>>();

ipcRenderer.on(bridgeChannels.event, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string' || !isEventName(name)) return;
  for (const cb of [...(subscribers.get(name) ?? [])]) {
    try {
      cb(payload as never);
    } catch (err) {
      // A failing subscriber must not stop the others.
      console.error(`[bridge] 事件 ${name} 的处理函数出错 / handler failed`, err);
    }
  }
});

export const bridge = {
  invoke(method, input) {
    if (typeof method !== 'string' || !isMethod(method)) {
      return Promise.resolve(failure('unknown_method', `未知的接口方法 / unknown method: ${String(method)}`));
    }
    return ipcRenderer
      .invoke(bridgeChannels.invoke, method, input)
      .catch((err: unknown) => failure('ipc_failed', `与主进程通信失败 / IPC failed: ${err instanceof Error ? err.message : String(err)}`));
  },

  on(name, cb) {
    if (typeof name !== 'string' || !isEventName(name)) {
      throw new TypeError(`未知的事件名 / unknown event: ${String(name)}`);
    }
    if (typeof cb !== 'function') throw new TypeError('回调必须是函数 / callback must be a function');
    const set = subscribers.get(name) ?? new Set();
    subscribers.set(name, set);
    const entry = cb as (payload: never) => void;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  },
} satisfies BridgeApi;

contextBridge.exposeInMainWorld('bridge', bridge);
