import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { DiagReportView } from '../../components/DiagReportView';
import { JobProgress } from '../../components/JobProgress';
import { useT } from '../../i18n';
import { diagProgress, useCorps, useJobs } from '../../stores';

/** F0.2 network diagnostics for one corp, run as a job. */
export function DiagnosticsCard() {
  const t = useT();
  const corps = useCorps((s) => s.corps);
  const [corpId, setCorpId] = useState<string | undefined>(undefined);
  const selected = corpId ?? corps[0]?.id;
  const diag = useJobs((s) => (selected ? s.diagByCorp[selected] : undefined));
  const progress = useJobs((s) => (selected ? diagProgress(s, selected) : null));
  const startDiag = useJobs((s) => s.startDiag);

  useEffect(() => {
    if (corpId && !corps.some((c) => c.id === corpId)) setCorpId(undefined);
  }, [corps, corpId]);

  return (
    <Card title={t('diag.title')}>
      <div className="wb-stack">
        <Typography.Text type="secondary">{t('diag.intro')}</Typography.Text>
        {corps.length === 0 ? (
          <Alert type="info" showIcon title={t('diag.noCorp')} />
        ) : (
          <Space wrap>
            <Typography.Text>{t('diag.pickCorp')}</Typography.Text>
            <Select
              aria-label={t('diag.pickCorp')}
              style={{ minWidth: 260 }}
              value={selected}
              onChange={setCorpId}
              options={corps.map((c) => ({ value: c.id, label: `${c.name}（${c.corpid}）` }))}
            />
            <Button type="primary" disabled={!selected} loading={diag?.running} onClick={() => selected && startDiag(selected)}>
              {t('diag.start')}
            </Button>
          </Space>
        )}
        {diag?.running && <JobProgress progress={progress} />}
        {diag?.error && (
          <Alert
            type="error"
            showIcon
            title={t('diag.failed')}
            description={diag.error === 'bad_response' ? t('error.bad_response') : diag.error}
          />
        )}
        {diag?.report && !diag.running && <DiagReportView report={diag.report} />}
      </div>
    </Card>
  );
}
