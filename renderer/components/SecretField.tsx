import { Button, Input, Space, Tag, Typography } from 'antd';
import { useT } from '../i18n';

/**
 * A write-only secret. The API never returns secrets, only whether one is set, so on edit:
 * undefined = keep the stored one, null = clear it, string = replace it.
 */
export interface SecretFieldProps {
  value?: string | null;
  onChange?: (value: string | null | undefined) => void;
  /** Whether a secret is stored now (edit mode); false on create. */
  isSet: boolean;
  id?: string;
  placeholder?: string;
  /** Offer 【清除】 (null); apps always need a secret, so theirs can only be replaced. */
  clearable?: boolean;
}

export function SecretField({ value, onChange, isSet, id, placeholder, clearable = true }: SecretFieldProps) {
  const t = useT();
  if (value === null) {
    return (
      <Space>
        <Tag color="warning">{t('secret.willClear')}</Tag>
        <Button type="link" size="small" onClick={() => onChange?.(undefined)}>
          {t('secret.undo')}
        </Button>
      </Space>
    );
  }
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input.Password
        id={id}
        autoComplete="new-password"
        value={value ?? ''}
        placeholder={placeholder ?? (isSet ? t('secret.keep') : t('secret.optional'))}
        onChange={(e) => onChange?.(e.target.value === '' ? undefined : e.target.value)}
        prefix={isSet ? <Tag color="success" style={{ marginInlineEnd: 4 }}>{t('common.set')}</Tag> : undefined}
      />
      {isSet && clearable && (
        <Button onClick={() => onChange?.(null)}>
          <Typography.Text type="danger">{t('secret.clear')}</Typography.Text>
        </Button>
      )}
    </Space.Compact>
  );
}
