// Electron main entry: one instance, one window, the core behind IPC. Logic lives in main/electron/*
// and main/core; this file only puts them in order.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, shell } from 'electron';
import { createCore } from './core/create-core';
import { mountCallbacks } from './listener/callback-route';
import { startListener, type Listener } from './listener/listener';
import { defaultDataDir } from './core/data-dir';
import type { CoreHandle } from './core/types';
import { registerIpc } from './electron/ipc';
import { appMenuTemplate } from './electron/menu';
import { electronSecretBox } from './electron/secrets';
import { createMainWindow, focusWindow, isAllowedExternal } from './electron/window';
import { openWindowStateStore, type WindowStateStore } from './electron/window-state';

app.setName('WeCom Bridge');

let win: BrowserWindow | null = null;
let core: CoreHandle | null = null;
let stateStore: WindowStateStore | null = null;
let listener: Listener | null = null;

/** The callback listener WeCom reaches (private deployments: an intranet address, e.g. WECOM_BRIDGE_CALLBACK_HOST=0.0.0.0). */
async function startCallbackListener(): Promise<Listener> {
  const host = process.env.WECOM_BRIDGE_CALLBACK_HOST ?? '127.0.0.1';
  const port = Number(process.env.WECOM_BRIDGE_CALLBACK_PORT ?? 8088);
  return startListener({ host, port }).catch(() => startListener({ host, port: 0 }));
}

function openExternal(url: string): void {
  if (!isAllowedExternal(url)) return;
  shell.openExternal(url).catch((err: unknown) => console.warn('[shell] openExternal failed', err));
}

function openWindow(): void {
  win = createMainWindow({
    savedState: stateStore?.load(),
    onStateChange: (state) => stateStore?.save(state),
  });
  win.on('closed', () => {
    win = null;
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({
        isMac: process.platform === 'darwin',
        devTools: !app.isPackaged,
        openExternal,
      }),
    ),
  );
  // Any web contents created later (devtools aside) gets the same no-popup/no-webview rules.
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  const dataDir = defaultDataDir();
  const secretBox = electronSecretBox(safeStorage, dataDir, (msg) => console.warn(`[secrets] ${msg}`));
  // Demo data ships as extraResources in the installers, beside the project in development.
  const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
  const handle = await createCore({ dataDir, secretBox, shell: 'electron', version: app.getVersion(), resourcesDir, runSchedules: true });
  core = handle;
  listener = await startCallbackListener();
  handle.setListenerBase(listener.url);
  mountCallbacks(listener, handle.services.callbacks);
  // The demo enterprise of an earlier launch gets its built-in simulator back.
  await handle.services.demo.resume().catch((err: unknown) => console.warn('[demo] 演示企业无法恢复 / demo could not resume', err));
  registerIpc(ipcMain, handle, () => win);

  stateStore = await openWindowStateStore().catch((err: unknown) => {
    console.warn('[window] 窗口位置无法保存 / window state store unavailable', err);
    return null;
  });
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another console is running: it gets focused (second-instance below) and this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => focusWindow(win));
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !core) return;
    event.preventDefault();
    closed = true;
    const timeout = new Promise((resolve) => setTimeout(resolve, 5000));
    Promise.race([Promise.all([listener?.close(), core.close()]), timeout])
      .catch((err: unknown) => console.error('[core] close failed', err))
      .finally(() => app.quit());
  });

  start().catch((err: unknown) => {
    console.error('[main] startup failed', err);
    dialog.showErrorBox('WeCom Bridge 无法启动 / failed to start', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });
}
