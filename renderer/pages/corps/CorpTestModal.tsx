import { Alert, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CorpView, WeComCheck } from '../../../main/api/schemas';
import { toApiError } from '../../api';
import { CopyField } from '../../components/CopyField';
import { ErrcodeHint } from '../../components/ErrcodeHint';
import { errorText } from '../../components/error-text';
import { useT } from '../../i18n';
import { useCorps } from '../../stores';

/** F1.2 【测试连接】: gettoken with the corp's secret; errcode explained, egress IP and where it belongs. */
export function CorpTestModal({ corp, onClose }: { corp: CorpView | null; onClose(): void }) {
  const t = useT();
  const test = useCorps((s) => s.test);
  const [check, setCheck] = useState<WeComCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const secret = corp?.hasContactSecret ? 'contact' : 'customer';
  const testable = !!corp && (corp.hasContactSecret || corp.hasCustomerSecret);

  useEffect(() => {
    setCheck(null);
    setError(null);
    if (!corp || !testable) return;
    let live = true;
    test(corp.id, secret).then(
      (c) => live && setCheck(c),
      (e) => live && setError(errorText(toApiError(e), t)),
    );
    return () => {
      live = false;
    };
    // Re-run only for another corp; language changes must not re-test.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [corp?.id]);

  const egressIp = check?.egressIp ?? corp?.contactEgressIp ?? null;
  return (
    <Modal
      open={!!corp}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText={t('common.close')}
      title={corp ? t('test.title', { name: corp.name }) : ''}
      width={600}
    >
      <div className="wb-stack" data-testid="corp-test">
        {!testable && <Alert type="warning" showIcon title={t('test.noSecret')} />}
        {testable && !check && !error && <Spin />}
        {error && <Alert type="error" showIcon title={t('test.fail')} description={error} />}
        {check?.ok && <Alert type="success" showIcon title={t('test.ok', { ms: check.tookMs })} />}
        {check && !check.ok && (
          <ErrcodeHint
            errcode={check.errcode}
            message={check.message}
            hint={check.hint}
            secretKind={secret}
            egressIp={check.egressIp}
          />
        )}
        {(check || error) && egressIp && (
          <Space orientation="vertical" size={2}>
            <Space>
              <Typography.Text type="secondary">{t('diag.egressIp')}</Typography.Text>
              <CopyField value={egressIp} />
            </Space>
            {secret === 'contact' && <Typography.Text type="secondary">{t('test.contactIpWhere')}</Typography.Text>}
          </Space>
        )}
      </div>
    </Modal>
  );
}
