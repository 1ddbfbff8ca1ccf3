// F4.1–F4.8 settings per corp: effective values (defaults + what the admin set), validated on every write
// with the same schemas the UI uses, plus the rules that tie settings together.
import { Cron } from 'croner';
import type { OaSourceView } from '../api/schemas';
import { ApiError } from '../core/api-error';
import type { Clock } from '../core/types';
import type { AppsRepo } from '../store/apps-repo';
import type { AuditRepo } from '../store/audit-repo';
import type { CorpSettingsRepo } from '../store/corp-settings-repo';
import type { CorpsRepo } from '../store/corps-repo';
import { defaultSettings, isSettingKey, parseSettingValue, SETTINGS, SETTING_KEYS, type SettingKey, type SyncSettings } from '../sync/settings-schema';

export function createSyncSettingsService(deps: {
  corps: CorpsRepo;
  apps: AppsRepo;
  store: CorpSettingsRepo;
  audit: AuditRepo;
  clock: Clock;
  onChange?: (corpId: string, key: SettingKey) => void;
  /** The OA source in use: 【是否同步到OA】 is refused for one that cannot be written to (F4.3). */
  oaSource?: () => OaSourceView;
}) {
  const effective = (corpId: string): SyncSettings => {
    const corp = deps.corps.get(corpId);
    if (!corp) throw new ApiError('not_found', '企业不存在');
    const out = defaultSettings({ hasContactSecret: corp.hasContactSecret });
    const stored = deps.store.stored(corpId);
    for (const key of SETTING_KEYS) {
      if (!(key in stored)) continue;
      const r = SETTINGS[key].safeParse(stored[key]);
      // A stored value an older version accepted but this one does not falls back to the default.
      if (r.success) (out as Record<SettingKey, unknown>)[key] = r.data;
    }
    return out;
  };

  function crossCheck(corpId: string, s: SyncSettings, key: SettingKey): void {
    const refuse = (message: string) => {
      throw new ApiError('invalid_input', message, { details: [{ path: key, message }] });
    };
    if (key === 'sync.scopeApp' && s['sync.scopeApp'] !== null) {
      const app = deps.apps.get(s['sync.scopeApp']);
      if (!app || app.corpId !== corpId) refuse(`应用 ${s['sync.scopeApp']} 不属于该企业：请先添加应用`);
    }
    if (key === 'sync.mode' && s['sync.mode'] === 'readwrite' && !deps.corps.get(corpId)?.hasContactSecret) refuse('【读写】需要【通讯录密钥】（【管理工具】 → 【通讯录同步】 → Secret）');
    if (key === 'sync.toOA' && s['sync.toOA']) {
      const src = deps.oaSource?.();
      if (src && !src.canWrite) refuse('当前 OA 来源（HTTP）没有写入地址，无法同步到 OA：请先配置写入地址（oa source --write-url …）');
    }
    if (key === 'push.invite' && s['push.invite'] && !s['push.addUsers']) refuse('【新用户是否邀请加入】需要先开启【新用户是否添加到企业微信】');
    if (key === 'push.deleteAfterDays' && s['push.deleteAfterDays'] > 0 && s['push.departed'] !== 'disable') refuse('【禁用用户几天后删除】只在【离职用户处理方式】为【禁用】时可用');
    if (key === 'push.moveDisabled' && s['push.moveDisabled'] && s['push.departed'] !== 'disable') refuse('【禁用成员是否移动到统一部门】只在【离职用户处理方式】为【禁用】时可用');
    if ((key === 'schedule.pull' || key === 'schedule.push') && s[key] !== null) {
      try {
        new Cron(s[key]!, { paused: true }).stop();
      } catch (e) {
        refuse(`定时规则「${s[key]}」无效：${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  return {
    effective,
    get(corpId: string, key?: string): Record<string, unknown> {
      const all = effective(corpId);
      if (key === undefined) return all;
      if (!isSettingKey(key)) throw new ApiError('invalid_input', `未知设置项 ${key}（可用：${SETTING_KEYS.join(', ')}）`);
      return { [key]: all[key] };
    },
    /** `raw` is what the admin typed (CLI) or a JSON value (UI, as string). */
    set(corpId: string, key: string, raw: string, actor = 'admin'): Record<string, unknown> {
      if (!isSettingKey(key)) throw new ApiError('invalid_input', `未知设置项 ${key}（可用：${SETTING_KEYS.join(', ')}）`);
      const parsed = parseSettingValue(key, raw);
      if (!parsed.success) throw new ApiError('invalid_input', `${key}：${parsed.error.issues[0]?.message ?? '值无效'}`, { details: parsed.error.issues.map((i) => ({ path: key, message: i.message })) });
      const next = { ...effective(corpId), [key]: parsed.data } as SyncSettings;
      crossCheck(corpId, next, key);
      const at = deps.clock.now().toISOString();
      deps.store.set(corpId, key, parsed.data, at);
      deps.audit.record(at, actor, 'config.set', corpId, { key, value: parsed.data });
      deps.onChange?.(corpId, key);
      return { [key]: next[key] };
    },
  };
}

export type SyncSettingsService = ReturnType<typeof createSyncSettingsService>;
