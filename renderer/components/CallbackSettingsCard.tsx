import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { CallbackSettingsView } from '../../main/api/callback-contract';
import { useT } from '../i18n';
import { CopyField } from './CopyField';

export function VerifiedTag({ at }: { at: string | null }) {
  const t = useT();
  return at ? <Tag color="success">{t('callbacks.verifiedAt', { at: new Date(at).toLocaleString() })}</Tag> : <Tag>{t('callbacks.notVerified')}</Tag>;
}

/** F6.1: the values the admin pastes into the WeCom console (URL, Token, EncodingAESKey), each with copy. */
export function CallbackSettingsCard(props: { title: ReactNode; settings: CallbackSettingsView; hint: string; onRegenerate(): void; regenerating?: boolean; extra?: ReactNode; children?: ReactNode }) {
  const t = useT();
  const s = props.settings;
  return (
    <Card
      title={
        <Space wrap>
          <span>{props.title}</span>
          <VerifiedTag at={s.verifiedAt} />
        </Space>
      }
      extra={
        <Space>
          {props.extra}
          <Popconfirm title={t('callbacks.regenerate.confirm')} onConfirm={props.onRegenerate} okButtonProps={{ danger: true }}>
            <Button icon={<ReloadOutlined />} loading={props.regenerating}>
              {t('callbacks.regenerate')}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={<Typography.Text>{t('callbacks.hint.copy')} {props.hint}</Typography.Text>} />
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            {
              key: 'url',
              label: t('callbacks.url'),
              children: (
                <Space wrap>
                  <CopyField value={s.url} label={t('callbacks.url')} />
                  {s.local && <Tag color="orange">{t('address.localOnly')}</Tag>}
                </Space>
              ),
            },
            { key: 'token', label: t('callbacks.token'), children: <CopyField value={s.token} label={t('callbacks.token')} /> },
            { key: 'aesKey', label: t('callbacks.aesKey'), children: <CopyField value={s.encodingAESKey} label={t('callbacks.aesKey')} /> },
          ]}
        />
        {props.children}
      </Space>
    </Card>
  );
}
