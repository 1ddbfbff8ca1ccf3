import { Button, Space, Typography } from 'antd';
import { useT } from '../i18n';
import { CopyField } from './CopyField';

/** The egress 【公网IP】 WeCom sees (F2.2): copyable, or unknown with a 【检测】 that runs F0.2. */
export function EgressIp(props: { ip: string | null; where: string; onDetect?: () => void; detecting?: boolean }) {
  const t = useT();
  return (
    <Space orientation="vertical" size={2}>
      <Space>
        {props.ip ? <CopyField value={props.ip} /> : <Typography.Text type="secondary">{t('common.unknown')}</Typography.Text>}
        {!props.ip && props.onDetect && (
          <Button size="small" onClick={props.onDetect} loading={props.detecting}>
            {t('appForm.detect')}
          </Button>
        )}
      </Space>
      <Typography.Text type="secondary">{props.where}</Typography.Text>
    </Space>
  );
}
