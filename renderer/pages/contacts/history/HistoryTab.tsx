import { Button, Card, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useT, type MessageKey } from '../../../i18n';
import { useContacts } from '../../../stores';
import type { HistoryEntry } from '../../../stores/contacts-data';

const NONE: HistoryEntry[] = [];
const STATUS_COLOR: Record<string, string> = { succeeded: 'success', partial: 'warning', held: 'warning', failed: 'error', refused: 'error', cancelled: 'default', running: 'processing' };

/** The numbers worth a glance for each kind of run. */
function summaryText(e: HistoryEntry, t: ReturnType<typeof useT>): string {
  const s = e.summary as Record<string, unknown>;
  const n = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : null);
  if (e.kind === 'pull') return t('history.pull', { d: n('departments') ?? 0, u: n('users') ?? 0, b: n('newBindings') ?? 0 });
  if (e.kind === 'simulate' && s.counts) return t('history.simulate', { changes: n('changes') ?? 0, destructive: n('destructive') ?? 0, active: n('inScopeActive') ?? 0 });
  if (e.kind === 'push') return s.reason ? String(s.reason) : t('history.push', { done: n('done') ?? 0, failed: Array.isArray(s.failed) ? s.failed.length : 0 });
  if (e.kind === 'edit' && typeof s.kind === 'string') {
    // F4.15: what was edited, the fields it changed, and WeCom's refusal if any.
    const target = (s.target ?? {}) as { name?: string; id?: string };
    const fields = Array.isArray(s.changes) ? (s.changes as { field: string }[]).map((c) => (c.field === 'parent' ? t('edit.field.parent') : String(s.kind).endsWith('Dept') && c.field === 'name' ? t('edit.field.deptName') : (t(`field.${c.field}` as MessageKey) ?? c.field))).join(', ') : '';
    const failure = s.failure as { errcode: number | null; message: string } | null;
    return `${t(`edit.action.${s.kind}` as MessageKey) ?? s.kind}「${target.name ?? target.id ?? ''}」${fields ? ` · ${fields}` : ''}${failure ? ` · ${failure.errcode ?? ''} ${failure.message}` : ''}`;
  }
  if (e.kind === 'bind') return `${t(`history.bind.${String(s.action)}` as MessageKey) ?? String(s.action)}${s.userid ? ` ${String(s.userid)}` : ''}${typeof s.removed === 'number' ? ` ${s.removed}` : ''}${typeof s.bound === 'number' ? ` ${s.bound}` : ''}`;
  if (typeof s.error === 'string') return s.error;
  return '';
}

/** F4.14 【同步记录】: every pull, simulation, push, edit and binding change, who and when, with its plan. */
export function HistoryTab({ corpId, onOpenPlan }: { corpId: string; onOpenPlan(hash: string): void }) {
  const t = useT();
  const list = useContacts((s) => s.history[corpId] ?? NONE);
  const load = useContacts((s) => s.loadHistory);
  useEffect(() => void load(corpId).catch(() => undefined), [corpId, load]);
  return (
    <Card size="small" title={t('contacts.tab.history')} extra={<Button size="small" onClick={() => void load(corpId)}>{t('history.refresh')}</Button>}>
      <Table<HistoryEntry>
        size="small"
        rowKey="id"
        dataSource={list}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('history.when'), dataIndex: 'startedAt', width: 180, render: (v: string) => new Date(v).toLocaleString() },
          { title: t('history.kind'), dataIndex: 'kind', width: 140, className: 'wb-nowrap', render: (k: string) => t(`history.kind.${k}` as MessageKey) ?? k },
          { title: t('history.actor'), dataIndex: 'actor', width: 90 },
          { title: t('history.status'), dataIndex: 'status', width: 100, render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`history.status.${s}` as MessageKey) ?? s}</Tag> },
          { title: t('history.summary'), key: 's', render: (_: unknown, e) => <Typography.Text>{summaryText(e, t)}</Typography.Text> },
          { title: t('plan.hash'), dataIndex: 'planHash', width: 170, render: (h: string | null, e) => (!h ? '—' : e.kind === 'edit' ? <span className="wb-mono">{h}</span> : <Button type="link" size="small" className="wb-mono" onClick={() => onOpenPlan(h)}>{h}</Button>) },
        ]}
      />
    </Card>
  );
}
