import { Alert, App, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { toApiError } from '../../../api';
import { errorText } from '../../../components/error-text';
import { typedMatches, TypedConfirmField } from '../../../components/TypedConfirm';
import { useT } from '../../../i18n';
import { useContacts } from '../../../stores';

/** F4.6 ⑤ 【批量解绑】: removes every binding of the corp, confirmed by typing their number. */
export function BatchUnbindModal({ corpId, count, open, onClose }: { corpId: string; count: number; open: boolean; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const unbindAll = useContacts((s) => s.unbindAll);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => setTyped(''), [open]);
  const ok = count > 0 && typedMatches(String(count), typed);
  return (
    <Modal
      open={open}
      title={t('bind.batch.title')}
      okText={t('bind.batch.ok')}
      okButtonProps={{ danger: true, disabled: !ok, 'data-testid': 'batch-unbind-ok' }}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={async () => {
        setBusy(true);
        try {
          const removed = await unbindAll(corpId, count);
          message.success(t('bind.batch.done', { n: removed }));
          onClose();
        } catch (e) {
          message.error(errorText(toApiError(e), t));
        } finally {
          setBusy(false);
        }
      }}
    >
      <div className="wb-stack">
        <Alert type="error" showIcon title={t('bind.batch.warning', { n: count })} />
        <TypedConfirmField expected={String(count)} value={typed} onChange={setTyped} prompt={t('bind.batch.type', { n: count })} testId="batch-unbind-count" />
      </div>
    </Modal>
  );
}
