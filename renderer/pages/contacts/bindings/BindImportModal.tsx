import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Modal, Select, Space, Steps, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { toApiError } from '../../../api';
import { errorText } from '../../../components/error-text';
import { downloadBase64, fileToBase64 } from '../../../components/files';
import { useT, type MessageKey } from '../../../i18n';
import { useContacts } from '../../../stores';
import type { BindImportReport } from '../../../stores/contacts-data';

type Field = 'mobile' | 'email' | 'loginid' | 'workcode' | 'id';
type Row = BindImportReport['rows'][number];
const FIELDS: Field[] = ['mobile', 'email', 'loginid', 'workcode', 'id'];
const RESULT_COLOR = { bound: 'success', skipped: 'default', error: 'error' } as const;

/**
 * F4.6 ③ 【关联导入】: download the mirror's users, fill the 关联字段 column with OA values, upload, pick
 * the OA field, see the per-row report (a dry run), then commit.
 */
export function BindImportModal({ corpId, open, onClose }: { corpId: string; open: boolean; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const exportBindings = useContacts((s) => s.exportBindings);
  const importBindings = useContacts((s) => s.importBindings);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [field, setField] = useState<Field>('mobile');
  const [overwrite, setOverwrite] = useState(false);
  const [report, setReport] = useState<BindImportReport | null>(null);
  const [busy, setBusy] = useState<'export' | 'preview' | 'commit' | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setFile(null);
    setReport(null);
    setError(null);
  }, [open]);

  async function run<T>(what: typeof busy, fn: () => Promise<T>): Promise<T | null> {
    setBusy(what);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(errorText(toApiError(e), t));
      return null;
    } finally {
      setBusy(null);
    }
  }
  const preview = () => file && run('preview', () => importBindings({ corpId, file, field, overwrite, dryRun: true })).then((r) => r && setReport(r));
  const commit = () =>
    file &&
    run('commit', () => importBindings({ corpId, file, field, overwrite, dryRun: false })).then((r) => {
      if (!r) return;
      setReport(r);
      message.success(t('bind.import.done', { n: r.bound }));
    });
  const committed = report?.applied ?? false;

  return (
    <Modal open={open} title={t('bind.import.title')} onCancel={onClose} width={860} footer={<Button onClick={onClose}>{t('common.close')}</Button>} destroyOnHidden>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Steps size="small" current={committed ? 3 : report ? 2 : file ? 1 : 0} items={[{ title: t('bind.import.step1') }, { title: t('bind.import.step2') }, { title: t('bind.import.step3') }, { title: t('bind.import.step4') }]} />
        <Typography.Text type="secondary">{t('bind.import.help')}</Typography.Text>
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={busy === 'export'} data-testid="bind-export" onClick={() => void run('export', () => exportBindings(corpId)).then((f) => f && downloadBase64(f.name, f.base64))}>
            {t('bind.import.download')}
          </Button>
          <Upload
            accept=".xlsx,.xls,.csv"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              void fileToBase64(f).then((base64) => { setFile({ name: f.name, base64 }); setReport(null); });
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="bind-upload">{file ? file.name : t('bind.import.upload')}</Button>
          </Upload>
        </Space>
        <Space wrap>
          <Typography.Text>{t('bind.import.field')}</Typography.Text>
          <Select<Field> value={field} onChange={(v) => { setField(v); setReport(null); }} style={{ width: 200 }} aria-label={t('bind.import.field')} options={FIELDS.map((f) => ({ value: f, label: t(`bind.field.${f}` as MessageKey) }))} />
          <Checkbox checked={overwrite} onChange={(e) => { setOverwrite(e.target.checked); setReport(null); }}>{t('bind.import.overwrite')}</Checkbox>
          <Button disabled={!file} loading={busy === 'preview'} onClick={preview} data-testid="bind-preview">{t('bind.import.preview')}</Button>
          <Button type="primary" disabled={!report || report.applied || report.bound === 0} loading={busy === 'commit'} onClick={commit} data-testid="bind-commit">
            {t('bind.import.commit', { n: report?.bound ?? 0 })}
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={error} />}
        {report && (
          <>
            <Alert
              type={committed ? 'success' : report.errors ? 'warning' : 'info'}
              showIcon
              data-testid="bind-report"
              title={t(committed ? 'bind.import.committed' : 'bind.import.previewed', { bound: report.bound, skipped: report.skipped, errors: report.errors })}
            />
            <Table<Row>
              size="small"
              rowKey="row"
              dataSource={[...report.rows].sort((a, b) => (a.result === b.result ? a.row - b.row : a.result === 'bound' ? -1 : b.result === 'bound' ? 1 : a.result === 'error' ? -1 : 1))}
              pagination={{ pageSize: 8, showSizeChanger: false }}
              columns={[
                { title: t('bind.col.row'), dataIndex: 'row', width: 70 },
                { title: t('field.userid'), dataIndex: 'userid', render: (v: string) => <span className="wb-mono">{v}</span> },
                { title: t('bind.col.value'), dataIndex: 'value' },
                { title: t('bind.col.result'), dataIndex: 'result', width: 100, render: (r: Row['result']) => <Tag color={RESULT_COLOR[r]}>{t(`bind.result.${r}` as MessageKey)}</Tag> },
                { title: t('bind.col.reason'), dataIndex: 'reason' },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
