// F6.1 callback settings: per app (【接收消息】, path /callback/app/<appId>), per corp for the 通讯录同步
// (/callback/contacts/<corpId>) and 客户联系 (/callback/customer/<corpId>) callbacks. Token and EncodingAESKey
// are generated from crypto.randomBytes the first time they are shown, regenerable or set by hand, stored sealed.
// URLs are built on 云桥对外域名 (F0.1) or, while it is unset, on the listener's own base.
import type { CallbackKind, CallbackSettingsView } from '../api/callback-contract';
import { ApiError } from '../core/api-error';
import type { Clock } from '../core/types';
import type { AuditRepo } from '../store/audit-repo';
import type { CallbacksRepo, CallbackTargetRecord } from '../store/callbacks-repo';
import type { SettingsRepo } from '../store/settings-repo';
import { generateCallbackToken, generateEncodingAESKey, isCallbackToken, isEncodingAESKey } from '../wecom/crypto';
import type { AppsService } from './apps-service';
import type { BasicsService } from './basics-service';
import type { CorpsService } from './corps-service';

/** Remembered by the shell that runs the listener, so a CLI process (which has none) prints the same URL. */
const LAST_LISTENER_KEY = 'callback.listenerBase';
/** `serve`'s default callback address, when no listener has ever run on this data dir. */
const DEFAULT_LISTENER_BASE = 'http://127.0.0.1:8088';

export interface CallbackSecretsChange {
  token?: string;
  encodingAESKey?: string;
  regenerate?: boolean;
  replies?: boolean;
}

export const callbackPath = (kind: CallbackKind, refId: string) => `/callback/${kind}/${encodeURIComponent(refId)}`;

export function createCallbackSettings(deps: {
  repo: CallbacksRepo;
  corps: CorpsService;
  apps: AppsService;
  basics: BasicsService;
  settings: SettingsRepo;
  audit: AuditRepo;
  clock: Clock;
}) {
  const { repo, audit } = deps;
  const now = () => deps.clock.now().toISOString();

  function base(): { base: string; local: boolean } {
    const external = deps.basics.externalAddress();
    if (external) return { base: external, local: false };
    const own = deps.basics.publicBase() ?? deps.settings.get<string>(LAST_LISTENER_KEY) ?? DEFAULT_LISTENER_BASE;
    return { base: own, local: true };
  }

  /** The owner of a target: the app (and its corp) or the corp; refuses unknown ids. */
  function owner(kind: CallbackKind, refId: string): { corpId: string; appId: string | null } {
    if (kind === 'app') {
      const app = deps.apps.record(refId);
      return { corpId: app.corpId, appId: app.id };
    }
    return { corpId: deps.corps.record(refId).id, appId: null };
  }

  function ensure(kind: CallbackKind, refId: string): CallbackTargetRecord {
    const o = owner(kind, refId);
    const existing = repo.get(kind, refId);
    if (existing) return existing;
    const created = repo.create({ kind, refId, ...o, token: generateCallbackToken(), encodingAESKey: generateEncodingAESKey() }, now());
    audit.record(now(), 'system', 'callback.create', o.corpId, { kind, refId });
    return created;
  }

  function view(t: CallbackTargetRecord): CallbackSettingsView {
    const b = base();
    return {
      kind: t.kind,
      refId: t.refId,
      corpId: t.corpId,
      appId: t.appId,
      url: `${b.base.replace(/\/+$/, '')}${callbackPath(t.kind, t.refId)}`,
      local: b.local,
      token: repo.openToken(t),
      encodingAESKey: repo.openAesKey(t),
      replies: t.kind === 'app' ? t.replies : null,
      verifiedAt: t.verifiedAt,
      updatedAt: t.updatedAt,
    };
  }

  return {
    get: (kind: CallbackKind, refId: string): CallbackSettingsView => view(ensure(kind, refId)),

    set(kind: CallbackKind, refId: string, change: CallbackSecretsChange, actor = 'admin'): CallbackSettingsView {
      if (change.replies !== undefined && kind !== 'app') throw new ApiError('invalid_input', '只有应用的回调有【是否开启应用回调】开关');
      if (change.token !== undefined && !isCallbackToken(change.token)) throw new ApiError('invalid_input', 'Token 为 1–32 位英文字母或数字');
      if (change.encodingAESKey !== undefined && !isEncodingAESKey(change.encodingAESKey)) throw new ApiError('invalid_input', 'EncodingAESKey 为 43 位英文字母或数字');
      const t = ensure(kind, refId);
      const fields: string[] = [];
      if (change.regenerate || change.token !== undefined || change.encodingAESKey !== undefined) {
        // --regenerate renews what was not given explicitly; explicit values are kept as given.
        const token = change.token ?? (change.regenerate ? generateCallbackToken() : repo.openToken(t));
        const key = change.encodingAESKey ?? (change.regenerate ? generateEncodingAESKey() : repo.openAesKey(t));
        if (token !== repo.openToken(t) || key !== repo.openAesKey(t)) {
          repo.setSecrets(kind, refId, token, key, now());
          fields.push(...(token !== repo.openToken(t) ? ['token'] : []), ...(key !== repo.openAesKey(t) ? ['encodingAESKey'] : []));
        }
      }
      if (change.replies !== undefined && change.replies !== t.replies) {
        repo.setReplies(kind, refId, change.replies, now());
        fields.push('replies');
      }
      if (fields.length) audit.record(now(), actor, 'callback.update', t.corpId, { kind, refId, fields, regenerate: !!change.regenerate });
      return view(repo.get(kind, refId)!);
    },

    overview(corpId: string) {
      const corp = deps.corps.record(corpId);
      return {
        contacts: view(ensure('contacts', corp.id)),
        customer: view(ensure('customer', corp.id)),
        apps: deps.apps.list(corp.id).map((a) => ({ appId: a.id, name: a.name, agentid: a.agentid, settings: view(ensure('app', a.id)) })),
      };
    },

    /** Called by the shell once its listener is up (URLs shown by later CLI runs use it too). */
    noteListenerBase(url: string): void {
      if (deps.settings.get<string>(LAST_LISTENER_KEY) !== url) deps.settings.set(LAST_LISTENER_KEY, url, now());
    },

    markVerified: (kind: CallbackKind, refId: string, at: string) => repo.markVerified(kind, refId, at),
  };
}

export type CallbackSettings = ReturnType<typeof createCallbackSettings>;
