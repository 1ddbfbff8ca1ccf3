// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BridgeApi } from '../../../main/api/bridge-api';
import { ApiError, clientOver, createClient } from '../../../renderer/api';
import { httpTransport } from '../../../renderer/api/http-transport';
import { takeToken } from '../../../renderer/api/token';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

class FakeEventSource {
  static last: FakeEventSource | null = null;
  listeners = new Map<string, Set<(ev: MessageEvent) => void>>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(name: string, cb: (ev: MessageEvent) => void) {
    this.listeners.set(name, (this.listeners.get(name) ?? new Set()).add(cb));
  }
  removeEventListener(name: string, cb: (ev: MessageEvent) => void) {
    this.listeners.get(name)?.delete(cb);
  }
  fire(name: string, data: string) {
    this.listeners.get(name)?.forEach((cb) => cb(new MessageEvent(name, { data })));
  }
}

describe('renderer API client', () => {
  afterEach(() => {
    sessionStorage.clear();
    delete window.bridge;
  });

  it('takes the token from the URL, keeps it for the tab and removes it from the address bar', () => {
    window.history.replaceState(null, '', '/?token=T0K&x=1#/basics');
    expect(takeToken()).toBe('T0K');
    expect(window.location.search).toBe('?x=1');
    expect(window.location.hash).toBe('#/basics');
    expect(sessionStorage.getItem('wecom-bridge.token')).toBe('T0K');
    window.history.replaceState(null, '', '/');
    expect(takeToken()).toBe('T0K'); // after a reload without the query
  });

  it('POSTs /rpc/<method> with the bearer token and unwraps Results', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => jsonResponse(200, { ok: true, value: [] }));
    const client = clientOver(httpTransport({ token: 'T', origin: 'http://127.0.0.1:9', fetch: fetch as never }));
    await expect(client.call('corps.list', {})).resolves.toEqual([]);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('http://127.0.0.1:9/rpc/corps.list');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer T');
    expect(init?.body).toBe('{}');
  });

  it('rethrows an error Result as ApiError with code and errcode; 401 becomes unauthorized', async () => {
    let next: Response = jsonResponse(200, { ok: false, error: { code: 'wecom', message: 'invalid corpid', errcode: 40013 } });
    const client = clientOver(httpTransport({ token: 'T', origin: 'http://h', fetch: (async () => next) as never }));
    const err = await client.call('corps.test', { corpId: 'c1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'wecom', errcode: 40013, message: 'invalid corpid' });

    next = new Response('nope', { status: 401 });
    await expect(client.call('corps.list', {})).rejects.toMatchObject({ code: 'unauthorized' });
    next = new Response('<html>', { status: 502 });
    await expect(client.call('corps.list', {})).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('subscribes to named SSE events on /events?token=', () => {
    const client = clientOver(
      httpTransport({ token: 'T', origin: 'http://h', fetch: (async () => jsonResponse(200, {})) as never, EventSource: FakeEventSource as never }),
    );
    const seen: unknown[] = [];
    const off = client.subscribe('job.progress', (p) => seen.push(p));
    expect(FakeEventSource.last?.url).toBe('http://h/events?token=T');
    FakeEventSource.last!.fire('job.progress', '{"jobId":"j","kind":"diag","phase":"dns","done":1,"total":5}');
    off();
    FakeEventSource.last!.fire('job.progress', '{"jobId":"j2"}');
    expect(seen).toEqual([{ jobId: 'j', kind: 'diag', phase: 'dns', done: 1, total: 5 }]);
  });

  it('uses window.bridge (IPC) when the preload exposed it', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: { version: '0.1.0' } }));
    window.bridge = { invoke, on: () => () => undefined } as unknown as BridgeApi;
    const { client, transport } = createClient(window);
    expect(transport).toBe('ipc');
    await expect(client.call('app.info', {})).resolves.toEqual({ version: '0.1.0' });
    expect(invoke).toHaveBeenCalledWith('app.info', {});
  });
});
