import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import type { CallbackLogEntry } from '../../../main/api/callback-contract';
import { useT } from '../../i18n';
import { useCallbacks } from '../../stores';

const outcomeColor: Record<CallbackLogEntry['outcome'], string> = { accepted: 'success', verified: 'processing', duplicate: 'default', rejected: 'error' };

function What({ e }: { e: CallbackLogEntry }) {
  if (e.outcome === 'rejected') return <Typography.Text type="danger" className="wb-mono">{e.reason}</Typography.Text>;
  const parts = [e.msgType, e.event, e.changeType].filter(Boolean).join(' · ');
  return (
    <Typography.Text className="wb-mono">
      {parts || '—'}
      {e.fromUser ? ` · ${e.fromUser}` : ''}
    </Typography.Text>
  );
}

/** F6.5 the callback inspector: received callbacks and rejections, live, decrypted fields shown redacted. */
export function InspectorCard({ corpId }: { corpId: string | null }) {
  const t = useT();
  const log = useCallbacks((s) => s.log);
  const counters = useCallbacks((s) => s.counters);
  const paused = useCallbacks((s) => s.paused);
  const setPaused = useCallbacks((s) => s.setPaused);
  const loadLog = useCallbacks((s) => s.loadLog);
  const watchLog = useCallbacks((s) => s.watchLog);

  useEffect(() => {
    void loadLog();
    return watchLog();
  }, [loadLog, watchLog]);

  const rows = corpId ? log.filter((e) => e.corpId === corpId || e.corpId === null) : log;
  const reasons = Object.entries(counters?.byReason ?? {});
  return (
    <Card
      title={t('inspector.title')}
      extra={
        <Button icon={paused ? <PlayCircleOutlined /> : <PauseCircleOutlined />} onClick={() => setPaused(!paused)}>
          {t(paused ? 'inspector.resume' : 'inspector.pause')}
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {counters && <Typography.Text>{t('inspector.counters', { ...counters, byReason: '' })}</Typography.Text>}
        {reasons.length > 0 && (
          <Space wrap size={4}>
            <span>{t('inspector.byReason')}:</span>
            {reasons.map(([r, n]) => (
              <Tag key={r} color="error">{`${r} ${n}`}</Tag>
            ))}
          </Space>
        )}
        <Table<CallbackLogEntry>
          rowKey="seq"
          size="small"
          dataSource={rows}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          scroll={{ x: 860 }}
          locale={{ emptyText: t('inspector.empty') }}
          expandable={{
            rowExpandable: (e) => Object.keys(e.fields).length > 0,
            expandedRowRender: (e) => (
              <Descriptions size="small" bordered column={1} items={Object.entries(e.fields).map(([k, v]) => ({ key: k, label: k, children: <span className="wb-mono wb-break">{v}</span> }))} />
            ),
          }}
          columns={[
            { title: t('inspector.col.at'), dataIndex: 'at', width: 170, render: (at: string) => new Date(at).toLocaleString() },
            { title: t('inspector.col.source'), dataIndex: 'source', width: 140, render: (s: string) => <span className="wb-mono">{s || '—'}</span> },
            { title: t('inspector.col.target'), key: 'target', width: 190, render: (_: unknown, e) => <span className="wb-mono wb-break">{e.path || '—'}</span> },
            {
              title: t('inspector.col.outcome'),
              key: 'outcome',
              width: 170,
              render: (_: unknown, e) => (
                <Space size={4} wrap>
                  <Tag color={outcomeColor[e.outcome]}>{`${t(`inspector.outcome.${e.outcome}`)} ${e.status}`}</Tag>
                  {e.replied && <Tag color="blue">{t('inspector.replied')}</Tag>}
                </Space>
              ),
            },
            { title: t('inspector.col.what'), key: 'what', render: (_: unknown, e) => <What e={e} /> },
          ]}
        />
      </Space>
    </Card>
  );
}
