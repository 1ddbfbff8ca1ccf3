// 【通讯录同步】 data slice: per-corp settings (F4.1–F4.8), sync state, the mirror and OA pickers, bindings
// (F4.6) and history (F4.14). Screens read it through narrow selectors; every API call lives here.
import type { In, Out } from '../../main/api/contract';
import { SETTING_KEYS, type SettingKey, type SyncSettings } from '../../main/sync/settings-schema';
import { isApiError, toApiError, type ApiClient, type ApiError } from '../api';
import type { ContactsState } from './contacts';

export type SyncStateView = Out<'sync.state'>;
export type MirrorDept = Out<'mirror.depts'>[number];
export type MirrorUsersPage = Out<'mirror.users'>;
export type OaUsersPage = Out<'oa.users'>;
export type OaDept = Out<'oa.depts'>[number];
export type Binding = Out<'bindings.list'>[number];
export type BindImportReport = Out<'bindings.import'>;
export type HistoryEntry = Out<'history.list'>[number];
export type OaSummary = Out<'oa.summary'>;
export type EditPlan = Out<'contacts.editPlan'>;

/** What a save returns: the keys that failed, each with the message to show on its field. */
export interface SaveOutcome {
  saved: SettingKey[];
  errors: Partial<Record<SettingKey, string>>;
}

export interface ContactsDataSlice {
  settings: Record<string, SyncSettings>;
  settingsError: Record<string, ApiError | null>;
  syncState: Record<string, SyncStateView>;
  mirrorDepts: Record<string, MirrorDept[]>;
  oaDepts: OaDept[] | null;
  oaSummary: OaSummary | null;
  bindings: Record<string, Binding[]>;
  history: Record<string, HistoryEntry[]>;

  loadSettings(corpId: string): Promise<void>;
  /** Saves the changed keys one by one in the schema's order (so 「新用户是否添加」 lands before 「邀请」). */
  saveSettings(corpId: string, patch: Partial<SyncSettings>): Promise<SaveOutcome>;
  loadState(corpId: string): Promise<void>;
  loadMirrorDepts(corpId: string): Promise<void>;
  mirrorUsers(input: In<'mirror.users'>): Promise<MirrorUsersPage>;
  loadOaDepts(): Promise<void>;
  loadOaSummary(): Promise<void>;
  oaUsers(input: In<'oa.users'>): Promise<OaUsersPage>;
  loadBindings(corpId: string): Promise<void>;
  bind(corpId: string, userid: string, oaUserId: string): Promise<Binding>;
  unbind(corpId: string, userid: string): Promise<void>;
  unbindAll(corpId: string, confirm: number): Promise<number>;
  exportBindings(corpId: string): Promise<{ name: string; base64: string }>;
  importBindings(input: In<'bindings.import'>): Promise<BindImportReport>;
  loadHistory(corpId: string): Promise<void>;
  /** F4.15: an edit previewed as a one-operation plan (refused with its problems when WeCom would refuse it). */
  previewEdit(input: In<'contacts.editPlan'>): Promise<EditPlan>;
  /** Starts applying a previewed edit; the caller follows the job. */
  startEdit(input: In<'contacts.editApply'>): Promise<string>;
  /** After an applied edit: the tree, the counts and the bindings show WeCom's new state. */
  afterEdit(corpId: string): void;
}

type Set = (fn: (s: ContactsState) => Partial<ContactsState>) => void;

function fieldErrors(e: ApiError, key: SettingKey): string {
  const details = Array.isArray(e.details) ? (e.details as { path?: string; message?: string }[]) : [];
  return details.find((d) => d.path === key)?.message ?? details[0]?.message ?? e.message;
}

export function contactsDataSlice(client: ApiClient, set: Set, get: () => ContactsState): ContactsDataSlice {
  const put = <K extends keyof ContactsDataSlice>(key: K, corpId: string, value: unknown) =>
    set((s) => ({ [key]: { ...(s[key] as Record<string, unknown>), [corpId]: value } }) as Partial<ContactsState>);

  return {
    settings: {},
    settingsError: {},
    syncState: {},
    mirrorDepts: {},
    oaDepts: null,
    oaSummary: null,
    bindings: {},
    history: {},

    async loadSettings(corpId) {
      try {
        put('settings', corpId, (await client.call('sync.config.get', { corpId })) as SyncSettings);
        put('settingsError', corpId, null);
      } catch (e) {
        put('settingsError', corpId, toApiError(e));
      }
    },
    async saveSettings(corpId, patch) {
      const out: SaveOutcome = { saved: [], errors: {} };
      for (const key of SETTING_KEYS) {
        if (!(key in patch)) continue;
        try {
          // Always JSON: a string value stays a string ("123" would otherwise read as a number).
          const r = await client.call('sync.config.set', { corpId, key, value: JSON.stringify(patch[key] ?? null) });
          set((s) => ({ settings: { ...s.settings, [corpId]: { ...s.settings[corpId], ...(r as Partial<SyncSettings>) } } }));
          out.saved.push(key);
        } catch (e) {
          out.errors[key] = isApiError(e) ? fieldErrors(e, key) : String(e);
        }
      }
      return out;
    },
    async loadState(corpId) {
      try {
        put('syncState', corpId, await client.call('sync.state', { corpId }));
      } catch {
        // The header shows the last state it had; the next action re-reads it.
      }
    },
    async loadMirrorDepts(corpId) {
      put('mirrorDepts', corpId, await client.call('mirror.depts', { corpId }));
    },
    mirrorUsers: (input) => client.call('mirror.users', input),
    async loadOaDepts() {
      if (get().oaDepts) return;
      const list = await client.call('oa.depts', {});
      set(() => ({ oaDepts: list }));
    },
    async loadOaSummary() {
      const oaSummary = await client.call('oa.summary', {});
      set(() => ({ oaSummary }));
    },
    oaUsers: (input) => client.call('oa.users', input),
    async loadBindings(corpId) {
      put('bindings', corpId, await client.call('bindings.list', { corpId }));
    },
    async bind(corpId, userid, oaUserId) {
      const b = await client.call('bindings.bind', { corpId, userid, oaUserId });
      void get().loadBindings(corpId).catch(() => undefined);
      void get().loadState(corpId);
      return b;
    },
    async unbind(corpId, userid) {
      await client.call('bindings.remove', { corpId, userid });
      void get().loadBindings(corpId).catch(() => undefined);
      void get().loadState(corpId);
    },
    async unbindAll(corpId, confirm) {
      const { removed } = await client.call('bindings.removeAll', { corpId, confirm });
      put('bindings', corpId, []);
      void get().loadState(corpId);
      return removed;
    },
    exportBindings: (corpId) => client.call('bindings.export', { corpId }),
    async importBindings(input) {
      const report = await client.call('bindings.import', input);
      if (report.applied) {
        void get().loadBindings(input.corpId).catch(() => undefined);
        void get().loadState(input.corpId);
      }
      return report;
    },
    async loadHistory(corpId) {
      put('history', corpId, await client.call('history.list', { corpId, limit: 100 }));
    },
    previewEdit: (input) => client.call('contacts.editPlan', input),
    startEdit: async (input) => (await client.call('contacts.editApply', input)).jobId,
    afterEdit(corpId) {
      void get().loadMirrorDepts(corpId).catch(() => undefined);
      void get().loadState(corpId);
      void get().loadBindings(corpId).catch(() => undefined);
    },
  };
}
