// Shared by the renderer tests: a fake API client (no transport) and a way to render the whole app on it.
import { render } from '@testing-library/react';
import type { In, Method, Out } from '../../../main/api/contract';
import type { EventName, EventPayload } from '../../../main/api/events';
import type { AppView, BasicsView, CorpView } from '../../../main/api/schemas';
import { ApiError, type ApiClient } from '../../../renderer/api';
import { useLangStore } from '../../../renderer/i18n';
import { App } from '../../../renderer/src/App';
import { createAppStores } from '../../../renderer/stores';

export type Handlers = Partial<{ [M in Method]: (input: In<M>) => Out<M> | Promise<Out<M>> }>;

export interface FakeClient extends ApiClient {
  calls: { method: Method; input: unknown }[];
  callsOf<M extends Method>(method: M): In<M>[];
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

export function fakeClient(handlers: Handlers): FakeClient {
  const calls: { method: Method; input: unknown }[] = [];
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  return {
    calls,
    callsOf: <M extends Method>(method: M) => calls.filter((c) => c.method === method).map((c) => c.input as In<M>),
    async call<M extends Method>(method: M, input: In<M>): Promise<Out<M>> {
      calls.push({ method, input });
      const h = handlers[method] as ((i: In<M>) => Out<M> | Promise<Out<M>>) | undefined;
      if (!h) throw new ApiError({ code: 'not_implemented', message: `fake: ${method}` });
      return h(input);
    },
    subscribe(name, cb) {
      const set = listeners.get(name) ?? new Set();
      set.add(cb as (p: unknown) => void);
      listeners.set(name, set);
      return () => set.delete(cb as (p: unknown) => void);
    },
    emit(name, payload) {
      listeners.get(name)?.forEach((cb) => cb(payload));
    },
  };
}

export const now = '2025-07-15T08:00:00.000Z';

export function corp(over: Partial<CorpView> = {}): CorpView {
  return {
    id: 'c1',
    name: '演示企业',
    corpid: 'ww0123456789abcdef',
    kind: 'public',
    apiBase: 'https://qyapi.weixin.qq.com',
    apiPrefix: '/cgi-bin',
    proxyUrl: null,
    caPem: null,
    hasContactSecret: true,
    hasCustomerSecret: false,
    contactEgressIp: null,
    createdAt: now,
    updatedAt: now,
    ...over,
  };
}

export function app(over: Partial<AppView> = {}): AppView {
  return {
    id: 'a1',
    corpId: 'c1',
    name: 'OA 门户',
    agentid: 1000002,
    egressIp: null,
    validatedAt: null,
    validation: null,
    createdAt: now,
    updatedAt: now,
    ...over,
  };
}

export const basicsUnset: BasicsView = { externalAddress: null, listenerBase: 'http://127.0.0.1:8088', assessment: null };

/** Renders the whole app at a hash route, Chinese unless told otherwise. */
export function renderApp(client: ApiClient, hash = '#/corps', lang: 'zh-CN' | 'en-US' = 'zh-CN') {
  window.location.hash = hash;
  useLangStore.setState({ lang });
  const stores = createAppStores(client, { jobs: { pollMs: 10 } });
  return { stores, ...render(<App stores={stores} />) };
}
