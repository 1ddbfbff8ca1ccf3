import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { AddressAssessment, ExternalAddressField } from '../../../main/api/schemas';
import { toApiError } from '../../api';
import { AddressMissingAlert } from '../../components/AddressMissingAlert';
import { CopyField } from '../../components/CopyField';
import { errorText } from '../../components/error-text';
import { schemaMessage, useLang, useT } from '../../i18n';
import { useBasics } from '../../stores';
import { AssessmentDetails } from './AssessmentDetails';

/** F0.1 【云桥对外域名】 with 【保存】: assessed first; risky addresses need a confirmation naming what fails. */
export function ExternalAddressCard() {
  const t = useT();
  const lang = useLang();
  const { modal, message } = App.useApp();
  const view = useBasics((s) => s.view);
  const assess = useBasics((s) => s.assess);
  const setAddress = useBasics((s) => s.setAddress);
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => setValue(view?.externalAddress ?? ''), [view?.externalAddress]);

  function confirmRisky(url: string, assessment: AddressAssessment) {
    modal.confirm({
      title: t('basics.confirm.title'),
      content: <AssessmentDetails assessment={assessment} />,
      okText: t('basics.confirm.ok'),
      okButtonProps: { danger: true },
      width: 520,
      onOk: () => write(url, true),
    });
  }

  async function write(url: string | null, force: boolean) {
    try {
      await setAddress(url, force);
      message.success(t('common.saved'));
    } catch (e) {
      const err = toApiError(e);
      // The corps may have changed since the assessment: the core then asks for the confirmation itself.
      const again = err.code === 'needs_confirmation' && url ? AddressAssessment.safeParse(err.details) : null;
      if (again?.success && url) confirmRisky(url, again.data);
      else setFieldError(errorText(err, t));
    }
  }

  async function save() {
    setFieldError(null);
    const raw = value.trim();
    if (raw === '') {
      if (view?.externalAddress) {
        modal.confirm({ title: t('basics.address.clearConfirm'), onOk: () => write(null, false) });
      }
      return;
    }
    const parsed = ExternalAddressField.safeParse(raw);
    if (!parsed.success) {
      setFieldError(schemaMessage(parsed.error.issues[0]?.message ?? '', lang));
      return;
    }
    const url = parsed.data;
    setSaving(true);
    try {
      const assessment = await assess(url);
      if (assessment.level === 'confirm') {
        confirmRisky(url, assessment);
      } else {
        await write(url, false);
      }
    } catch (e) {
      setFieldError(errorText(toApiError(e), t));
    } finally {
      setSaving(false);
    }
  }

  const saved = view?.assessment;
  return (
    <Card title={t('basics.address.label')}>
      <div className="wb-stack">
        {view && !view.externalAddress && <AddressMissingAlert listenerBase={view.listenerBase} />}
        {view?.externalAddress && saved && saved.level !== 'ok' && (
          <Alert
            type="warning"
            showIcon
            title={saved.level === 'warn' ? t('basics.warn.title') : t('basics.confirm.title')}
            description={<AssessmentDetails assessment={saved} saved />}
          />
        )}
        <Form layout="vertical" onFinish={save} requiredMark={false}>
          <Form.Item
            label={t('basics.address.label')}
            validateStatus={fieldError ? 'error' : undefined}
            help={fieldError ?? t('basics.address.help')}
            style={{ marginBottom: 8 }}
          >
            <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
              <Input
                aria-label={t('basics.address.label')}
                value={value}
                placeholder={t('basics.address.placeholder')}
                onChange={(e) => setValue(e.target.value)}
              />
              <Button type="primary" htmlType="submit" loading={saving}>
                {t('common.save')}
              </Button>
            </Space.Compact>
          </Form.Item>
        </Form>
        {view?.externalAddress && (
          <Space>
            <Typography.Text type="secondary">{t('basics.address.current')}</Typography.Text>
            <CopyField value={view.externalAddress} />
          </Space>
        )}
      </div>
    </Card>
  );
}
