import { createStore } from 'zustand/vanilla';
import type { In, Out } from '../../main/api/contract';
import type { AppView, CorpView, WeComCheck } from '../../main/api/schemas';
import { toApiError, type ApiClient, type ApiError } from '../api';

/** Corps and their apps (F1, F2): one area, since the apps screen lives under its corp. */
export interface CorpsState {
  corps: CorpView[];
  loaded: boolean;
  loading: boolean;
  error: ApiError | null;
  appsByCorp: Record<string, AppView[]>;
  appsError: Record<string, ApiError | null>;
  /** 体验演示企业: offered while nothing is configured. */
  demo: Out<'demo.status'> | null;

  load(): Promise<void>;
  loadDemo(): Promise<void>;
  /** Creates (or restarts) the demo enterprise; resolves with its corp id. */
  startDemo(): Promise<string>;
  /** Follows `corps.changed` (another window, the CLI) and re-reads the list; returns the unsubscribe. */
  watch(): () => void;
  create(input: In<'corps.create'>): Promise<CorpView>;
  update(input: In<'corps.update'>): Promise<CorpView>;
  remove(corpId: string): Promise<void>;
  test(corpId: string, secret: 'contact' | 'customer'): Promise<WeComCheck>;

  loadApps(corpId: string): Promise<void>;
  createApp(input: In<'apps.create'>): Promise<AppView>;
  updateApp(input: In<'apps.update'>): Promise<AppView>;
  removeApp(app: AppView): Promise<void>;
  /** gettoken + agent/get; the app's stored validation and egress IP are refreshed afterwards. */
  validateApp(app: AppView): Promise<WeComCheck>;
}

export type CorpsStore = ReturnType<typeof createCorpsStore>;

export function createCorpsStore(client: ApiClient) {
  return createStore<CorpsState>()((set, get) => {
    const putCorp = (corp: CorpView) =>
      set((s) => {
        const exists = s.corps.some((c) => c.id === corp.id);
        return { corps: exists ? s.corps.map((c) => (c.id === corp.id ? corp : c)) : [...s.corps, corp] };
      });
    const putApp = (app: AppView) =>
      set((s) => {
        const list = s.appsByCorp[app.corpId] ?? [];
        const next = list.some((a) => a.id === app.id) ? list.map((a) => (a.id === app.id ? app : a)) : [...list, app];
        return { appsByCorp: { ...s.appsByCorp, [app.corpId]: next } };
      });

    return {
      corps: [],
      loaded: false,
      loading: false,
      error: null,
      appsByCorp: {},
      appsError: {},
      demo: null,

      async loadDemo() {
        try {
          set({ demo: await client.call('demo.status', {}) });
        } catch {
          set({ demo: null });
        }
      },
      async startDemo() {
        const { corpId } = await client.call('demo.start', {});
        await get().load();
        await get().loadDemo();
        return corpId;
      },

      async load() {
        set({ loading: true });
        try {
          const corps = await client.call('corps.list', {});
          set({ corps, loaded: true, loading: false, error: null });
        } catch (e) {
          set({ loading: false, loaded: true, error: toApiError(e) });
        }
      },
      watch() {
        let timer: ReturnType<typeof setTimeout> | null = null;
        const off = client.subscribe('corps.changed', () => {
          // Several changes in a burst (an import, a script) cost one reload.
          if (timer) clearTimeout(timer);
          timer = setTimeout(() => {
            timer = null;
            if (get().loaded) void get().load();
          }, 200);
        });
        return () => {
          if (timer) clearTimeout(timer);
          off();
        };
      },
      async create(input) {
        const corp = await client.call('corps.create', input);
        putCorp(corp);
        return corp;
      },
      async update(input) {
        const corp = await client.call('corps.update', input);
        putCorp(corp);
        return corp;
      },
      async remove(corpId) {
        await client.call('corps.remove', { corpId });
        set((s) => {
          const { [corpId]: _gone, ...appsByCorp } = s.appsByCorp;
          return { corps: s.corps.filter((c) => c.id !== corpId), appsByCorp };
        });
      },
      async test(corpId, secret) {
        const check = await client.call('corps.test', { corpId, secret });
        // The egress IP seen by WeCom is stored on the corp; re-read it quietly.
        client.call('corps.get', { corpId }).then(putCorp, () => undefined);
        return check;
      },

      async loadApps(corpId) {
        try {
          const apps = await client.call('apps.list', { corpId });
          set((s) => ({ appsByCorp: { ...s.appsByCorp, [corpId]: apps }, appsError: { ...s.appsError, [corpId]: null } }));
        } catch (e) {
          set((s) => ({ appsError: { ...s.appsError, [corpId]: toApiError(e) } }));
        }
      },
      async createApp(input) {
        const app = await client.call('apps.create', input);
        putApp(app);
        return app;
      },
      async updateApp(input) {
        const app = await client.call('apps.update', input);
        putApp(app);
        return app;
      },
      async removeApp(app) {
        await client.call('apps.remove', { appId: app.id });
        set((s) => ({
          appsByCorp: { ...s.appsByCorp, [app.corpId]: (s.appsByCorp[app.corpId] ?? []).filter((a) => a.id !== app.id) },
        }));
      },
      async validateApp(app) {
        const check = await client.call('apps.validate', { appId: app.id });
        try {
          putApp(await client.call('apps.get', { appId: app.id }));
        } catch {
          // The check itself is what the admin asked for; a failed refresh only leaves the row stale.
        }
        return check;
      },
    };
  });
}
