import { Alert, Checkbox, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { typedMatches, TypedConfirmField } from '../../../components/TypedConfirm';
import { useT, type MessageKey } from '../../../i18n';
import type { SimulateResult } from '../../../stores/contacts-sync';
import { settingLabel } from './PlanBanners';

type Summary = SimulateResult['summary'];

export interface PushConfirmProps {
  open: boolean;
  summary: Summary;
  toOA: boolean;
  onCancel(): void;
  onConfirm(opts: { confirm?: number; approveHeld: boolean }): void;
}

/**
 * F4.12: deletes, disables and out-of-scope removals are confirmed by typing their count; a held plan
 * needs an explicit approval naming each rule (required for whole-run holds; for the user-decrease rule
 * leaving it unticked applies the departments only).
 */
export function PushConfirmModal({ open, summary, toOA, onCancel, onConfirm }: PushConfirmProps) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [approved, setApproved] = useState<Record<string, boolean>>({});
  useEffect(() => {
    if (open) {
      setTyped('');
      setApproved({});
    }
  }, [open, summary.hash]);

  const held = summary.safety.held;
  const runHolds = held.filter((h) => h.part === 'run');
  const countOk = summary.destructive === 0 || typedMatches(String(summary.destructive), typed);
  const runOk = runHolds.every((h) => approved[h.rule]);
  const approveHeld = held.length > 0 && held.every((h) => approved[h.rule]);
  const c = summary.counts;

  return (
    <Modal
      open={open}
      title={t('push.confirm.title')}
      okText={t('push.confirm.ok')}
      okButtonProps={{ danger: summary.destructive > 0, disabled: !countOk || !runOk, 'data-testid': 'push-confirm-ok' }}
      onCancel={onCancel}
      onOk={() => onConfirm({ confirm: summary.destructive > 0 ? summary.destructive : undefined, approveHeld })}
      destroyOnHidden
      width={600}
      // Close at once on confirm: the live progress below is what the admin watches next.
      transitionName=""
      maskTransitionName=""
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text>
          {t('push.confirm.what', { depts: c.createDept + c.renameDept + c.moveDept, users: c.createUser + c.updateUser + c.moveUser + c.enableUser, calls: summary.estimate.calls })}
        </Typography.Text>
        <Typography.Text type="secondary">{t('push.confirm.pullFirst')}</Typography.Text>
        {toOA && <Alert type="warning" showIcon title={t('settings.toOA.bothWays')} />}
        {summary.destructive > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('push.confirm.destructive', { n: summary.destructive, deletes: c.deleteUser, disables: c.disableUser, depts: c.deleteDept, out: summary.outOfScope.users + summary.outOfScope.depts })}
            description={
              <TypedConfirmField expected={String(summary.destructive)} value={typed} onChange={setTyped} prompt={t('push.confirm.type', { n: summary.destructive })} testId="push-confirm-count" />
            }
          />
        )}
        {held.map((h) => (
          <div key={h.rule} data-testid={`approve-${h.rule}`}>
          <Checkbox checked={!!approved[h.rule]} onChange={(e) => setApproved((a) => ({ ...a, [h.rule]: e.target.checked }))}>
            {t('push.confirm.approve', { rule: t(`plan.rule.${h.rule}` as MessageKey), limit: h.limit, actual: h.actual, setting: settingLabel(h.setting, t) })}
            <br />
            <Typography.Text type="secondary">{h.part === 'run' ? t('push.confirm.approveRun') : t('push.confirm.approveUsers')}</Typography.Text>
          </Checkbox>
          </div>
        ))}
      </Space>
    </Modal>
  );
}
