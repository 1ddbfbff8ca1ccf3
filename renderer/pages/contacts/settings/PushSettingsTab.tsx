import { Alert, App, Card, Radio, Tabs } from 'antd';
import { useCallback } from 'react';
import type { SyncSettings } from '../../../../main/sync/settings-schema';
import { useT } from '../../../i18n';
import { BoolControl, choiceControl, CronControl, FieldMapControl, numberControl, oaUsersControl, OaUnitsControl, TextControl, topDeptControl } from './controls';
import { bindRows, useMatchOptions } from './PullTab';
import { SettingsForm, type ControlProps, type SettingRow } from './SettingsForm';

/** 【离职用户处理方式】: choosing 【删除】 is confirmed after the manual's warning. */
function DepartedControl({ id, value, onChange, disabled }: ControlProps<SyncSettings['push.departed']>) {
  const t = useT();
  const { modal } = App.useApp();
  return (
    <Radio.Group
      id={id}
      value={value}
      disabled={disabled}
      optionType="button"
      options={[{ value: 'disable', label: t('settings.departed.disable') }, { value: 'delete', label: t('settings.departed.delete') }]}
      onChange={(e) => {
        if (e.target.value !== 'delete') return onChange('disable');
        modal.confirm({ title: t('settings.departed.confirmTitle'), content: t('settings.departed.warning'), okText: t('settings.departed.delete'), okButtonProps: { danger: true }, onOk: () => onChange('delete') });
      }}
    />
  );
}

function YesNo({ id, value, onChange, disabled }: ControlProps<boolean>) {
  const t = useT();
  return <Radio.Group id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as boolean)} options={[{ value: true, label: t('common.yes') }, { value: false, label: t('common.no') }]} />;
}

/** F4.4 【基本设置】, F4.5 【范围设置】, F4.8 【安全设置和定时设置】 of 【同步通讯录到企业微信】. */
export function PushSettingsTab({ corpId, readonly }: { corpId: string; readonly: boolean }) {
  const t = useT();
  const match = useMatchOptions();
  const basic = useCallback(
    (d: SyncSettings): SettingRow[] => {
      const disable = d['push.departed'] === 'disable';
      return [
        { key: 'push.topDept', label: t('settings.topDept'), help: t('settings.topDept.help'), control: topDeptControl(corpId) },
        { key: 'push.addUsers', label: t('settings.addUsers'), help: t('settings.addUsers.help'), control: BoolControl },
        { key: 'push.invite', label: t('settings.invite'), help: t('settings.invite.help'), control: BoolControl, disabled: !d['push.addUsers'], disabledReason: t('settings.invite.needAdd') },
        { key: 'push.partTime', label: t('settings.partTime'), help: t('settings.partTime.help'), control: BoolControl },
        { key: 'push.oaAuthoritative', label: t('settings.oaAuthoritative'), help: t('settings.oaAuthoritative.help'), control: YesNo },
        { key: 'push.departed', label: t('settings.departed'), help: t('settings.departed.help'), control: DepartedControl },
        { key: 'push.deleteAfterDays', label: t('settings.deleteAfterDays'), help: t('settings.deleteAfterDays.help'), control: numberControl(false, t('settings.days')), disabled: !disable, disabledReason: t('settings.onlyDisable') },
        { key: 'push.moveDisabled', label: t('settings.moveDisabled'), help: t('settings.moveDisabled.help'), control: BoolControl, disabled: !disable, disabledReason: t('settings.onlyDisable') },
        { key: 'push.disabledDept', label: t('settings.disabledDept'), help: t('settings.disabledDept.help'), control: TextControl, hidden: !d['push.moveDisabled'] || !disable },
        ...bindRows(t, match, d).map((r) => (r.key === 'bind.auto' ? { ...r, label: t('settings.userBinding'), help: t('settings.userBinding.help') } : r)),
        { key: 'push.useridFrom', label: t('settings.useridFrom'), help: t('settings.useridFrom.help'), control: choiceControl([{ value: 'loginid', label: t('settings.useridFrom.loginid') }, { value: 'workcode', label: t('settings.useridFrom.workcode') }], true) },
        { key: 'push.fieldMap', label: t('settings.fieldMap'), help: t('settings.fieldMap.help'), control: FieldMapControl },
        { key: 'push.clearOnEmpty', label: t('settings.clearOnEmpty'), help: t('settings.clearOnEmpty.help'), control: BoolControl },
      ];
    },
    [t, match, corpId],
  );
  const scope = useCallback(
    (): SettingRow[] => [
      { key: 'scope.units', label: t('settings.units'), help: t('settings.units.help'), control: OaUnitsControl },
      { key: 'scope.includeUsers', label: t('settings.include'), help: t('settings.include.help'), control: oaUsersControl(corpId) },
      { key: 'scope.excludeUsers', label: t('settings.exclude'), help: t('settings.exclude.help'), control: oaUsersControl(corpId) },
      { key: 'scope.removal', label: t('settings.removal'), help: t('settings.removal.help'), control: choiceControl([{ value: 'delete', label: t('settings.removal.delete') }, { value: 'disable', label: t('settings.removal.disable') }], true) },
    ],
    [t, corpId],
  );
  const safety = useCallback(
    (): SettingRow[] => [
      { key: 'safety.userDecrease', label: t('settings.userDecrease'), help: t('settings.userDecrease.help'), control: numberControl(true, t('settings.people')) },
      { key: 'safety.maxDeletes', label: t('settings.maxDeletes'), help: t('settings.maxDeletes.help'), control: numberControl(false) },
      { key: 'safety.maxDeletesPct', label: t('settings.maxDeletesPct'), help: t('settings.maxPct.help'), control: numberControl(false, '%') },
      { key: 'safety.maxDisables', label: t('settings.maxDisables'), help: t('settings.maxDisables.help'), control: numberControl(false) },
      { key: 'safety.maxDisablesPct', label: t('settings.maxDisablesPct'), help: t('settings.maxPct.help'), control: numberControl(false, '%') },
      { key: 'safety.maxDeptDeletes', label: t('settings.maxDeptDeletes'), help: t('settings.maxDeptDeletes.help'), control: numberControl(false) },
      { key: 'schedule.push', label: t('settings.schedulePush'), help: t('settings.schedulePush.help'), control: CronControl, disabled: readonly, disabledReason: t('contacts.readonly') },
    ],
    [t, readonly],
  );
  return (
    <Card size="small">
      <Tabs
        items={[
          { key: 'basic', label: t('settings.tab.basic'), children: <SettingsForm corpId={corpId} rows={basic} testId="form-basic" /> },
          {
            key: 'scope',
            label: t('settings.tab.scope'),
            children: <SettingsForm corpId={corpId} rows={scope} testId="form-scope" top={<Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('settings.scope.warning')} description={t('settings.scope.rules')} data-testid="scope-warning" />} />,
          },
          { key: 'safety', label: t('settings.tab.safety'), children: <SettingsForm corpId={corpId} rows={safety} testId="form-safety" /> },
        ]}
      />
    </Card>
  );
}
