import { Alert, Card, Descriptions, Input, Space, Table, Tag, Tree, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { toApiError } from '../../../api';
import { errorText } from '../../../components/error-text';
import { useT, type MessageKey } from '../../../i18n';
import { useContacts } from '../../../stores';
import type { EditPlan, MirrorDept, MirrorUsersPage } from '../../../stores/contacts-data';
import { UserCard } from './UserCard';
import { WriteButton } from './WriteButton';
import { EditModal } from './edits/EditModal';
import type { EditRequest } from './edits/EditForm';

type WxUser = MirrorUsersPage['users'][number];
interface TreeNode {
  key: number;
  title: React.ReactNode;
  children: TreeNode[];
}
const WX_STATUS: Record<number, string> = { 1: 'active', 2: 'disabled', 4: 'inactive', 5: 'quit' };
const PAGE = 20;

function deptTree(depts: MirrorDept[]): TreeNode[] {
  const kids = new Map<number | null, MirrorDept[]>();
  for (const d of depts) kids.set(d.parentId, [...(kids.get(d.parentId) ?? []), d]);
  const ids = new Set(depts.map((d) => d.id));
  const build = (d: MirrorDept): TreeNode => ({
    key: d.id,
    title: <span data-testid="mirror-dept">{d.linkedTo !== null && <span className="wb-diff-dot">● </span>}{d.name}</span>,
    children: (kids.get(d.id) ?? []).sort((a, b) => b.order - a.order).map(build),
  });
  return depts.filter((d) => d.parentId === null || !ids.has(d.parentId)).map(build);
}

/**
 * F4.15 【通讯录管理】: the local WeCom mirror — departments (● linked) and users with search and paging — and,
 * in 【读写】, its edits: each one previewed and applied as a one-operation plan.
 */
export function DirectoryTab({ corpId, pulledAt, readonly }: { corpId: string; pulledAt: string | null; readonly: boolean }) {
  const t = useT();
  const depts = useContacts((s) => s.mirrorDepts[corpId]);
  const loadDepts = useContacts((s) => s.loadMirrorDepts);
  const oaDepts = useContacts((s) => s.oaDepts);
  const loadOaDepts = useContacts((s) => s.loadOaDepts);
  const mirrorUsers = useContacts((s) => s.mirrorUsers);
  const [dept, setDept] = useState<number | undefined>(undefined);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<MirrorUsersPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<WxUser | null>(null);
  const [edit, setEdit] = useState<EditRequest | null>(null);
  // null: two levels open (the company and its units), so departments like 研发中心 are one glance away.
  const [expanded, setExpanded] = useState<number[] | null>(null);

  useEffect(() => {
    void loadDepts(corpId).catch(() => undefined);
    void loadOaDepts().catch(() => undefined);
  }, [corpId, loadDepts, loadOaDepts, pulledAt]);
  const load = useCallback(() => {
    mirrorUsers({ corpId, dept, search: search || undefined, offset: (page - 1) * PAGE, limit: PAGE }).then(
      (r) => { setData(r); setError(null); },
      (e) => setError(errorText(toApiError(e), t)),
    );
  }, [corpId, dept, search, page, mirrorUsers, t]);
  useEffect(load, [load, pulledAt]);

  const byId = useMemo(() => new Map((depts ?? []).map((d) => [d.id, d])), [depts]);
  const tree = useMemo(() => deptTree(depts ?? []), [depts]);
  const deptName = useCallback((id: number) => byId.get(id)?.name ?? String(id), [byId]);
  const selected = dept !== undefined ? byId.get(dept) : undefined;
  const oaName = selected?.linkedTo ? (oaDepts?.find((d) => d.id === selected.linkedTo)?.name ?? selected.linkedTo) : null;

  /** After an applied edit: the list, and the open card with WeCom's new state (closed when the member is gone). */
  const onApplied = (plan: EditPlan) => {
    load();
    const e = plan.edit;
    // A new or moved department is shown where it landed; a deleted one is no longer selected.
    if (e.kind === 'createDept' || e.kind === 'moveDept') setExpanded((cur) => [...new Set([...(cur ?? tree.flatMap((n) => [n.key, ...n.children.map((c) => c.key)])), e.parentId])]);
    if (e.kind === 'deleteDept' && dept === e.id) setDept(undefined);
    if (!open) return;
    void mirrorUsers({ corpId, search: open.userid, limit: 20 }).then((r) => setOpen(r.users.find((u) => u.userid === open.userid) ?? null), () => undefined);
  };

  return (
    <div className="wb-directory">
      <Card size="small" title={t('dir.depts', { n: depts?.length ?? 0 })} className="wb-directory-tree">
        {!pulledAt && <Alert type="info" showIcon title={t('dir.pullFirst')} />}
        {tree.length > 0 && (
          <Tree<TreeNode>
            treeData={tree}
            virtual
            height={560}
            expandedKeys={expanded ?? tree.flatMap((n) => [n.key, ...n.children.map((c) => c.key)])}
            onExpand={(keys) => setExpanded(keys as number[])}
            selectedKeys={dept !== undefined ? [dept] : []}
            onSelect={(keys) => { setDept(keys[0] as number | undefined); setPage(1); }}
            blockNode
          />
        )}
      </Card>
      <div className="wb-stack">
        {selected && (
          <Card
            size="small"
            title={selected.name}
            data-testid="dept-card"
            extra={
              <Space size={4} wrap>
                <WriteButton readonly={readonly} onClick={() => setEdit({ kind: 'createDept', parent: selected })} data-testid="edit-createDept">{t('edit.action.createDept')}</WriteButton>
                <WriteButton readonly={readonly} disabled={selected.parentId === null} onClick={() => setEdit({ kind: 'renameDept', dept: selected })} data-testid="edit-renameDept">{t('edit.action.renameDept')}</WriteButton>
                <WriteButton readonly={readonly} disabled={selected.parentId === null} onClick={() => setEdit({ kind: 'moveDept', dept: selected })} data-testid="edit-moveDept">{t('edit.action.moveDept')}</WriteButton>
                <WriteButton readonly={readonly} danger disabled={selected.parentId === null} onClick={() => setEdit({ kind: 'deleteDept', dept: selected })} data-testid="edit-deleteDept">{t('edit.action.deleteDept')}</WriteButton>
              </Space>
            }
          >
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'n', label: t('dir.dept'), children: selected.name },
                { key: 'i', label: t('dir.deptId'), children: <span className="wb-mono">{selected.id}</span> },
                { key: 'l', label: t('dir.link'), children: oaName ? <span><span className="wb-diff-dot">● </span>{t('dir.linkedTo', { name: oaName })}</span> : <Tag>{t('dir.notLinked')}</Tag> },
              ]}
            />
          </Card>
        )}
        <Card
          size="small"
          title={t('dir.users', { n: data?.total ?? 0 })}
          extra={
            <Space>
              <WriteButton readonly={readonly} disabled={!pulledAt} type="primary" onClick={() => setEdit({ kind: 'createUser', inDept: dept ?? null })} data-testid="edit-createUser">{t('edit.action.createUser')}</WriteButton>
              <Input.Search allowClear placeholder={t('dir.search')} aria-label={t('dir.search')} onSearch={(q) => { setSearch(q); setPage(1); }} style={{ width: 260 }} />
            </Space>
          }
        >
          {error && <Alert type="error" showIcon title={error} />}
          <Table<WxUser>
            size="small"
            rowKey="userid"
            dataSource={data?.users ?? []}
            loading={!data && !error}
            onRow={(u) => ({ onClick: () => setOpen(u), style: { cursor: 'pointer' } })}
            pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => t('dir.total', { n }) }}
            columns={[
              { title: t('field.name'), dataIndex: 'name', render: (v: string) => <Typography.Link>{v}</Typography.Link> },
              { title: t('field.userid'), dataIndex: 'userid', render: (v: string) => <span className="wb-mono">{v}</span> },
              { title: t('field.mobile'), dataIndex: 'mobile', render: (v: string | null) => v ?? '—' },
              { title: t('field.department'), dataIndex: 'department', ellipsis: true, render: (ids: number[]) => ids.map(deptName).join('、') },
              { title: t('field.status'), dataIndex: 'status', width: 90, render: (s: number) => <Tag color={s === 1 ? 'success' : 'default'}>{t(`userStatus.${WX_STATUS[s] ?? 'active'}` as MessageKey)}</Tag> },
              { title: t('card.boundOa'), dataIndex: 'boundTo', width: 120, render: (v: string | null) => (v ? <Tag color="blue">{v}</Tag> : <Tag>{t('card.unbound')}</Tag>) },
            ]}
          />
        </Card>
      </div>
      <UserCard
        corpId={corpId}
        user={open}
        deptName={deptName}
        readonly={readonly}
        onEdit={(kind, u) => setEdit({ kind, user: u })}
        onClose={() => setOpen(null)}
        onChanged={(u) => {
          setOpen(u);
          load();
        }}
      />
      <EditModal corpId={corpId} req={edit} depts={depts ?? []} onClose={() => setEdit(null)} onApplied={onApplied} />
    </div>
  );
}
