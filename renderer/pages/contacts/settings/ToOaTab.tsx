import { Alert, Card, Descriptions } from 'antd';
import { useCallback, useEffect } from 'react';
import type { SyncSettings } from '../../../../main/sync/settings-schema';
import { useT } from '../../../i18n';
import { useContacts } from '../../../stores';
import { BoolControl } from './controls';
import { SettingsForm, type SettingRow } from './SettingsForm';

/**
 * F4.3 【是否同步到OA】: with the switch on, each pull (and each edit in 【通讯录管理】) goes to the OA source —
 * POSTed to the HTTP source's write URL, or as a change workbook for the OA admin of a file source. An HTTP
 * source without a write URL cannot take changes, so the switch is disabled with that reason.
 */
export function ToOaTab({ corpId }: { corpId: string }) {
  const t = useT();
  const oa = useContacts((s) => s.oaSummary);
  const load = useContacts((s) => s.loadOaSummary);
  useEffect(() => void load().catch(() => undefined), [load]);
  const source = oa?.source;
  const cannotWrite = source ? !source.canWrite : false;
  const rows = useCallback(
    (d: SyncSettings): SettingRow[] => [
      {
        key: 'sync.toOA',
        label: t('settings.toOA'),
        help: d['sync.toOA'] ? t('settings.toOA.onHelp') : t('settings.toOA.help'),
        control: BoolControl,
        // Already on (set before the source changed) stays switchable off.
        disabled: cannotWrite && !d['sync.toOA'],
        disabledReason: cannotWrite ? t('settings.toOA.httpNoWrite') : undefined,
      },
    ],
    [t, cannotWrite],
  );
  return (
    <div className="wb-stack">
      <Card size="small" title={t('settings.toOA.source')}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'k', label: t('settings.toOA.kind'), children: source?.kind === 'http' ? t('settings.toOA.http') : t('settings.toOA.file') },
            ...(source?.kind === 'http'
              ? [
                  { key: 'u', label: t('settings.toOA.url'), children: <span className="wb-mono">{source.url}</span> },
                  { key: 'w', label: t('settings.toOA.writeUrl'), children: source.writeUrl ? <span className="wb-mono">{source.writeUrl}</span> : t('settings.toOA.noWriteUrl') },
                ]
              : []),
            { key: 'l', label: t('settings.toOA.lastImport'), children: oa?.lastImport ? `${oa.lastImport.source} · ${new Date(oa.lastImport.at).toLocaleString()} · ${t('settings.toOA.counts', { d: oa.lastImport.counts.departments, u: oa.lastImport.counts.users })}` : t('settings.toOA.none') },
          ]}
        />
        <Alert
          type={cannotWrite ? 'warning' : 'info'}
          showIcon
          title={source?.kind === 'http' ? (cannotWrite ? t('settings.toOA.httpNoWrite') : t('settings.toOA.httpWhat')) : t('settings.toOA.fileWhat')}
          data-testid="to-oa-source-what"
        />
      </Card>
      <Card size="small" title={t('contacts.tab.toOA')}>
        <SettingsForm corpId={corpId} rows={rows} testId="form-to-oa" top={<Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('settings.toOA.bothWays')} />} />
      </Card>
    </div>
  );
}
