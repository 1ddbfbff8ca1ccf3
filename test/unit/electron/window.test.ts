// The main window's security settings and guards, with a fake `electron` (the binary is not here).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (...args: any[]) => any;

const h = vi.hoisted(() => {
  const state = {
    windows: [] as any[],
    openExternal: null as any,
  };
  class FakeWindow {
    options: any;
    handlers: Record<string, Handler[]> = {};
    maximized = false;
    shown = false;
    loaded: { kind: 'url' | 'file'; target: string } | null = null;
    webContents: any;
    constructor(options: any) {
      this.options = options;
      const contentsHandlers: Record<string, Handler> = {};
      const session = {
        headersHandler: null as Handler | null,
        requestHandler: null as Handler | null,
        checkHandler: null as Handler | null,
        webRequest: { onHeadersReceived: (fn: Handler) => (session.headersHandler = fn) },
        setPermissionRequestHandler: (fn: Handler) => (session.requestHandler = fn),
        setPermissionCheckHandler: (fn: Handler) => (session.checkHandler = fn),
      };
      this.webContents = {
        session,
        handlers: contentsHandlers,
        openHandler: null as Handler | null,
        setWindowOpenHandler(fn: Handler) {
          this.openHandler = fn;
        },
        on(name: string, fn: Handler) {
          contentsHandlers[name] = fn;
        },
      };
      state.windows.push(this);
    }
    on(name: string, fn: Handler) {
      (this.handlers[name] ??= []).push(fn);
    }
    once(name: string, fn: Handler) {
      this.on(name, fn);
    }
    emit(name: string) {
      for (const fn of this.handlers[name] ?? []) fn();
    }
    loadURL(url: string) {
      this.loaded = { kind: 'url', target: url };
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.loaded = { kind: 'file', target: file };
      return Promise.resolve();
    }
    maximize() {
      this.maximized = true;
    }
    isMaximized() {
      return this.maximized;
    }
    show() {
      this.shown = true;
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1300, height: 900 };
    }
  }
  return { state, FakeWindow };
});

vi.mock('electron', () => {
  h.state.openExternal = vi.fn(() => Promise.resolve());
  return {
    BrowserWindow: h.FakeWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    shell: { openExternal: (...a: unknown[]) => h.state.openExternal(...a) },
  };
});

import {
  buildCsp,
  createMainWindow,
  isAllowedExternal,
  isAllowedNavigation,
  isPermissionAllowed,
  windowOptions,
} from '../../../main/electron/window';

const DEV_URL = 'http://localhost:5173/';

function lastWindow() {
  return h.state.windows[h.state.windows.length - 1];
}

function navEvent() {
  return { preventDefault: vi.fn() };
}

beforeEach(() => {
  h.state.windows.length = 0;
  h.state.openExternal.mockClear();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('window options', () => {
  it('isolates the renderer: contextIsolation and sandbox on, node integration off', () => {
    const o = windowOptions('/x/preload/index.js', { width: 1200, height: 800, maximized: false });
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/x/preload/index.js',
    });
    expect(o.show).toBe(false);
  });

  it('createMainWindow builds the window with those options and the bundled preload', () => {
    createMainWindow({ savedState: undefined, rendererUrl: DEV_URL });
    const win = lastWindow();
    expect(win.options.webPreferences.contextIsolation).toBe(true);
    expect(win.options.webPreferences.sandbox).toBe(true);
    expect(win.options.webPreferences.nodeIntegration).toBe(false);
    expect(win.options.webPreferences.preload.replace(/\\/g, '/')).toMatch(/\/preload\/index\.js$/);
  });

  it('loads the dev server URL when ELECTRON_RENDERER_URL is set, else the built index.html', () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', DEV_URL);
    createMainWindow({ savedState: undefined });
    expect(lastWindow().loaded).toEqual({ kind: 'url', target: DEV_URL });

    vi.stubEnv('ELECTRON_RENDERER_URL', '');
    createMainWindow({ savedState: undefined, indexHtml: '/app/out/renderer/index.html' });
    expect(lastWindow().loaded).toEqual({ kind: 'file', target: '/app/out/renderer/index.html' });
  });

  it('restores saved bounds, maximizes on ready-to-show and saves bounds on close', () => {
    const onStateChange = vi.fn();
    createMainWindow({ savedState: { x: 100, y: 80, width: 1400, height: 900, maximized: true }, rendererUrl: DEV_URL, onStateChange });
    const win = lastWindow();
    expect(win.options).toMatchObject({ x: 100, y: 80, width: 1400, height: 900 });
    win.emit('ready-to-show');
    expect(win.maximized && win.shown).toBe(true);
    win.emit('close');
    expect(onStateChange).toHaveBeenCalledWith({ x: 10, y: 20, width: 1300, height: 900, maximized: true });
  });
});

