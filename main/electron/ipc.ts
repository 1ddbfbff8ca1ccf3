// The IPC transport: one invoke channel that answers only our window, accepts only contract method
// names and hands everything else to core.dispatch (which validates the input). Errors are values:
// nothing thrown here crosses into the renderer.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { bridgeChannels } from '../api/bridge-api';
import { isMethod, type Result } from '../api/contract';
import { isEventName } from '../api/events';
import type { CoreHandle } from '../core/types';

type Failure = Extract<Result<unknown>, { ok: false }>;

function failure(code: string, message: string): Failure {
  return { ok: false, error: { code, message } };
}

function isOurWindow(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (!win || win.isDestroyed()) return false;
  if (event.sender !== win.webContents) return false;
  // Only the top frame speaks for the app (an iframe, were one ever loaded, must not).
  const frame = event.senderFrame;
  return !frame || frame.parent === null;
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  core: Pick<CoreHandle, 'dispatch' | 'onEvent'>,
  getWindow: () => BrowserWindow | null,
): () => void {
  ipcMain.handle(
    bridgeChannels.invoke,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Result<unknown>> => {
      if (!isOurWindow(event, getWindow())) {
        return failure('forbidden', '拒绝：请求不是来自本应用窗口 / refused: sender is not the app window');
      }
      if (typeof method !== 'string' || !isMethod(method)) {
        return failure('unknown_method', `未知的接口方法 / unknown method: ${String(method).slice(0, 100)}`);
      }
      try {
        return await core.dispatch(method, input);
      } catch (err) {
        // dispatch already turns errors into values; this is the last line of defence.
        return failure('internal', err instanceof Error ? err.message : String(err));
      }
    },
  );

  const unsubscribe = core.onEvent((name, payload) => {
    if (!isEventName(name)) return;
    const win = getWindow();
    if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
    win.webContents.send(bridgeChannels.event, name, payload);
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(bridgeChannels.invoke);
  };
}
