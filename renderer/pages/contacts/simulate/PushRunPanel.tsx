import { Alert, Button, Card, Descriptions, Progress, Result, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { explainErrcode } from '../../../../main/wecom/errcodes';
import { holdsText, useLang, useT, type MessageKey } from '../../../i18n';
import { pushPercent } from './push-progress';
import { refusalText } from './refusal-text';
import { useContacts, useJobs } from '../../../stores';
import type { PushRun } from '../../../stores/contacts-sync';

type Failure = NonNullable<PushRun['status']>['failed'][number];

const PHASES = new Set(['pull', 'departments', 'users', 'apply']);

/** ops/s over the last few seconds of progress. */
function useRate(done: number | undefined, running: boolean): number | null {
  const samples = useRef<{ at: number; done: number }[]>([]);
  const [rate, setRate] = useState<number | null>(null);
  useEffect(() => {
    if (done === undefined || !running) return;
    const now = Date.now();
    samples.current = [...samples.current.filter((s) => now - s.at < 5000), { at: now, done }];
    const first = samples.current[0];
    const secs = (now - first.at) / 1000;
    setRate(secs > 0.3 && done >= first.done ? (done - first.done) / secs : null);
  }, [done, running]);
  return rate;
}

function FailureTable({ failed }: { failed: Failure[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <Table<Failure & { key: number }>
      size="small"
      rowKey="key"
      dataSource={failed.map((f, key) => ({ ...f, key }))}
      pagination={failed.length > 10 ? { pageSize: 10 } : false}
      data-testid="push-failures"
      columns={[
        { title: t('push.col.op'), dataIndex: 'op', width: 120, render: (op: string) => t(`op.${op}` as MessageKey) ?? op },
        { title: t('push.col.target'), dataIndex: 'target', width: 160, render: (v: string) => <span className="wb-mono">{v}</span> },
        { title: t('push.col.errcode'), dataIndex: 'errcode', width: 90, render: (c: number | null) => (c === null ? '—' : <Tag color="error">{c}</Tag>) },
        {
          title: t('push.col.explain'),
          key: 'x',
          render: (_: unknown, f) => {
            if (f.errcode === null) return f.message;
            const x = explainErrcode(f.errcode, { lang, secretKind: 'contact', errmsg: f.message });
            return (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{x.message}</Typography.Text>
                <Typography.Text type="secondary">{t('errcode.action')}{x.action}</Typography.Text>
              </Space>
            );
          },
        },
      ]}
    />
  );
}

/** F4.12: the apply, live (phase, done/total, rate, errors so far, cancel), then its result. */
export function PushRunPanel({ corpId, run, onResimulate, onClose }: { corpId: string; run: PushRun; onResimulate(): void; onClose(): void }) {
  const t = useT();
  const lang = useLang();
  const progress = useJobs((s) => (run.jobId ? s.progress[run.jobId] : undefined));
  const cancel = useContacts((s) => s.cancelPush);
  const [cancelling, setCancelling] = useState(false);
  const rate = useRate(progress?.phase === 'apply' ? progress.done : undefined, run.running);
  const failed = run.result?.failed ?? run.status?.failed ?? [];
  const phase = progress?.phase ?? run.job?.phase ?? 'pull';
  const done = run.running ? (progress?.done ?? 0) : (run.job?.done ?? progress?.done ?? 0);
  const total = run.running ? (progress?.total ?? 0) : (run.job?.total ?? progress?.total ?? 0);
  const percent = pushPercent(phase, done, total);
  const phaseText = PHASES.has(phase) ? t(`push.phase.${phase}` as MessageKey) : phase;

  if (run.running) {
    return (
      <Card size="small" title={t('push.running')} data-testid="push-progress" extra={<Button danger loading={cancelling} onClick={() => { setCancelling(true); void cancel(corpId); }}>{t('push.cancel')}</Button>}>
        <Progress percent={percent} status="active" data-testid="push-progress-bar" />
        <Descriptions
          size="small"
          column={{ xs: 1, md: 4 }}
          items={[
            { key: 'p', label: t('push.phase'), children: phaseText },
            { key: 'd', label: t('push.done'), children: total > 0 ? `${done}/${total}` : '—' },
            { key: 'r', label: t('push.rate'), children: rate !== null ? t('push.rateValue', { n: rate.toFixed(1) }) : '—' },
            { key: 'e', label: t('push.errors'), children: <Typography.Text type={failed.length ? 'danger' : undefined}>{failed.length}</Typography.Text> },
          ]}
        />
        {failed.length > 0 && <FailureTable failed={failed} />}
      </Card>
    );
  }

  const err = run.error;
  const status = run.result?.status ?? (run.job?.status === 'cancelled' ? 'cancelled' : err ? 'failed' : 'succeeded');
  const resultStatus = status === 'succeeded' ? 'success' : status === 'partial' || status === 'cancelled' ? 'warning' : 'error';
  return (
    <Card size="small" title={t('push.result')} data-testid="push-result" extra={<Button onClick={onClose}>{t('common.close')}</Button>}>
      {run.result && <Progress percent={status === 'succeeded' || total === 0 ? 100 : percent} status={status === 'succeeded' ? 'success' : 'exception'} data-testid="push-progress-bar" />}
      {err?.code === 'stale_plan' ? (
        <Result status="warning" title={t('push.stale')} subTitle={err.message} extra={<Button type="primary" onClick={onResimulate} data-testid="resimulate">{t('push.resimulate')}</Button>} />
      ) : err && !run.result ? (
        <Alert type="error" showIcon title={t(`push.error.${err.code}` as MessageKey) ?? err.message} description={refusalText(err, lang, t)} action={<Button onClick={onResimulate}>{t('push.resimulate')}</Button>} />
      ) : (
        <Result
          status={resultStatus}
          title={t(`push.status.${status}` as MessageKey)}
          subTitle={t('push.summary', { done: run.result?.done ?? 0, failed: failed.length })}
          extra={<Button onClick={onResimulate}>{t('push.resimulateRest')}</Button>}
        />
      )}
      {run.result?.held && run.result.held.length > 0 && <Alert type="warning" showIcon title={t('push.heldUsers')} description={holdsText(run.result.held, lang)} />}
      {failed.length > 0 && <FailureTable failed={failed} />}
    </Card>
  );
}
