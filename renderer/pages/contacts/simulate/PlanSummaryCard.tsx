import { Button, Card, Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { STATUS_COLOR } from '../../../components/org-diff/diff-colors';
import { useT, type MessageKey } from '../../../i18n';
import type { SimulateResult } from '../../../stores/contacts-sync';

type Summary = SimulateResult['summary'];

const COUNT_STATUS: Record<string, keyof typeof STATUS_COLOR> = {
  createDept: 'new',
  renameDept: 'updated',
  moveDept: 'moved',
  deleteDept: 'deleted',
  createUser: 'new',
  updateUser: 'updated',
  moveUser: 'moved',
  disableUser: 'disabled',
  enableUser: 'updated',
  deleteUser: 'deleted',
  invite: 'new',
  bind: 'matched',
  linkDept: 'matched',
};

/** What the plan will do, in numbers, with the hash that the apply must match. */
export function PlanSummaryCard({ summary, actions }: { summary: Summary; actions: ReactNode }) {
  const t = useT();
  const kinds = Object.keys(COUNT_STATUS).filter((k) => (summary.counts[k] ?? 0) > 0);
  return (
    <Card size="small" title={t('plan.summary')} extra={<Space>{actions}</Space>} data-testid="plan-summary">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space size={[6, 6]} wrap>
          {kinds.length === 0 && <Typography.Text type="secondary">{t('plan.nothing')}</Typography.Text>}
          {kinds.map((k) => (
            <Tag key={k} color={STATUS_COLOR[COUNT_STATUS[k]]} data-testid={`count-${k}`}>
              {t(`op.${k}` as MessageKey)} {summary.counts[k]}
            </Tag>
          ))}
        </Space>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'd', label: t('plan.destructive'), children: <Typography.Text type={summary.destructive ? 'danger' : undefined} strong>{summary.destructive}</Typography.Text> },
            { key: 'o', label: t('plan.outOfScope'), children: t('plan.outOfScopeValue', { users: summary.outOfScope.users, depts: summary.outOfScope.depts }) },
            { key: 'e', label: t('plan.estimate'), children: t('plan.estimateValue', { calls: summary.estimate.calls, seconds: summary.estimate.seconds }) },
            { key: 'a', label: t('plan.inScopeActive'), children: t('plan.inScopeValue', { oa: summary.inScopeActive, wx: summary.mirrorUsers }) },
            { key: 'c', label: t('plan.conflictsLabel'), children: summary.conflictsTotal },
            {
              key: 'h',
              label: t('plan.hash'),
              children: (
                <Tooltip title={t('plan.hashHelp')}>
                  <span className="wb-mono">{summary.hash}</span>
                </Tooltip>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

export function SimulateButton({ onClick, loading, primary }: { onClick(): void; loading: boolean; primary?: boolean }) {
  const t = useT();
  return (
    <Button type={primary ? 'primary' : 'default'} onClick={onClick} loading={loading}>
      {t('contacts.action.simulate')}
    </Button>
  );
}
