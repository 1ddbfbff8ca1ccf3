import { Card } from 'antd';
import { useCallback } from 'react';
import type { SyncSettings } from '../../../../main/sync/settings-schema';
import { useT } from '../../../i18n';
import { BoolControl, choiceControl, CronControl } from './controls';
import { SettingsForm, type SettingRow } from './SettingsForm';

/** The 【关联字段】 choices (F4.2): one setting shared with 【用户绑定】 under 【基本设置】. */
export function useMatchOptions() {
  const t = useT();
  return [
    { value: 'userid=workcode' as const, label: t('settings.match.workcode') },
    { value: 'userid=loginid' as const, label: t('settings.match.loginid') },
    { value: 'mobile' as const, label: t('settings.match.mobile') },
    { value: 'email' as const, label: t('settings.match.email') },
  ];
}

export function bindRows(t: ReturnType<typeof useT>, match: ReturnType<typeof useMatchOptions>, d: SyncSettings): SettingRow[] {
  return [
    { key: 'bind.auto', label: t('settings.bindAuto'), help: t('settings.bindAuto.help'), control: BoolControl },
    { key: 'bind.match', label: t('settings.bindMatch'), help: t('settings.bindMatch.help'), control: choiceControl(match), disabled: !d['bind.auto'], disabledReason: t('settings.bindMatch.off') },
  ];
}

/** F4.2 【从企业微信同步组织用户绑定关系】: auto-binding and the scheduled pull. */
export function PullTab({ corpId }: { corpId: string }) {
  const t = useT();
  const match = useMatchOptions();
  const rows = useCallback(
    (d: SyncSettings): SettingRow[] => [...bindRows(t, match, d), { key: 'schedule.pull', label: t('settings.schedulePull'), help: t('settings.schedulePull.help'), control: CronControl }],
    [t, match],
  );
  return (
    <Card size="small" title={t('contacts.tab.pull')} extra={t('settings.pull.scope')}>
      <SettingsForm corpId={corpId} rows={rows} testId="form-pull" />
    </Card>
  );
}
