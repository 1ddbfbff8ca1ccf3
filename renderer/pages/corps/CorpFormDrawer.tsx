import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Collapse, Drawer, Form, Input, Select, Space, Upload } from 'antd';
import { useEffect, useState } from 'react';
import type { CorpView } from '../../../main/api/schemas';
import { toApiError } from '../../api';
import { errorText } from '../../components/error-text';
import { SecretField } from '../../components/SecretField';
import { schemaMessage, useLang, useT } from '../../i18n';
import { useCorps } from '../../stores';
import {
  advancedFields,
  fieldErrors,
  initialValues,
  toCreateInput,
  toUpdateInput,
  type CorpField,
  type CorpFormValues,
} from './corp-form-model';

export interface CorpFormDrawerProps {
  open: boolean;
  /** The corp being edited; absent = 【新建企业微信】. */
  corp?: CorpView;
  onClose(): void;
  onSaved?(corp: CorpView): void;
}

/** F1.1 create / edit form, validated with the core's own zod schemas, errors inline on each field. */
export function CorpFormDrawer({ open, corp, onClose, onSaved }: CorpFormDrawerProps) {
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const create = useCorps((s) => s.create);
  const update = useCorps((s) => s.update);
  const [form] = Form.useForm<CorpFormValues>();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [advancedOpen, setAdvancedOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initialValues(corp));
    setServerError(null);
    setAdvancedOpen(!!(corp?.proxyUrl || corp?.caPem || (corp && corp.apiPrefix !== '/cgi-bin')));
  }, [open, corp, form]);

  const showErrors = (errors: Partial<Record<CorpField, string>>, only?: CorpField[]) => {
    const names = only ?? (Object.keys(initialValues()) as CorpField[]);
    form.setFields(names.map((name) => ({ name, errors: errors[name] ? [schemaMessage(errors[name]!, lang)] : [] })));
  };

  // The private-deployment rule shows as soon as 【类型】 changes, not only on save.
  const onValuesChange = (changed: Partial<CorpFormValues>) => {
    if ('kind' in changed || 'apiBase' in changed) {
      showErrors(fieldErrors(form.getFieldsValue(true) as CorpFormValues), ['apiBase']);
    }
  };

  async function submit() {
    const values = form.getFieldsValue(true) as CorpFormValues;
    const errors = fieldErrors(values);
    showErrors(errors);
    if (Object.keys(errors).length > 0) {
      if (advancedFields.some((f) => errors[f])) setAdvancedOpen(true);
      return;
    }
    setSaving(true);
    setServerError(null);
    try {
      const saved = corp ? await update(toUpdateInput(corp.id, values)) : await create(toCreateInput(values));
      message.success(corp ? t('common.saved') : t('corpForm.created', { name: saved.name }));
      onSaved?.(saved);
      onClose();
    } catch (e) {
      setServerError(errorText(toApiError(e), t));
    } finally {
      setSaving(false);
    }
  }

  const readCa = (file: File) => {
    file.text().then(
      (text) => form.setFields([{ name: 'caPem', value: text.trim(), errors: [] }]),
      () => message.error(t('corpForm.ca.readFailed')),
    );
    return false; // never upload: the PEM travels inside the form
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={600}
      title={corp ? t('corpForm.editTitle') : t('corpForm.createTitle')}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={submit}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onValuesChange={onValuesChange} onFinish={submit} requiredMark>
        {serverError && <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} />}
        <Form.Item name="name" label={t('corpForm.name')} required>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="corpid" label={t('corpForm.corpid')} required extra={t('corpForm.corpid.help')}>
          <Input className="wb-mono" placeholder="ww0123456789abcdef" />
        </Form.Item>
        <Form.Item name="kind" label={t('corpForm.kind')} required>
          <Select
            options={(['public', 'private', 'gov'] as const).map((k) => ({ value: k, label: t(`corps.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="apiBase" label={t('corpForm.apiBase')} required extra={t('corpForm.apiBase.help')}>
          <Input className="wb-mono" />
        </Form.Item>
        <Form.Item name="contactSecret" label={t('corpForm.contactSecret')} extra={t('corpForm.contactSecret.help')}>
          <SecretField isSet={!!corp?.hasContactSecret} />
        </Form.Item>
        <Form.Item name="customerSecret" label={t('corpForm.customerSecret')} extra={t('corpForm.customerSecret.help')}>
          <SecretField isSet={!!corp?.hasCustomerSecret} />
        </Form.Item>
        <Collapse
          activeKey={advancedOpen ? ['advanced'] : []}
          onChange={(keys) => setAdvancedOpen(keys.includes('advanced'))}
          items={[
            {
              key: 'advanced',
              label: t('common.advanced'),
              forceRender: true,
              children: (
                <>
                  <Form.Item name="apiPrefix" label={t('corpForm.apiPrefix')} extra={t('corpForm.apiPrefix.help')}>
                    <Input className="wb-mono" />
                  </Form.Item>
                  <Form.Item name="proxyUrl" label={t('corpForm.proxy')} extra={t('corpForm.proxy.help')}>
                    <Input className="wb-mono" />
                  </Form.Item>
                  <Form.Item label={t('corpForm.ca')} extra={t('corpForm.ca.help')} style={{ marginBottom: 0 }}>
                    <Form.Item name="caPem" noStyle>
                      <Input.TextArea
                        className="wb-mono"
                        rows={4}
                        placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'}
                      />
                    </Form.Item>
                    <Upload accept=".pem,.crt,.cer" showUploadList={false} beforeUpload={readCa}>
                      <Button icon={<UploadOutlined />} size="small" style={{ marginTop: 8 }}>
                        {t('corpForm.ca.upload')}
                      </Button>
                    </Upload>
                  </Form.Item>
                </>
              ),
            },
          ]}
        />
      </Form>
    </Drawer>
  );
}
