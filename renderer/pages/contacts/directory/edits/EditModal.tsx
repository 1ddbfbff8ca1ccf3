import { Alert, Button, Form, Modal, Progress, Result, Space, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ContactEdit, EditProblem } from '../../../../../main/sync/edit-schema';
import { ApiError, toApiError } from '../../../../api';
import { ErrcodeHint } from '../../../../components/ErrcodeHint';
import { errorText } from '../../../../components/error-text';
import { typedMatches, TypedConfirmField } from '../../../../components/TypedConfirm';
import { useT, type MessageKey } from '../../../../i18n';
import { useContacts, useJobs } from '../../../../stores';
import type { EditPlan, MirrorDept } from '../../../../stores/contacts-data';
import { EditForm, NO_FORM, toEdit, type EditRequest, type FormValues } from './EditForm';
import { fieldLabel, problemsOf, problemText, valueText } from './edit-text';

interface EditResult {
  status: 'succeeded' | 'failed' | 'cancelled';
  failure: { op: string; target: string; errcode: number | null; message: string } | null;
  toOA?: { changes: number; workbook: string | null };
}

type Step =
  | { at: 'form' }
  | { at: 'preview'; plan: EditPlan }
  | { at: 'running'; plan: EditPlan; jobId: string }
  | { at: 'result'; plan: EditPlan; result: EditResult | null; error: ApiError | null }
  | { at: 'refused'; problems: EditProblem[]; error: ApiError | null };

function titleOf(req: EditRequest, t: ReturnType<typeof useT>): string {
  const name = 'user' in req ? req.user.name : 'dept' in req ? req.dept.name : 'parent' in req ? req.parent.name : '';
  return t(`edit.title.${req.kind}` as MessageKey, { name });
}

/**
 * F4.15: one edit of the WeCom directory — form, preview of the one-operation plan (before → after, the
 * manual's warnings, the typed count when destructive), the apply with its progress, and its result with
 * WeCom's errcode explained. A plan gone stale offers a new preview.
 */
