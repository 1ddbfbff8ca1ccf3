import { Alert, Space, Tag, Typography } from 'antd';
import { useT } from '../i18n';

/** F0.1: while 【云桥对外域名】 is unset, say so and show the local base that is used meanwhile. */
export function AddressMissingAlert({ listenerBase, onGoto }: { listenerBase: string | null; onGoto?: () => void }) {
  const t = useT();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('address.missing')}
      description={
        listenerBase ? (
          <Space size={6} wrap>
            <span>{t('address.usingLocal')}</span>
            <Typography.Text code>{listenerBase}</Typography.Text>
            <Tag color="orange">{t('address.localOnly')}</Tag>
          </Space>
        ) : undefined
      }
      action={
        onGoto ? (
          <Typography.Link onClick={onGoto} href="#/basics">
            {t('address.goto')}
          </Typography.Link>
        ) : undefined
      }
    />
  );
}
