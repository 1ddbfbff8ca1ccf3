import { Alert, App, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CorpView } from '../../../main/api/schemas';
import { toApiError } from '../../api';
import { errorText } from '../../components/error-text';
import { useT } from '../../i18n';
import { useCorps } from '../../stores';

/** Destructive: confirmed by typing the corp name (DESIGN.md, UI conventions). */
export function DeleteCorpModal({ corp, onClose, onDeleted }: { corp: CorpView | null; onClose(): void; onDeleted?(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const remove = useCorps((s) => s.remove);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setTyped('');
    setError(null);
  }, [corp?.id]);

  async function confirm() {
    if (!corp) return;
    setBusy(true);
    try {
      await remove(corp.id);
      message.success(t('corps.deleted'));
      onDeleted?.();
      onClose();
    } catch (e) {
      setError(errorText(toApiError(e), t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={!!corp}
      onCancel={onClose}
      onOk={confirm}
      title={corp ? t('corps.delete.title', { name: corp.name }) : ''}
      okText={t('common.delete')}
      okButtonProps={{ danger: true, disabled: !corp || typed !== corp.name, loading: busy }}
    >
      <div className="wb-stack">
        <Typography.Text>{t('corps.delete.body')}</Typography.Text>
        <Typography.Text code>{corp?.name}</Typography.Text>
        <Input aria-label={t('corps.col.name')} value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus />
        {error && <Alert type="error" showIcon title={error} />}
      </div>
    </Modal>
  );
}
