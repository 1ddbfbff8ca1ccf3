import { Alert, Card, Descriptions } from 'antd';
import { useCallback, useEffect } from 'react';
import type { SyncSettings } from '../../../../main/sync/settings-schema';
import { useT } from '../../../i18n';
import { useContacts } from '../../../stores';
import { BoolControl } from './controls';
import { SettingsForm, type SettingRow } from './SettingsForm';

/**
 * F4.3 【是否同步到OA】. The only OA source today is the file import (F4.9): with the switch on, each pull
 * (and each edit in 【通讯录管理】) writes a change workbook for the OA admin instead of writing to OA.
 */
export function ToOaTab({ corpId }: { corpId: string }) {
  const t = useT();
  const oa = useContacts((s) => s.oaSummary);
  const load = useContacts((s) => s.loadOaSummary);
  useEffect(() => void load().catch(() => undefined), [load]);
  const rows = useCallback((d: SyncSettings): SettingRow[] => [{ key: 'sync.toOA', label: t('settings.toOA'), help: d['sync.toOA'] ? t('settings.toOA.onHelp') : t('settings.toOA.help'), control: BoolControl }], [t]);
  return (
    <div className="wb-stack">
      <Card size="small" title={t('settings.toOA.source')}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'k', label: t('settings.toOA.kind'), children: t('settings.toOA.file') },
            { key: 'l', label: t('settings.toOA.lastImport'), children: oa?.lastImport ? `${oa.lastImport.source} · ${new Date(oa.lastImport.at).toLocaleString()} · ${t('settings.toOA.counts', { d: oa.lastImport.counts.departments, u: oa.lastImport.counts.users })}` : t('settings.toOA.none') },
          ]}
        />
        <Alert type="info" showIcon title={t('settings.toOA.fileWhat')} />
      </Card>
      <Card size="small" title={t('contacts.tab.toOA')}>
        <SettingsForm corpId={corpId} rows={rows} testId="form-to-oa" top={<Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('settings.toOA.bothWays')} />} />
      </Card>
    </div>
  );
}
