import { createStore } from 'zustand/vanilla';
import type { In, Out } from '../../../main/api/contract';
import type { CallbackCounters, CallbackKind, CallbackLogEntry, CallbackSettingsView, ReplyRuleView } from '../../../main/api/callback-contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';

export type CallbackOverview = Out<'callbacks.overview'>;

const LOG_SIZE = 500;

/** 【回调设置】 (F6): one corp's callback settings, its apps' reply rules and the live callback log. */
export interface CallbacksState {
  corpId: string | null;
  overview: CallbackOverview | null;
  loading: boolean;
  error: ApiError | null;
  rulesByApp: Record<string, ReplyRuleView[]>;
  log: CallbackLogEntry[];
  counters: CallbackCounters | null;
  paused: boolean;

  load(corpId: string): Promise<void>;
  regenerate(kind: CallbackKind, id: string): Promise<CallbackSettingsView>;
  setReplies(appId: string, on: boolean): Promise<void>;
  loadRules(appId: string): Promise<void>;
  addRule(input: In<'replyRules.add'>): Promise<ReplyRuleView>;
  updateRule(input: In<'replyRules.update'>): Promise<ReplyRuleView>;
  removeRules(appId: string, ids: string[]): Promise<void>;
  loadLog(): Promise<void>;
  setPaused(paused: boolean): void;
  /** Follows `callback.log` events (newest first); returns the unsubscribe. */
  watchLog(): () => void;
}

export type CallbacksStore = ReturnType<typeof createCallbacksStore>;

export function createCallbacksStore(client: ApiClient) {
  return createStore<CallbacksState>()((set, get) => {
    const putSettings = (v: CallbackSettingsView) =>
      set((s) => {
        const o = s.overview;
        if (!o || o.contacts.corpId !== v.corpId) return {};
        if (v.kind === 'contacts') return { overview: { ...o, contacts: v } };
        if (v.kind === 'customer') return { overview: { ...o, customer: v } };
        return { overview: { ...o, apps: o.apps.map((a) => (a.appId === v.refId ? { ...a, settings: v } : a)) } };
      });
    const putRules = (appId: string, rules: ReplyRuleView[]) => set((s) => ({ rulesByApp: { ...s.rulesByApp, [appId]: rules } }));

    return {
      corpId: null,
      overview: null,
      loading: false,
      error: null,
      rulesByApp: {},
      log: [],
      counters: null,
      paused: false,

      async load(corpId) {
        set({ corpId, loading: true, error: null, overview: get().corpId === corpId ? get().overview : null });
        try {
          const overview = await client.call('callbacks.overview', { corpId });
          if (get().corpId !== corpId) return;
          set({ overview, loading: false });
          await Promise.all(overview.apps.map((a) => get().loadRules(a.appId)));
        } catch (e) {
          set({ loading: false, error: toApiError(e) });
        }
      },
      async regenerate(kind, id) {
        const v = await client.call('callbacks.set', { kind, id, regenerate: true });
        putSettings(v);
        return v;
      },
      async setReplies(appId, on) {
        putSettings(await client.call('callbacks.set', { kind: 'app', id: appId, replies: on }));
      },
      async loadRules(appId) {
        putRules(appId, await client.call('replyRules.list', { appId }));
      },
      async addRule(input) {
        const r = await client.call('replyRules.add', input);
        await get().loadRules(input.appId);
        return r;
      },
      async updateRule(input) {
        const r = await client.call('replyRules.update', input);
        await get().loadRules(r.appId);
        return r;
      },
      async removeRules(appId, ids) {
        await client.call('replyRules.remove', { ids });
        await get().loadRules(appId);
      },
      async loadLog() {
        const r = await client.call('callbacks.log', { limit: LOG_SIZE });
        set({ log: r.entries, counters: r.counters });
      },
      setPaused: (paused) => set({ paused }),
      watchLog() {
        let refresh: ReturnType<typeof setTimeout> | null = null;
        const off = client.subscribe('callback.log', (p) => {
          if (get().paused) return;
          const fresh = [...p.entries].reverse();
          set((s) => ({ log: [...fresh, ...s.log.filter((e) => e.seq < (fresh[fresh.length - 1]?.seq ?? Infinity))].slice(0, LOG_SIZE) }));
          // Counters come with a list call; refresh them at most twice a second while callbacks arrive.
          refresh ??= setTimeout(() => {
            refresh = null;
            void client.call('callbacks.log', { limit: 1 }).then((r) => set({ counters: r.counters }), () => undefined);
          }, 500);
        });
        return () => {
          off();
          if (refresh) clearTimeout(refresh);
        };
      },
    };
  });
}
