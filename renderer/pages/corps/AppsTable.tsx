import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { AppView } from '../../../main/api/schemas';
import { toApiError } from '../../api';
import { CopyField } from '../../components/CopyField';
import { errorText } from '../../components/error-text';
import { useT } from '../../i18n';
import { useCorps } from '../../stores';

export function ValidationTag({ app }: { app: AppView }) {
  const t = useT();
  const v = app.validation;
  if (!v) return <Tag>{t('apps.status.none')}</Tag>;
  if (v.ok) return <Tag color="success">{`${t('apps.status.ok')}${v.agentName ? ` · ${v.agentName}` : ''}`}</Tag>;
  return (
    <Tooltip title={v.message}>
      <Tag color="error">{`${t('apps.status.fail')}${v.errcode !== null ? ` · ${v.errcode}` : ''}`}</Tag>
    </Tooltip>
  );
}

/** F2: the corp's integrated apps, with 【添加应用】. */
export function AppsTable(props: { apps: AppView[]; onOpen(app?: AppView): void }) {
  const t = useT();
  const { message } = App.useApp();
  const validateApp = useCorps((s) => s.validateApp);
  const removeApp = useCorps((s) => s.removeApp);
  const [busy, setBusy] = useState<string | null>(null);

  async function validate(app: AppView) {
    setBusy(app.id);
    try {
      const check = await validateApp(app);
      if (check.ok) message.success(t('appForm.valid', { agent: check.agentName ?? app.name }));
      else props.onOpen(app); // the drawer explains the errcode and shows the IP
    } catch (e) {
      message.error(errorText(toApiError(e), t));
    } finally {
      setBusy(null);
    }
  }

  async function remove(app: AppView) {
    try {
      await removeApp(app);
    } catch (e) {
      message.error(errorText(toApiError(e), t));
    }
  }

  return (
    <Card
      title={t('corp.apps')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => props.onOpen()}>
          {t('apps.add')}
        </Button>
      }
      styles={{ body: { padding: 0 } }}
    >
      <Table<AppView>
        rowKey="id"
        dataSource={props.apps}
        pagination={false}
        locale={{ emptyText: t('apps.empty') }}
        scroll={{ x: 760 }}
        columns={[
          {
            title: t('apps.col.name'),
            dataIndex: 'name',
            render: (name: string, a) => <Button type="link" size="small" onClick={() => props.onOpen(a)}>{name}</Button>,
          },
          { title: t('apps.col.agentid'), dataIndex: 'agentid', width: 120, render: (v: number) => <span className="wb-mono">{v}</span> },
          { title: t('apps.col.status'), key: 'status', width: 200, render: (_: unknown, a) => <ValidationTag app={a} /> },
          {
            title: t('apps.col.egressIp'),
            dataIndex: 'egressIp',
            width: 180,
            render: (ip: string | null) => (ip ? <CopyField value={ip} /> : <Tag>{t('common.unknown')}</Tag>),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 220,
            render: (_: unknown, a) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => props.onOpen(a)}>
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" loading={busy === a.id} onClick={() => validate(a)}>
                  {t('apps.validate')}
                </Button>
                <Popconfirm title={t('apps.delete.confirm', { name: a.name })} onConfirm={() => remove(a)} okButtonProps={{ danger: true }}>
                  <Button type="link" size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