describe('navigation', () => {
  it('isAllowedNavigation: same origin (dev) or the same index.html (file)', () => {
    expect(isAllowedNavigation('http://localhost:5173/#/corps', DEV_URL)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', DEV_URL)).toBe(false);
    expect(isAllowedNavigation('https://work.weixin.qq.com/', DEV_URL)).toBe(false);
    const file = 'file:///app/out/renderer/index.html';
    expect(isAllowedNavigation('file:///app/out/renderer/index.html#/jobs', file)).toBe(true);
    expect(isAllowedNavigation('file:///etc/passwd', file)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', file)).toBe(false);
    expect(isAllowedNavigation('not a url', DEV_URL)).toBe(false);
  });

  it('will-navigate away from the app is blocked; allow-listed sites open in the system browser', () => {
    createMainWindow({ savedState: undefined, rendererUrl: DEV_URL });
    const nav = lastWindow().webContents.handlers['will-navigate'];

    const inside = navEvent();
    nav(inside, 'http://localhost:5173/other');
    expect(inside.preventDefault).not.toHaveBeenCalled();

    const evil = navEvent();
    nav(evil, 'https://evil.example/phish');
    expect(evil.preventDefault).toHaveBeenCalled();
    expect(h.state.openExternal).not.toHaveBeenCalled();

    const admin = navEvent();
    nav(admin, 'https://work.weixin.qq.com/wework_admin/frame');
    expect(admin.preventDefault).toHaveBeenCalled();
    expect(h.state.openExternal).toHaveBeenCalledWith('https://work.weixin.qq.com/wework_admin/frame');
  });

  it('redirects and webviews are guarded too', () => {
    createMainWindow({ savedState: undefined, rendererUrl: DEV_URL });
    const { handlers } = lastWindow().webContents;
    const redirect = navEvent();
    handlers['will-redirect'](redirect, 'https://evil.example/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = navEvent();
    handlers['will-attach-webview'](webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});

describe('new windows', () => {
  it('isAllowedExternal: only http(s) on the allow-listed origins', () => {
    expect(isAllowedExternal('https://work.weixin.qq.com/wework_admin/frame')).toBe(true);
    expect(isAllowedExternal('https://developer.work.weixin.qq.com/document/path/90664')).toBe(true);
    expect(isAllowedExternal('https://work.weixin.qq.com.evil.example/')).toBe(false);
    expect(isAllowedExternal('https://evil.example/?u=https://work.weixin.qq.com')).toBe(false);
    expect(isAllowedExternal('https://user:pw@work.weixin.qq.com/')).toBe(false);
    expect(isAllowedExternal('http://work.weixin.qq.com/')).toBe(false); // not the https origin
    expect(isAllowedExternal('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternal('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternal('smb://work.weixin.qq.com/share')).toBe(false);
    expect(isAllowedExternal('')).toBe(false);
  });

  it('every window.open is denied; allow-listed URLs go to the system browser instead', () => {
    createMainWindow({ savedState: undefined, rendererUrl: DEV_URL });
    const open = lastWindow().webContents.openHandler as Handler;
    expect(open({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://localhost:5173/popup' })).toEqual({ action: 'deny' });
    expect(h.state.openExternal).not.toHaveBeenCalled();
    expect(open({ url: 'https://developer.work.weixin.qq.com/document/' })).toEqual({ action: 'deny' });
    expect(h.state.openExternal).toHaveBeenCalledTimes(1);
    expect(h.state.openExternal).toHaveBeenCalledWith('https://developer.work.weixin.qq.com/document/');
  });
});

describe('content security policy', () => {
  it('buildCsp is strict', () => {
    const csp = buildCsp();
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/\*/);
  });

  it('is set on every response, replacing any CSP header the server sent', () => {
    createMainWindow({ savedState: undefined, rendererUrl: DEV_URL });
    const { session } = lastWindow().webContents;
    const callback = vi.fn();
    session.headersHandler(
      { responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } },
      callback,
    );
    const headers = callback.mock.calls[0][0].responseHeaders;
    expect(headers['Content-Security-Policy']).toEqual([buildCsp()]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
  });
});

describe('permissions', () => {
  it('denies web permissions (only sanitized clipboard write, for the copy buttons)', () => {
    createMainWindow({ savedState: undefined, rendererUrl: DEV_URL });
    const { session } = lastWindow().webContents;
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'unknown']) {
      const cb = vi.fn();
      session.requestHandler({}, p, cb, {});
      expect(cb, p).toHaveBeenCalledWith(false);
      expect(session.checkHandler({}, p, 'http://localhost:5173', {}), p).toBe(false);
    }
    const cb = vi.fn();
    session.requestHandler({}, 'clipboard-sanitized-write', cb, {});
    expect(cb).toHaveBeenCalledWith(true);
    expect(isPermissionAllowed('clipboard-sanitized-write')).toBe(true);
  });
});
