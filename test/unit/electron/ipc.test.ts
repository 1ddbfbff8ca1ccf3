// The IPC binding: only our window, only contract methods, errors as values, only known events.
import { beforeEach, describe, expect, it, vi } from 'vitest';

// ipc.ts needs only types from electron; the mock makes sure nothing here can reach the real module.
vi.mock('electron', () => ({}));

import { registerIpc } from '../../../main/electron/ipc';
import type { Result } from '../../../main/api/contract';
import type { CoreHandle, EventListener } from '../../../main/core/types';

type Handler = (event: unknown, method: unknown, input: unknown) => Promise<Result<unknown>>;

function fakeCore() {
  const listeners = new Set<EventListener>();
  const core = {
    dispatch: vi.fn(async (method: string, input: unknown): Promise<Result<unknown>> => ({ ok: true, value: { method, input } })),
    onEvent: vi.fn((l: EventListener) => {
      listeners.add(l);
      return () => listeners.delete(l);
    }),
    close: vi.fn(async () => {}),
    emit(name: string, payload: unknown) {
      for (const l of listeners) (l as (n: string, p: unknown) => void)(name, payload);
    },
    listeners,
  };
  return core satisfies CoreHandle;
}

function fakeWindow() {
  const webContents = { send: vi.fn(), isDestroyed: vi.fn(() => false) };
  return { webContents, destroyed: false, isDestroyed() { return this.destroyed; } };
}

function setup() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((channel: string, fn: Handler) => void handlers.set(channel, fn)),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };
  const core = fakeCore();
  let win: ReturnType<typeof fakeWindow> | null = fakeWindow();
  const dispose = registerIpc(ipcMain as any, core, () => win as any);
  const invoke = handlers.get('bridge:invoke')!;
  const fromApp = () => ({ sender: win!.webContents, senderFrame: { parent: null } });
  return {
    core, ipcMain, handlers, invoke, fromApp, dispose,
    get win() { return win!; },
    setWindow(w: ReturnType<typeof fakeWindow> | null) { win = w; },
  };
}

let t: ReturnType<typeof setup>;
beforeEach(() => {
  t = setup();
});

describe('bridge:invoke', () => {
  it('registers exactly one handler, on bridge:invoke', () => {
    expect(t.ipcMain.handle).toHaveBeenCalledTimes(1);
    expect([...t.handlers.keys()]).toEqual(['bridge:invoke']);
  });

  it('a valid call from our window reaches core.dispatch and returns its result', async () => {
    const res = await t.invoke(t.fromApp(), 'corps.list', {});
    expect(t.core.dispatch).toHaveBeenCalledWith('corps.list', {});
    expect(res).toEqual({ ok: true, value: { method: 'corps.list', input: {} } });
  });

  it('passes dispatch error results through unchanged', async () => {
    const err: Result<unknown> = { ok: false, error: { code: 'invalid_input', message: 'corpId 必填' } };
    t.core.dispatch.mockResolvedValueOnce(err);
    expect(await t.invoke(t.fromApp(), 'corps.get', {})).toEqual(err);
  });

  it('refuses senders other than our window', async () => {
    const other = { sender: { send: vi.fn() }, senderFrame: { parent: null } };
    const res = await t.invoke(other, 'corps.list', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.core.dispatch).not.toHaveBeenCalled();
  });

  it('refuses subframes of our window, a destroyed window and a missing window', async () => {
    const sub = { sender: t.win.webContents, senderFrame: { parent: {} } };
    expect(await t.invoke(sub, 'corps.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const event = t.fromApp();
    t.win.destroyed = true;
    expect(await t.invoke(event, 'corps.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    t.setWindow(null);
    expect(await t.invoke(event, 'corps.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.core.dispatch).not.toHaveBeenCalled();
  });

  it.each(['__proto__', 'constructor', 'nope', 'toString', 'hasOwnProperty', '', 'corps.list ', 42, null, undefined, { toString: () => 'corps.list' }])(
    'refuses the non-contract method %s',
    async (method) => {
      const res = await t.invoke(t.fromApp(), method, {});
      expect(res).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      expect(t.core.dispatch).not.toHaveBeenCalled();
    },
  );

  it('never throws: a dispatch that throws becomes an error value', async () => {
    t.core.dispatch.mockRejectedValueOnce(new Error('boom'));
    await expect(t.invoke(t.fromApp(), 'corps.list', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'boom' },
    });
  });
});

describe('events', () => {
  it('forwards contract events to our window on bridge:event', () => {
    const payload = { jobId: 'j1', kind: 'pull', phase: 'users', done: 3, total: 10 };
    t.core.emit('job.progress', payload);
    expect(t.win.webContents.send).toHaveBeenCalledWith('bridge:event', 'job.progress', payload);
  });

  it('drops names that are not events', () => {
    for (const name of ['bogus', '__proto__', 'constructor', 'corps.list']) t.core.emit(name, {});
    expect(t.win.webContents.send).not.toHaveBeenCalled();
  });

  it('does not send to a closed window', () => {
    t.win.webContents.isDestroyed.mockReturnValue(true);
    t.core.emit('corps.changed', { corpId: null });
    expect(t.win.webContents.send).not.toHaveBeenCalled();
    t.setWindow(null);
    expect(() => t.core.emit('corps.changed', { corpId: null })).not.toThrow();
  });

  it('dispose removes the handler and unsubscribes from the core', () => {
    t.dispose();
    expect(t.ipcMain.removeHandler).toHaveBeenCalledWith('bridge:invoke');
    expect(t.core.listeners.size).toBe(0);
  });
});
