// The preload: window.bridge = { invoke, on } and nothing more, refusing names outside the contract.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeApi } from '../../../main/api/bridge-api';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

const h = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>(),
  invoke: null as any,
}));

vi.mock('electron', () => {
  h.invoke = vi.fn(async () => ({ ok: true, value: [] }));
  return {
    contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => h.exposed.set(key, api)) },
    ipcRenderer: {
      invoke: (...a: unknown[]) => h.invoke(...a),
      on: (channel: string, fn: IpcListener) => {
        const set = h.listeners.get(channel) ?? new Set();
        set.add(fn);
        h.listeners.set(channel, set);
      },
      removeListener: (channel: string, fn: IpcListener) => h.listeners.get(channel)?.delete(fn),
      send: vi.fn(),
      sendSync: vi.fn(),
    },
  };
});

function fromMain(...args: unknown[]) {
  for (const fn of h.listeners.get('bridge:event') ?? []) fn({}, ...args);
}

let bridge: BridgeApi;
beforeAll(async () => {
  await import('../../../preload/index');
  bridge = h.exposed.get('bridge') as BridgeApi;
});
beforeEach(() => {
  h.invoke.mockClear();
});

describe('preload', () => {
  it('exposes exactly { invoke, on } as window.bridge and nothing else', () => {
    expect([...h.exposed.keys()]).toEqual(['bridge']);
    expect(Object.keys(bridge as object).sort()).toEqual(['invoke', 'on']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.on).toBe('function');
  });

  it('listens only on bridge:event', () => {
    expect([...h.listeners.keys()]).toEqual(['bridge:event']);
  });

  it('invoke forwards contract methods on bridge:invoke', async () => {
    const res = await bridge.invoke('corps.list', {});
    expect(h.invoke).toHaveBeenCalledWith('bridge:invoke', 'corps.list', {});
    expect(res).toEqual({ ok: true, value: [] });
  });

  it.each(['__proto__', 'constructor', 'nope', 'toString', 'bridge:invoke', 42])('invoke refuses %s without touching IPC', async (name) => {
    const res = await (bridge.invoke as (m: unknown, i: unknown) => Promise<unknown>)(name, {});
    expect(res).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(h.invoke).not.toHaveBeenCalled();
  });

  it('invoke turns an IPC failure into an error value', async () => {
    h.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    await expect(bridge.invoke('corps.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'ipc_failed' } });
  });

  it('on accepts only event names', () => {
    const on = bridge.on as (n: unknown, cb: unknown) => unknown;
    for (const name of ['bogus', '__proto__', 'constructor', 'corps.list', 7]) {
      expect(() => on(name, () => {}), String(name)).toThrow(TypeError);
    }
    expect(() => on('job.progress', 'not a function')).toThrow(TypeError);
  });

  it('on delivers only its event, and the returned function unsubscribes', () => {
    const progress = vi.fn();
    const changed = vi.fn();
    const off = bridge.on('job.progress', progress);
    const offChanged = bridge.on('corps.changed', changed);
    const payload = { jobId: 'j1', kind: 'pull', phase: 'users', done: 1, total: 2 };
    fromMain('job.progress', payload);
    fromMain('bogus', { x: 1 });
    fromMain('__proto__', {});
    expect(progress).toHaveBeenCalledExactlyOnceWith(payload);
    expect(changed).not.toHaveBeenCalled();
    off();
    fromMain('job.progress', payload);
    expect(progress).toHaveBeenCalledTimes(1);
    offChanged();
  });

  it('a throwing subscriber does not stop the others', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const good = vi.fn();
    const off1 = bridge.on('corps.changed', () => {
      throw new Error('bad subscriber');
    });
    const off2 = bridge.on('corps.changed', good);
    fromMain('corps.changed', { corpId: 'c1' });
    expect(good).toHaveBeenCalledWith({ corpId: 'c1' });
    off1();
    off2();
    spy.mockRestore();
  });

  it('is typed against the contract (checked by tsc)', () => {
    const typed = (b: BridgeApi) => {
      // @ts-expect-error not a contract method
      void b.invoke('nope', {});
      // @ts-expect-error wrong input for corps.get
      void b.invoke('corps.get', { corpId: 1 });
      // @ts-expect-error not an event name
      b.on('nope', () => {});
      b.on('job.progress', (p) => p.done satisfies number);
    };
    expect(typed).toBeTypeOf('function');
  });
});
