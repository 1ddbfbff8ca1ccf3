import { Alert, Card, Descriptions, Empty, Input, Pagination, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { conflictText, useLang, useT, type MessageKey, type T } from '../../i18n';
import { STATUS_COLOR } from './diff-colors';
import { StatusChip } from './DiffLegend';
import type { DiffNode, DiffTreeData, DiffUserChange } from './diff-model';

const PAGE = 30;
const KNOWN_FIELDS = new Set(['userid', 'name', 'department', 'mainDepartment', 'mobile', 'email', 'position', 'status', 'invite', 'binding', 'alias', 'telephone', 'gender', 'address', 'external_position', 'biz_mail']);
const STATUS_VALUES = new Set(['active', 'disabled', 'deleted', 'inactive', 'quit']);

export function fieldLabel(field: string, t: T): string {
  return KNOWN_FIELDS.has(field) ? t(`field.${field}` as MessageKey) : field;
}

function value(field: string, v: string | null, t: T): string {
  if (v === null || v === '') return '—';
  if (field === 'status' && STATUS_VALUES.has(v)) return t(`userStatus.${v}` as MessageKey);
  if (field === 'invite') return t('common.yes');
  return v;
}

/** One person's change: kinds, reason, and each field before → after. */
export function UserChangeItem({ change }: { change: DiffUserChange }) {
  const t = useT();
  return (
    <div className="wb-diff-user" style={{ borderLeftColor: STATUS_COLOR[change.status] }} data-testid="user-change" data-status={change.status}>
      <Space size={6} wrap>
        <Typography.Text strong>{change.name}</Typography.Text>
        {change.userid && <Typography.Text type="secondary" className="wb-mono">{change.userid}</Typography.Text>}
        {change.kinds.map((k) => (
          <Tag key={k} color={STATUS_COLOR[change.status]} variant="outlined" style={{ color: STATUS_COLOR[change.status] }}>
            {t(`diff.kind.${k}` as MessageKey)}
          </Tag>
        ))}
        {change.reason && <Tag>{t(`diff.reason.${change.reason}` as MessageKey)}</Tag>}
      </Space>
      {change.fields.map((f, i) => (
        <div key={i} className="wb-diff-field">
          <span>{fieldLabel(f.field, t)}</span>
          <span>
            {f.from !== null && (
              <>
                <span className="wb-diff-from">{value(f.field, f.from, t)}</span>
                {' → '}
              </>
            )}
            <span className="wb-diff-to">{value(f.field, f.to, t)}</span>
          </span>
        </div>
      ))}
    </div>
  );
}

/** The selected department: its status and link, its conflicts, and its user changes (F4.10). */
export function DiffSidePanel({ node, tree }: { node: DiffNode | null; tree: DiffTreeData }) {
  const t = useT();
  const lang = useLang();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const users = useMemo(() => {
    const s = q.trim().toLowerCase();
    return !node ? [] : s ? node.users.filter((u) => u.name.toLowerCase().includes(s) || (u.userid ?? '').toLowerCase().includes(s)) : node.users;
  }, [node, q]);
  const conflicts = useMemo(() => (node ? tree.conflicts.filter((c) => (c.oaDeptId !== undefined && c.oaDeptId === node.oaId) || (c.wxDeptId !== undefined && c.wxDeptId === node.wxId)) : []), [node, tree]);
  if (!node) {
    return (
      <Card className="wb-diff-panel" size="small" title={t('diff.panel.title')}>
        <Empty description={t('diff.panel.pick')} />
      </Card>
    );
  }
  const shown = users.slice((page - 1) * PAGE, page * PAGE);
  return (
    <Card className="wb-diff-panel" size="small" title={<StatusChip status={node.status}>{node.linked && <span className="wb-diff-dot">●</span>}{node.name}</StatusChip>} data-testid="diff-panel">
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 's', label: t('diff.panel.status'), children: t(`diff.statusHelp.${node.status}` as MessageKey) },
            { key: 'l', label: t('diff.panel.link'), children: node.linked ? t('diff.panel.linked', { id: node.wxId ?? '' }) : node.status === 'new' ? t('diff.panel.willLink') : t('diff.panel.notLinked') },
            ...(node.oaId ? [{ key: 'o', label: t('diff.panel.oaId'), children: <span className="wb-mono">{node.oaId}</span> }] : []),
            ...(node.renamedFrom !== null ? [{ key: 'r', label: t('diff.panel.renamed'), children: `${node.renamedFrom} → ${node.name}` }] : []),
            ...(node.movedFrom !== null ? [{ key: 'm', label: t('diff.panel.moved'), children: t('diff.movedFrom', { name: node.movedFrom }) }] : []),
          ]}
        />
        {node.removes && <Alert type="error" showIcon title={t('diff.panel.removes')} />}
        {conflicts.map((c, i) => {
          const text = conflictText(c, lang);
          return <Alert key={i} type="warning" showIcon title={text.message} description={t('diff.fix', { fix: text.fix })} />;
        })}
        <Typography.Text strong>{t('diff.panel.users', { n: node.users.length })}</Typography.Text>
        {node.users.length > 8 && <Input.Search allowClear size="small" placeholder={t('diff.panel.searchUsers')} value={q} onChange={(e) => { setQ(e.target.value); setPage(1); }} />}
        {node.users.length === 0 ? <Typography.Text type="secondary">{t('diff.panel.noUsers')}</Typography.Text> : shown.map((u) => <UserChangeItem key={`${u.userid}:${u.oaUserId}`} change={u} />)}
        {users.length > PAGE && <Pagination size="small" current={page} pageSize={PAGE} total={users.length} onChange={setPage} showSizeChanger={false} />}
      </Space>
    </Card>
  );
}
