// The main window and everything that keeps its web content in its box: sandboxed renderer, strict
// CSP, no navigation away from the app, no new windows, no web permissions. The decisions are pure
// functions (exported for tests); createMainWindow only wires them to Electron.
import { BrowserWindow, screen, shell, type Session, type WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fitToDisplays, MIN_SIZE, type WindowState } from './window-state';

/** Sites the app may open in the system browser (never inside the app). */
export const EXTERNAL_ORIGINS: readonly string[] = [
  'https://work.weixin.qq.com', // 企业微信管理后台
  'https://developer.work.weixin.qq.com', // 开发者文档
];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * May the window navigate to `url`? Only within the app itself: the same origin as the dev server,
 * or, for the packaged app (file://), the same index.html (routing happens in the hash).
 */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  const target = parse(url);
  const app = parse(appUrl);
  if (!target || !app) return false;
  if (app.protocol === 'file:') return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname;
  if (app.protocol === 'http:' || app.protocol === 'https:') return target.origin === app.origin;
  return false;
}

/** May `url` be handed to the system browser? Only http(s) on the allow-listed origins, no credentials. */
export function isAllowedExternal(url: string): boolean {
  const u = parse(url);
  if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:')) return false;
  if (u.username || u.password) return false;
  return EXTERNAL_ORIGINS.includes(u.origin);
}

/** Kept in step with the <meta> CSP in renderer/index.html (both apply; the stricter wins). */
export function buildCsp(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'", // antd (CSS-in-JS) injects <style> at runtime
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Web permissions the page may have. Only sanitized clipboard *write* (the copy buttons next to
 * callback URLs, tokens…); camera, notifications, geolocation, clipboard read etc. are refused.
 */
export function isPermissionAllowed(permission: string): boolean {
  return permission === 'clipboard-sanitized-write';
}

export function windowOptions(preloadPath: string, state: WindowState): Electron.BrowserWindowConstructorOptions {
  return {
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false, // shown on ready-to-show, so there is no white flash
    title: 'WeCom Bridge 企业微信集成',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** Session-wide: our CSP on every response, and the permission policy above. */
export function hardenSession(session: Session): void {
  const csp = buildCsp();
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(details.responseHeaders ?? {})) {
      if (k.toLowerCase() !== 'content-security-policy') headers[k] = v;
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionAllowed(permission)));
  session.setPermissionCheckHandler((_wc, permission) => isPermissionAllowed(permission));
}

function openIfAllowed(url: string): void {
  if (isAllowedExternal(url)) {
    shell.openExternal(url).catch((err: unknown) => console.warn('[window] openExternal failed', err));
  }
}

/** Per web contents: stay on the app, never open windows (allow-listed links go to the browser). */
export function guardWebContents(contents: WebContents, appUrl: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
  const stayHome = (event: Electron.Event, url: string) => {
    if (isAllowedNavigation(url, appUrl)) return;
    event.preventDefault();
    openIfAllowed(url);
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export interface MainWindowOptions {
  /** Saved bounds (anything; validated against the current displays). */
  savedState: unknown;
  onStateChange?(state: WindowState): void;
  /** Defaults: the bundled preload and renderer next to out/main. */
  preloadPath?: string;
  rendererUrl?: string | undefined;
  indexHtml?: string;
}

/** Where the window loads from: the dev server under `electron-vite dev`, else the built index.html. */
export function rendererLocation(rendererUrl: string | undefined, indexHtml: string): { appUrl: string; kind: 'url' | 'file' } {
  if (rendererUrl) return { appUrl: rendererUrl, kind: 'url' };
  return { appUrl: pathToFileURL(indexHtml).href, kind: 'file' };
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const preloadPath = opts.preloadPath ?? join(__dirname, '../preload/index.js');
  const indexHtml = opts.indexHtml ?? join(__dirname, '../renderer/index.html');
  const state = fitToDisplays(
    opts.savedState,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow(windowOptions(preloadPath, state));
  hardenSession(win.webContents.session);

  const where = rendererLocation(opts.rendererUrl ?? process.env.ELECTRON_RENDERER_URL, indexHtml);
  guardWebContents(win.webContents, where.appUrl);

  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    opts.onStateChange?.({ ...win.getNormalBounds(), maximized: win.isMaximized() });
  });

  const loading = where.kind === 'url' ? win.loadURL(where.appUrl) : win.loadFile(indexHtml);
  loading.catch((err: unknown) => console.error('[window] 界面加载失败 / failed to load the UI', err));
  return win;
}

/** Bring the existing window to the front (second instance, dock click). */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
