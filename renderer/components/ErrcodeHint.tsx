import { Alert, Space, Typography } from 'antd';
import { explainErrcode, type SecretKind } from '../../main/wecom/errcodes';
import { useLang, useT } from '../i18n';
import { CopyField } from './CopyField';

export interface ErrcodeHintProps {
  /** WeCom's errcode; null when the call failed before WeCom answered (network, TLS…). */
  errcode: number | null;
  /** WeCom's errmsg or the core's message (the caller IP is read from its `from ip:`). */
  message: string;
  hint?: string | null;
  secretKind?: SecretKind;
  /** Egress IP known to the core, used when the errmsg carries none. */
  egressIp?: string | null;
}

/** A failed WeCom call in plain language: what happened, what the admin does next, and the IP to allow. */
export function ErrcodeHint({ errcode, message, hint, secretKind, egressIp }: ErrcodeHintProps) {
  const t = useT();
  const lang = useLang();
  if (errcode === null) {
    return <Alert type="error" showIcon title={message} description={hint ?? undefined} />;
  }
  const x = explainErrcode(errcode, { lang, secretKind, errmsg: message });
  const ip = x.ip ?? (errcode === 60020 || errcode === 48009 ? egressIp : null);
  return (
    <Alert
      type="error"
      showIcon
      title={
        <Space size={4} wrap>
          <Typography.Text strong>{t('errcode.title', { errcode })}</Typography.Text>
          <Typography.Text>{x.message}</Typography.Text>
        </Space>
      }
      description={
        <Space orientation="vertical" size={4}>
          <span>
            {t('errcode.action')}
            {x.action}
            {x.retry !== 'never' ? ` ${t('errcode.retry')}` : ''}
          </span>
          {ip && (
            <span>
              {t('errcode.ip')}
              <CopyField value={ip} />
            </span>
          )}
        </Space>
      }
    />
  );
}
