import { App, Button, Form, Space, Spin } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { SETTINGS, type SettingKey, type SyncSettings } from '../../../../main/sync/settings-schema';
import { schemaMessage, useLang, useT } from '../../../i18n';
import { useContacts } from '../../../stores';

export interface ControlProps<V = unknown> {
  id: string;
  value: V;
  onChange(v: V): void;
  disabled: boolean;
}

export interface SettingRow {
  key: SettingKey;
  /** The manual's term, e.g. 【顶级部门】. */
  label: ReactNode;
  /** One line: what the option does. */
  help: ReactNode;
  control(p: ControlProps<never>): ReactNode;
  disabled?: boolean;
  /** Why it is disabled (shown instead of the help line). */
  disabledReason?: string;
  hidden?: boolean;
}

/**
 * Runs a row's control inside its own component (one per setting key): controls are often made by
 * factories on each render, and this keeps their hooks in one stable place without remounting them.
 */
function ControlHost({ render, ...p }: ControlProps<never> & { render(p: ControlProps<never>): ReactNode }) {
  return <>{render(p)}</>;
}

/** Equal by value: arrays and maps compare by content, so an untouched list is not re-saved. */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A form over some of the corp's sync settings (CLI.md keys). Each field is checked with the core's own
 * zod schema while typing; on save the changed keys go to `sync.config.set`, and what the server refuses
 * is shown on its field.
 */
export function SettingsForm({ corpId, rows, top, testId }: { corpId: string; rows(draft: SyncSettings): SettingRow[]; top?: ReactNode; testId?: string }) {
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const saved = useContacts((s) => s.settings[corpId]);
  const save = useContacts((s) => s.saveSettings);
  const [draft, setDraft] = useState<SyncSettings | null>(saved ?? null);
  const [serverErrors, setServerErrors] = useState<Partial<Record<SettingKey, string>>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => setDraft(saved ?? null), [saved]);

  const list = useMemo(() => (draft ? rows(draft).filter((r) => !r.hidden) : []), [draft, rows]);
  if (!draft || !saved) return <Spin />;

  const localError = (key: SettingKey): string | null => {
    const r = SETTINGS[key].safeParse(draft[key]);
    return r.success ? null : schemaMessage(r.error.issues[0]?.message ?? '', lang);
  };
  const changed = list.filter((r) => !same(draft[r.key], saved[r.key])).map((r) => r.key);
  const invalid = list.some((r) => localError(r.key) !== null);

  async function onSave() {
    if (!draft) return;
    setBusy(true);
    const patch = Object.fromEntries(changed.map((k) => [k, draft[k]])) as Partial<SyncSettings>;
    const out = await save(corpId, patch);
    setBusy(false);
    setServerErrors(out.errors);
    if (Object.keys(out.errors).length === 0) message.success(t('common.saved'));
  }

  return (
    <Form layout="horizontal" labelCol={{ flex: '270px' }} labelWrap colon={false} data-testid={testId} className="wb-settings-form">
      {top}
      {list.map((r) => {
        const err = serverErrors[r.key] ?? localError(r.key);
        const id = `setting-${r.key.replace(/\./g, '-')}`;
        return (
          <Form.Item
            key={r.key}
            label={r.label}
            htmlFor={id}
            validateStatus={err ? 'error' : undefined}
            help={err ? schemaMessage(err, lang) : undefined}
            extra={r.disabled && r.disabledReason ? r.disabledReason : r.help}
            data-setting={r.key}
          >
            <ControlHost
              render={r.control}
              id={id}
              value={draft[r.key] as never}
              disabled={!!r.disabled}
              onChange={(v: never) => {
                setDraft({ ...draft, [r.key]: v });
                setServerErrors((e) => ({ ...e, [r.key]: undefined }));
              }}
            />
          </Form.Item>
        );
      })}
      <Form.Item label=" ">
        <Space>
          <Button type="primary" onClick={onSave} loading={busy} disabled={changed.length === 0 || invalid}>
            {t('common.save')}
          </Button>
          <Button onClick={() => { setDraft(saved); setServerErrors({}); }} disabled={changed.length === 0}>
            {t('settings.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
