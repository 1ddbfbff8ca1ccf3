import { Alert, App, Button, Divider, Drawer, Form, Input, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { AppCreateInput, AppUpdateInput, type AppView, type WeComCheck } from '../../../main/api/schemas';
import { toApiError } from '../../api';
import { EgressIp } from '../../components/EgressIp';
import { ErrcodeHint } from '../../components/ErrcodeHint';
import { errorText } from '../../components/error-text';
import { JobProgress } from '../../components/JobProgress';
import { SecretField } from '../../components/SecretField';
import { schemaMessage, useLang, useT } from '../../i18n';
import { diagProgress, useCorps, useJobs } from '../../stores';

interface AppFormValues {
  name: string;
  agentid: string;
  secret?: string | null;
}
type AppField = keyof AppFormValues;

function issues(error: z.ZodError): Partial<Record<AppField, string>> {
  const out: Partial<Record<AppField, string>> = {};
  for (const i of error.issues) {
    const f = i.path[0] as AppField | undefined;
    if (f && !out[f]) out[f] = i.message;
  }
  return out;
}

/** F2.1/F2.2 【应用详情】: name, AgentID, Secret; save then validate (gettoken + agent/get); 【公网IP】 always shown. */
export function AppDrawer(props: { corpId: string; app?: AppView; open: boolean; onClose(): void }) {
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<AppFormValues>();
  const createApp = useCorps((s) => s.createApp);
  const updateApp = useCorps((s) => s.updateApp);
  const validateApp = useCorps((s) => s.validateApp);
  const [appId, setAppId] = useState<string | undefined>(props.app?.id);
  const app = useCorps((s) => (appId ? s.appsByCorp[props.corpId]?.find((a) => a.id === appId) : undefined));
  const [check, setCheck] = useState<WeComCheck | null>(null);
  const [busy, setBusy] = useState<'save' | 'validate' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const diag = useJobs((s) => s.diagByCorp[props.corpId]);
  const progress = useJobs((s) => diagProgress(s, props.corpId));
  const startDiag = useJobs((s) => s.startDiag);

  useEffect(() => {
    if (!props.open) return;
    setAppId(props.app?.id);
    setCheck(null);
    setError(null);
    form.resetFields();
    form.setFieldsValue({ name: props.app?.name ?? '', agentid: props.app ? String(props.app.agentid) : '', secret: undefined });
  }, [props.open, props.app, form]);

  async function runValidation(target: AppView) {
    setBusy('validate');
    try {
      setCheck(await validateApp(target));
    } catch (e) {
      setError(errorText(toApiError(e), t));
    } finally {
      setBusy(null);
    }
  }

  async function saveAndValidate() {
    const v = form.getFieldsValue(true) as AppFormValues;
    const secret = typeof v.secret === 'string' ? v.secret : undefined;
    const parsed = app
      ? AppUpdateInput.safeParse({ appId: app.id, name: v.name, agentid: v.agentid, secret })
      : AppCreateInput.safeParse({ corpId: props.corpId, name: v.name, agentid: v.agentid, secret: secret ?? '' });
    const errs = parsed.success ? {} : issues(parsed.error);
    form.setFields((['name', 'agentid', 'secret'] as const).map((name) => ({
      name,
      errors: errs[name] ? [schemaMessage(errs[name]!, lang)] : [],
    })));
    if (!parsed.success) return;
    setBusy('save');
    setError(null);
    setCheck(null);
    try {
      const saved = app
        ? await updateApp({ appId: app.id, name: v.name, agentid: v.agentid, secret })
        : await createApp({ corpId: props.corpId, name: v.name, agentid: v.agentid, secret: secret ?? '' });
      setAppId(saved.id);
      form.setFieldValue('secret', undefined);
      message.success(t('common.saved'));
      await runValidation(saved);
    } catch (e) {
      setError(errorText(toApiError(e), t));
      setBusy(null);
    }
  }

  const shown = check ?? (app?.validation ? { ...app.validation, hint: null, egressIp: app.egressIp } : null);
  const egressIp = check?.egressIp ?? app?.egressIp ?? diag?.report?.egressIp ?? null;
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={600}
      title={t('appForm.title')}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={props.onClose}>{t('common.close')}</Button>
          {app && (
            <Button loading={busy === 'validate'} disabled={!!busy} onClick={() => runValidation(app)}>
              {t('appForm.validate')}
            </Button>
          )}
          <Button type="primary" loading={busy === 'save'} disabled={!!busy} onClick={saveAndValidate}>
            {t('appForm.saveValidate')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={saveAndValidate}>
        <Alert type="info" showIcon title={t('appForm.secret.help')} style={{ marginBottom: 16 }} />
        <Form.Item name="name" label={t('appForm.name')} required>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="agentid" label={t('appForm.agentid')} required>
          <Input className="wb-mono" inputMode="numeric" placeholder="1000002" />
        </Form.Item>
        <Form.Item name="secret" label={t('appForm.secret')} required={!app}>
          <SecretField isSet={!!app} clearable={false} placeholder={app ? undefined : ''} />
        </Form.Item>
      </Form>
      <div className="wb-stack" data-testid="app-validation">
        {error && <Alert type="error" showIcon title={error} />}
        {busy === 'validate' && (
          <Space>
            <Spin size="small" />
            <Typography.Text type="secondary">{t('appForm.validating')}</Typography.Text>
          </Space>
        )}
        {busy !== 'validate' && shown?.ok && (
          <Alert type="success" showIcon title={t('appForm.valid', { agent: shown.agentName ?? app?.name ?? '' })} />
        )}
        {busy !== 'validate' && shown && !shown.ok && (
          <ErrcodeHint errcode={shown.errcode} message={shown.message} hint={shown.hint} secretKind="app" egressIp={egressIp} />
        )}
      </div>
      <Divider titlePlacement="start">{t('appForm.egressIp')}</Divider>
      <div className="wb-stack">
        <Typography.Text type="secondary">{t('appForm.egressHelp')}</Typography.Text>
        <EgressIp
          ip={egressIp}
          where={t('appForm.egressWhere')}
          detecting={diag?.running}
          onDetect={() => void startDiag(props.corpId)}
        />
        {diag?.running && <JobProgress progress={progress} />}
        {diag?.error && <Alert type="error" showIcon title={t('diag.failed')} description={diag.error} />}
      </div>
    </Drawer>
  );
}
