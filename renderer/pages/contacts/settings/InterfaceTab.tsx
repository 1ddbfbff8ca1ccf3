import { Alert, Button, Card, Descriptions, Radio, Select, Tag } from 'antd';
import { useCallback, useEffect } from 'react';
import type { CorpView } from '../../../../main/api/schemas';
import type { SyncSettings } from '../../../../main/sync/settings-schema';
import { EgressIp } from '../../../components/EgressIp';
import { useT } from '../../../i18n';
import { useCorps } from '../../../stores';
import type { Route } from '../../../src/route';
import { SettingsForm, type ControlProps, type SettingRow } from './SettingsForm';

const NO_APPS: never[] = [];

/** F4.1 【接口参数设置】: 【接口权限】 and 【选择应用】, with the contact secret and its trusted IP. */
export function InterfaceTab({ corp, navigate }: { corp: CorpView; navigate(r: Route): void }) {
  const t = useT();
  const apps = useCorps((s) => s.appsByCorp[corp.id] ?? NO_APPS);
  const loadApps = useCorps((s) => s.loadApps);
  useEffect(() => void loadApps(corp.id), [corp.id, loadApps]);

  const rows = useCallback(
    (d: SyncSettings): SettingRow[] => [
      {
        key: 'sync.mode',
        label: t('settings.mode'),
        help: d['sync.mode'] === 'readonly' ? t('settings.mode.readonlyHelp') : t('settings.mode.readwriteHelp'),
        control: ({ id, value, onChange, disabled }: ControlProps<SyncSettings['sync.mode']>) => (
          <Radio.Group id={id} value={value} disabled={disabled} optionType="button" onChange={(e) => onChange(e.target.value)} options={[
            { value: 'readonly', label: t('settings.mode.readonly') },
            { value: 'readwrite', label: t('settings.mode.readwrite'), disabled: !corp.hasContactSecret, title: corp.hasContactSecret ? undefined : t('settings.mode.needSecret') },
          ]} />
        ),
      },
      {
        key: 'sync.scopeApp',
        label: t('settings.scopeApp'),
        help: t('settings.scopeApp.help'),
        control: ({ id, value, onChange, disabled }: ControlProps<string | null>) => (
          <Select
            id={id}
            value={value ?? (d['sync.mode'] === 'readwrite' ? '' : undefined)}
            placeholder={t('settings.scopeApp.pick')}
            onChange={(v: string) => onChange(v === '' ? null : v)}
            disabled={disabled}
            style={{ maxWidth: 360, width: '100%' }}
            options={[
              ...(d['sync.mode'] === 'readwrite' && corp.hasContactSecret ? [{ value: '', label: t('settings.scopeApp.all') }] : []),
              ...apps.map((a) => ({ value: a.id, label: `${a.name}（${a.agentid}）` })),
            ]}
          />
        ),
      },
    ],
    [t, corp.hasContactSecret, apps],
  );

  return (
    <div className="wb-stack">
      {apps.length === 0 && !corp.hasContactSecret && (
        <Alert type="warning" showIcon title={t('settings.addAppFirst')} action={<Button size="small" onClick={() => navigate({ area: 'corps', corpId: corp.id })}>{t('corps.action.apps')}</Button>} />
      )}
      <Card size="small" title={t('settings.contactSecret')}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 's', label: t('corpForm.contactSecret'), children: corp.hasContactSecret ? <Tag color="success">{t('common.set')}</Tag> : <><Tag>{t('common.notSet')}</Tag> {t('corpForm.contactSecret.help')}</> },
            { key: 'ip', label: t('appForm.egressIp'), children: <EgressIp ip={corp.contactEgressIp} where={t('diag.egressWhereContact')} /> },
          ]}
        />
        <Alert type="info" showIcon title={t('settings.contactSecret.ipNote')} />
      </Card>
      <Card size="small" title={t('contacts.tab.interface')}>
        <SettingsForm corpId={corp.id} rows={rows} testId="form-interface" />
      </Card>
    </div>
  );
}
