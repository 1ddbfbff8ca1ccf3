import { createStore } from 'zustand/vanilla';
import type { AddressAssessment, BasicsView } from '../../main/api/schemas';
import { toApiError, type ApiClient, type ApiError } from '../api';

/** 【基础参数设置】 (F0.1): the external address and the listener's own base. */
export interface BasicsState {
  view: BasicsView | null;
  loaded: boolean;
  error: ApiError | null;
  load(): Promise<void>;
  assess(url: string): Promise<AddressAssessment>;
  setAddress(url: string | null, force: boolean): Promise<BasicsView>;
}

export type BasicsStore = ReturnType<typeof createBasicsStore>;

export function createBasicsStore(client: ApiClient) {
  return createStore<BasicsState>()((set) => ({
    view: null,
    loaded: false,
    error: null,
    async load() {
      try {
        const view = await client.call('basics.get', {});
        set({ view, loaded: true, error: null });
      } catch (e) {
        set({ loaded: true, error: toApiError(e) });
      }
    },
    assess: (url) => client.call('basics.assessAddress', { url }),
    async setAddress(url, force) {
      const view = await client.call('basics.setAddress', { url, force });
      set({ view, error: null });
      return view;
    },
  }));
}