export function EditModal({ corpId, req, depts, onClose, onApplied }: { corpId: string; req: EditRequest | null; depts: MirrorDept[]; onClose(): void; onApplied(plan: EditPlan): void }) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const previewEdit = useContacts((s) => s.previewEdit);
  const startEdit = useContacts((s) => s.startEdit);
  const afterEdit = useContacts((s) => s.afterEdit);
  const track = useJobs((s) => s.track);
  const [step, setStep] = useState<Step>({ at: 'form' });
  const progress = useJobs((s) => (step.at === 'running' ? s.progress[step.jobId] : undefined));
  const [busy, setBusy] = useState(false);
  const [typed, setTyped] = useState('');
  const [formError, setFormError] = useState<string | null>(null);

  async function preview(edit: ContactEdit) {
    setBusy(true);
    setFormError(null);
    try {
      const plan = await previewEdit({ corpId, edit });
      setTyped('');
      setStep({ at: 'preview', plan });
    } catch (e) {
      const err = toApiError(e);
      const problems = err.code === 'invalid_edit' ? problemsOf(err.details) : [];
      if (req && !NO_FORM.has(req.kind) && step.at === 'form') {
        // Problems go on their fields; what no field shows goes above the form.
        const known = new Set(Object.keys(form.getFieldsValue(true) as object));
        form.setFields(problems.filter((p) => known.has(p.field)).map((p) => ({ name: p.field as keyof FormValues, errors: [problemText(p, edit.kind, t)] })));
        const rest = problems.filter((p) => !known.has(p.field));
        setFormError(rest.length ? rest.map((p) => problemText(p, edit.kind, t)).join('；') : problems.length ? null : errorText(err, t));
        setStep({ at: 'form' });
      } else setStep({ at: 'refused', problems, error: problems.length ? null : err });
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (!req) return;
    form.resetFields();
    setFormError(null);
    setStep({ at: 'form' });
    if (NO_FORM.has(req.kind)) void preview(toEdit(req, {}));
  }, [req]); // eslint-disable-line react-hooks/exhaustive-deps

  async function onPreview() {
    if (!req) return;
    const values = await form.validateFields().catch(() => null);
    if (values) await preview(toEdit(req, { ...form.getFieldsValue(true), ...values }));
  }

  async function onApply(plan: EditPlan) {
    setBusy(true);
    try {
      const jobId = await startEdit({ corpId, id: plan.id, confirm: plan.destructive > 0 ? plan.destructive : undefined });
      setStep({ at: 'running', plan, jobId });
      const job = await track(jobId);
      const result = job.status === 'succeeded' ? (job.result as EditResult) : null;
      const error = job.error ? new ApiError(job.error) : null;
      setStep({ at: 'result', plan, result, error });
      if (result?.status === 'succeeded') {
        afterEdit(corpId);
        onApplied(plan);
      }
    } catch (e) {
      setStep({ at: 'result', plan, result: null, error: toApiError(e) });
    } finally {
      setBusy(false);
    }
  }

  if (!req) return null;
  const op = t(`edit.action.${req.kind}` as MessageKey);
  const footer = (() => {
    switch (step.at) {
      case 'form':
        return [
          <Button key="c" onClick={onClose}>{t('common.cancel')}</Button>,
          <Button key="p" type="primary" loading={busy} onClick={() => void onPreview()} data-testid="edit-preview">{t('edit.preview')}</Button>,
        ];
      case 'preview': {
        const ok = step.plan.destructive === 0 || typedMatches(String(step.plan.destructive), typed);
        return [
          NO_FORM.has(req.kind) ? <Button key="c" onClick={onClose}>{t('common.cancel')}</Button> : <Button key="b" onClick={() => setStep({ at: 'form' })}>{t('edit.back')}</Button>,
          <Button key="a" type="primary" danger={step.plan.destructive > 0} disabled={!ok} loading={busy} onClick={() => void onApply(step.plan)} data-testid="edit-apply">{t('edit.apply')}</Button>,
        ];
      }
      case 'running':
        return null;
      default:
        return [<Button key="x" onClick={onClose} data-testid="edit-close">{t('common.close')}</Button>];
    }
  })();

  return (
    <Modal open title={titleOf(req, t)} onCancel={step.at === 'running' ? undefined : onClose} closable={step.at !== 'running'} maskClosable={false} footer={footer} width={640} destroyOnHidden data-testid="edit-modal">
      {step.at === 'form' && !NO_FORM.has(req.kind) && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('edit.help')}</Typography.Text>
          {formError && <Alert type="error" showIcon title={formError} data-testid="edit-form-error" />}
          <EditForm corpId={corpId} req={req} form={form} depts={depts} />
        </Space>
      )}
      {step.at === 'form' && NO_FORM.has(req.kind) && <Spin />}
      {step.at === 'refused' && (
        <Alert type="error" showIcon title={step.problems.length ? step.problems.map((p) => problemText(p, req.kind, t)).join('；') : step.error ? errorText(step.error, t) : ''} data-testid="edit-refused" />
      )}
      {(step.at === 'preview' || step.at === 'running') && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="edit-plan">
          <Typography.Text strong>{t('edit.previewTitle', { op })}</Typography.Text>
          <Table
            size="small"
            rowKey="field"
            pagination={false}
            dataSource={step.plan.changes}
            columns={[
              { title: t('edit.col.field'), dataIndex: 'field', width: 120, render: (f: string) => fieldLabel(f, req.kind, t) },
              { title: t('edit.col.before'), key: 'from', render: (_: unknown, c) => <Typography.Text type="secondary" delete={c.to !== null && c.from !== null}>{valueText(c.field, c.from, t)}</Typography.Text> },
              { title: t('edit.col.after'), key: 'to', render: (_: unknown, c) => <Typography.Text strong>{valueText(c.field, c.to, t)}</Typography.Text> },
            ]}
          />
          {step.plan.notes.map((n) => (
            <Alert key={n} type={n === 'deleteLosesData' || n === 'mobileIgnoredWhenActive' ? 'warning' : 'info'} showIcon title={t(`edit.note.${n}` as MessageKey)} />
          ))}
          {step.at === 'preview' && step.plan.destructive > 0 && (
            <TypedConfirmField expected={String(step.plan.destructive)} value={typed} onChange={setTyped} prompt={t('edit.confirm', { n: step.plan.destructive })} testId="edit-confirm-count" />
          )}
          {step.at === 'running' && (
            <div data-testid="edit-progress">
              <Typography.Text>{t('edit.running')} · {progress ? t(`edit.phase.${progress.phase === 'refresh' ? 'refresh' : 'apply'}` as MessageKey) : t('edit.phase.refresh')}</Typography.Text>
              {/* One operation: the bar shows the refresh (first half) and the write (second half). */}
              <Progress percent={progress?.phase === 'apply' && progress.total > 0 ? 50 + Math.floor((progress.done / progress.total) * 50) : 0} status="active" />
            </div>
          )}
        </Space>
      )}
      {step.at === 'result' && <EditResultView req={req} plan={step.plan} result={step.result} error={step.error} onRepreview={() => void preview(step.plan.edit)} />}
    </Modal>
  );
}

function EditResultView({ req, plan, result, error, onRepreview }: { req: EditRequest; plan: EditPlan; result: EditResult | null; error: ApiError | null; onRepreview(): void }) {
  const t = useT();
  const op = t(`edit.action.${req.kind}` as MessageKey);
  if (result?.status === 'succeeded') {
    return (
      <Result
        status="success"
        title={t('edit.done', { op, name: plan.target.name })}
        subTitle={result.toOA?.workbook ? t('edit.toOA', { n: result.toOA.changes, file: result.toOA.workbook }) : undefined}
        data-testid="edit-done"
      />
    );
  }
  if (result?.status === 'failed' && result.failure) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="edit-failed">
        <Typography.Text strong>{t('edit.failed')}</Typography.Text>
        <ErrcodeHint errcode={result.failure.errcode} message={result.failure.message} secretKind="contact" />
      </Space>
    );
  }
  if (result?.status === 'cancelled') return <Result status="warning" title={t('edit.cancelled')} />;
  if (error?.code === 'stale_plan') {
    return <Result status="warning" title={t('edit.stale')} subTitle={error.message} extra={<Button type="primary" onClick={onRepreview} data-testid="edit-repreview">{t('edit.repreview')}</Button>} data-testid="edit-stale" />;
  }
  const problems = error?.code === 'invalid_edit' ? problemsOf(error.details) : [];
  return <Alert type="error" showIcon title={problems.length ? problems.map((p) => problemText(p, req.kind, t)).join('；') : error ? errorText(error, t) : ''} data-testid="edit-error" />;
}
