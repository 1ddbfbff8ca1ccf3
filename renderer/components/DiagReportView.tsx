import { Alert, Descriptions, Table, Tag, Typography } from 'antd';
import type { DiagReport, DiagStep } from '../../main/api/schemas';
import { useT } from '../i18n';
import { CopyBlock, CopyField } from './CopyField';

const statusColor: Record<DiagStep['status'], string> = { ok: 'success', fail: 'error', skipped: 'default' };
const verdictType = { ok: 'success', network_fail: 'error', ip_not_trusted: 'warning' } as const;

/** F0.2 report: per-step table, plain verdict, egress IP and where it goes, allow-list, manual checks. */
export function DiagReportView({ report }: { report: DiagReport }) {
  const t = useT();
  return (
    <div className="wb-stack">
      <Alert
        type={verdictType[report.verdict]}
        showIcon
        title={t(`diag.verdict.${report.verdict}`)}
        description={report.verdictText}
      />
      <Table<DiagStep>
        size="small"
        rowKey="step"
        pagination={false}
        dataSource={report.steps}
        columns={[
          { title: t('diag.col.step'), dataIndex: 'step', width: 200, render: (s: DiagStep['step']) => t(`diag.step.${s}`) },
          {
            title: t('diag.col.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: DiagStep['status']) => <Tag color={statusColor[s]}>{t(`diag.status.${s}`)}</Tag>,
          },
          { title: t('diag.col.ms'), dataIndex: 'ms', width: 90, render: (ms: number | null) => (ms === null ? '—' : `${ms} ms`) },
          { title: t('diag.col.detail'), dataIndex: 'detail', render: (d: string) => <span className="wb-break">{d}</span> },
        ]}
      />
      {report.steps.some((s) => s.step === 'inbound') && (
        <Typography.Text type="secondary">{t('diag.inboundNote')}</Typography.Text>
      )}
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 180 } }}
        items={[
          {
            key: 'ip',
            label: t('diag.egressIp'),
            children: (
              <div className="wb-stack-tight">
                {report.egressIp ? <CopyField value={report.egressIp} /> : <Typography.Text type="secondary">{t('common.unknown')}</Typography.Text>}
                <Typography.Text type="secondary">{t('diag.egressHelp')}</Typography.Text>
                <Typography.Text type="secondary">{t('diag.egressWhereApp')}</Typography.Text>
                <Typography.Text type="secondary">{t('diag.egressWhereContact')}</Typography.Text>
              </div>
            ),
          },
          {
            key: 'allow',
            label: t('diag.allowList'),
            children: (
              <div className="wb-stack-tight">
                <Typography.Text type="secondary">{t('diag.allowListHelp')}</Typography.Text>
                <CopyBlock lines={report.allowList} />
              </div>
            ),
          },
          {
            key: 'manual',
            label: t('diag.manual'),
            children: (
              <div className="wb-stack-tight">
                <Typography.Text type="secondary">{t('diag.manualHelp')}</Typography.Text>
                {report.manualChecks.map((cmd) => (
                  <div key={cmd}>
                    <CopyField value={cmd} />
                  </div>
                ))}
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
