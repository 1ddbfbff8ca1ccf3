import { App, Button, Card, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { toApiError } from '../../../api';
import { errorText } from '../../../components/error-text';
import { downloadBase64 } from '../../../components/files';
import { useT, type MessageKey } from '../../../i18n';
import { useContacts } from '../../../stores';
import type { Binding, MirrorUsersPage } from '../../../stores/contacts-data';
import { UserCard } from '../directory/UserCard';

type WxUser = MirrorUsersPage['users'][number];
const NONE: Binding[] = [];
const fmt = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** F4.6 关联管理: the corp's bindings, user card, 【关联导入】, export and 【批量解绑】 (all allowed in 【只读】). */
export function BindingsTab({ corpId, onImport, onBatchUnbind }: { corpId: string; onImport(): void; onBatchUnbind(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const list = useContacts((s) => s.bindings[corpId] ?? NONE);
  const load = useContacts((s) => s.loadBindings);
  const unbind = useContacts((s) => s.unbind);
  const exportBindings = useContacts((s) => s.exportBindings);
  const mirrorUsers = useContacts((s) => s.mirrorUsers);
  const depts = useContacts((s) => s.mirrorDepts[corpId]);
  const loadDepts = useContacts((s) => s.loadMirrorDepts);
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<WxUser | null>(null);

  useEffect(() => {
    void load(corpId).catch(() => undefined);
    void loadDepts(corpId).catch(() => undefined);
  }, [corpId, load, loadDepts]);
  const shown = useMemo(() => {
    const s = q.trim().toLowerCase();
    return s ? list.filter((b) => b.wxUserid.toLowerCase().includes(s) || b.oaUserId.toLowerCase().includes(s)) : list;
  }, [list, q]);
  const byId = useMemo(() => new Map((depts ?? []).map((d) => [d.id, d.name])), [depts]);
  const deptName = useCallback((id: number) => byId.get(id) ?? String(id), [byId]);

  const openCard = async (userid: string) => {
    const page = await mirrorUsers({ corpId, search: userid, limit: 20 });
    const u = page.users.find((x) => x.userid === userid);
    if (u) setOpen(u);
    else message.warning(t('bind.notInMirror', { userid }));
  };

  return (
    <Card
      size="small"
      title={t('bind.list', { n: list.length })}
      extra={
        <Space wrap>
          <Input.Search allowClear placeholder={t('bind.search')} onChange={(e) => setQ(e.target.value)} style={{ width: 220 }} aria-label={t('bind.search')} />
          <Button onClick={onImport}>{t('contacts.action.import')}</Button>
          <Button onClick={() => void exportBindings(corpId).then((f) => downloadBase64(f.name, f.base64), (e) => message.error(errorText(toApiError(e), t)))}>{t('bind.export')}</Button>
          <Button danger disabled={list.length === 0} onClick={onBatchUnbind}>{t('contacts.action.batchUnbind')}</Button>
        </Space>
      }
    >
      <Table<Binding>
        size="small"
        rowKey="wxUserid"
        dataSource={shown}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('field.userid'), dataIndex: 'wxUserid', render: (v: string) => <Button type="link" size="small" onClick={() => void openCard(v)}>{v}</Button> },
          { title: t('card.boundOa'), dataIndex: 'oaUserId', render: (v: string) => <span className="wb-mono">{v}</span> },
          { title: t('card.source'), dataIndex: 'source', width: 120, render: (s: string) => <Tag>{t(`bindSource.${s}` as MessageKey)}</Tag> },
          { title: t('card.boundAt'), dataIndex: 'boundAt', width: 190, render: fmt },
          { title: t('card.disabledAt'), dataIndex: 'disabledAt', width: 190, render: fmt },
          {
            title: t('common.actions'),
            key: 'a',
            width: 90,
            render: (_: unknown, b) => (
              <Popconfirm title={t('card.unbindConfirm', { name: b.wxUserid })} okButtonProps={{ danger: true }} onConfirm={() => unbind(corpId, b.wxUserid).catch((e) => message.error(errorText(toApiError(e), t)))}>
                <Button type="link" size="small" danger>{t('card.unbind')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <UserCard corpId={corpId} user={open} deptName={deptName} onClose={() => setOpen(null)} onChanged={(u) => setOpen(u)} />
    </Card>
  );
}
