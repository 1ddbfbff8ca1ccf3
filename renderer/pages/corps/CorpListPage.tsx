import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CorpKind, CorpView } from '../../../main/api/schemas';
import { AddressMissingAlert } from '../../components/AddressMissingAlert';
import { errorText } from '../../components/error-text';
import { PageHead } from '../../components/PageHead';
import { useT } from '../../i18n';
import { useBasics, useCorps } from '../../stores';
import { routeHash, type Route } from '../../src/route';
import { CorpFormDrawer } from './CorpFormDrawer';
import { CorpTestModal } from './CorpTestModal';
import { DemoCard } from './DemoCard';
import { DeleteCorpModal } from './DeleteCorpModal';

export const kindColor: Record<CorpKind, string> = { public: 'blue', private: 'purple', gov: 'red' };

/** F1.1 【企业微信集成】: the corps, with 【新建企业微信】 top right. */
export function CorpListPage({ navigate }: { navigate(r: Route): void }) {
  const t = useT();
  const corps = useCorps((s) => s.corps);
  const loading = useCorps((s) => s.loading);
  const error = useCorps((s) => s.error);
  const load = useCorps((s) => s.load);
  const basics = useBasics((s) => s.view);
  const loadBasics = useBasics((s) => s.load);
  const [editing, setEditing] = useState<{ corp?: CorpView } | null>(null);
  const [testing, setTesting] = useState<CorpView | null>(null);
  const [deleting, setDeleting] = useState<CorpView | null>(null);

  useEffect(() => {
    void load();
    void loadBasics();
  }, [load, loadBasics]);

  return (
    <div className="wb-page">
      <PageHead
        title={t('nav.corps')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('corps.new')}
          </Button>
        }
      />
      {basics && !basics.externalAddress && (
        <AddressMissingAlert listenerBase={basics.listenerBase} onGoto={() => navigate({ area: 'basics' })} />
      )}
      {error && <Alert type="error" showIcon title={t('common.loadFailed')} description={errorText(error, t)} />}
      <DemoCard navigate={navigate} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<CorpView>
          rowKey="id"
          loading={loading && corps.length === 0}
          dataSource={corps}
          pagination={corps.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: t('corps.empty') }}
          scroll={{ x: 1080 }}
          columns={[
            {
              title: t('corps.col.name'),
              dataIndex: 'name',
              render: (name: string, c) => (
                <Typography.Link href={routeHash({ area: 'corps', corpId: c.id })}>{name}</Typography.Link>
              ),
            },
            { title: t('corps.col.corpid'), dataIndex: 'corpid', width: 200, render: (v: string) => <span className="wb-mono">{v}</span> },
            {
              title: t('corps.col.kind'),
              dataIndex: 'kind',
              width: 170,
              render: (k: CorpKind) => <Tag color={kindColor[k]}>{t(`corps.kind.${k}`)}</Tag>,
            },
            {
              title: t('corps.col.apiBase'),
              dataIndex: 'apiBase',
              ellipsis: true,
              render: (v: string) => <span className="wb-mono">{v}</span>,
            },
            {
              title: t('corps.col.contactSecret'),
              dataIndex: 'hasContactSecret',
              width: 150,
              className: 'wb-nowrap',
              render: (set: boolean) => (set ? <Tag color="success">{t('common.set')}</Tag> : <Tag>{t('common.notSet')}</Tag>),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 340,
              render: (_: unknown, c) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing({ corp: c })}>
                    {t('common.edit')}
                  </Button>
                  <Button type="link" size="small" danger onClick={() => setDeleting(c)}>
                    {t('common.delete')}
                  </Button>
                  <Tooltip title={c.hasContactSecret || c.hasCustomerSecret ? undefined : t('test.noSecret')}>
                    <Button
                      type="link"
                      size="small"
                      disabled={!c.hasContactSecret && !c.hasCustomerSecret}
                      onClick={() => setTesting(c)}
                    >
                      {t('corps.action.test')}
                    </Button>
                  </Tooltip>
                  <Button type="link" size="small" onClick={() => navigate({ area: 'corps', corpId: c.id })}>
                    {t('corps.action.apps')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CorpFormDrawer open={!!editing} corp={editing?.corp} onClose={() => setEditing(null)} />
      <CorpTestModal corp={testing} onClose={() => setTesting(null)} />
      <DeleteCorpModal corp={deleting} onClose={() => setDeleting(null)} />
    </div>
  );
}
