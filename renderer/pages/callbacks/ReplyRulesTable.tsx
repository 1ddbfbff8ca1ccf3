import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ReplyRuleView } from '../../../main/api/callback-contract';
import { toApiError } from '../../api';
import { errorText } from '../../components/error-text';
import { useT } from '../../i18n';
import { useCallbacks } from '../../stores';
import { ReplyRuleDrawer } from './ReplyRuleDrawer';

const NO_RULES: ReplyRuleView[] = [];

/** F6.4 【回调设置】 for one app: the rules in the order they are tried, 【启用】 switch, delete and batch delete. */
export function ReplyRulesTable({ appId, repliesOn }: { appId: string; repliesOn: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const rules = useCallbacks((s) => s.rulesByApp[appId] ?? NO_RULES);
  const updateRule = useCallbacks((s) => s.updateRule);
  const removeRules = useCallbacks((s) => s.removeRules);
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<{ rule?: ReplyRuleView } | null>(null);

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      message.error(errorText(toApiError(e), t));
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <div className="wb-page-head">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('rules.title')}
        </Typography.Title>
        <Space>
          <Popconfirm
            title={t('rules.batchDelete.confirm', { n: selected.length })}
            disabled={!selected.length}
            okButtonProps={{ danger: true }}
            onConfirm={() => act(async () => (await removeRules(appId, selected), setSelected([])))}
          >
            <Button danger icon={<DeleteOutlined />} disabled={!selected.length}>
              {t('rules.batchDelete')}
            </Button>
          </Popconfirm>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('rules.add')}
          </Button>
        </Space>
      </div>
      {!repliesOn && rules.length > 0 && <Alert type="warning" showIcon title={t('rules.repliesOff')} />}
      <Table<ReplyRuleView>
        rowKey="id"
        size="small"
        dataSource={rules}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('rules.empty') }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        columns={[
          { title: t('rules.col.name'), dataIndex: 'name', width: 160 },
          { title: t('rules.col.action'), dataIndex: 'action', width: 110, render: (a: ReplyRuleView['action']) => t(`rules.action.${a}`) },
          { title: t('rules.col.match'), dataIndex: 'match', width: 110, render: (m: ReplyRuleView['match']) => (m ? t(`rules.match.${m}`) : '—') },
          { title: t('rules.col.keyword'), dataIndex: 'keyword', width: 140, render: (k: string | null) => (k ? <Tag>{k}</Tag> : '—') },
          { title: t('rules.col.reply'), dataIndex: 'reply', ellipsis: true },
          { title: t('rules.col.priority'), dataIndex: 'priority', width: 90 },
          {
            title: t('rules.col.enabled'),
            dataIndex: 'enabled',
            width: 80,
            render: (on: boolean, r) => <Switch size="small" checked={on} aria-label={`${t('rules.col.enabled')} ${r.name}`} onChange={(v) => act(() => updateRule({ id: r.id, enabled: v }))} />,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, r) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing({ rule: r })}>
                  {t('common.edit')}
                </Button>
                <Popconfirm title={t('rules.delete.confirm', { name: r.name })} okButtonProps={{ danger: true }} onConfirm={() => act(() => removeRules(appId, [r.id]))}>
                  <Button type="link" size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <ReplyRuleDrawer appId={appId} rule={editing?.rule} open={editing !== null} onClose={() => setEditing(null)} />
    </Space>
  );
}
