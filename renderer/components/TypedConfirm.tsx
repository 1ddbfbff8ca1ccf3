import { Input, Typography } from 'antd';
import { useT } from '../i18n';

/**
 * A destructive action is confirmed by typing its count (or a name): the action stays disabled until the
 * text matches exactly. The parent owns the text and compares with `typedMatches`.
 */
export function TypedConfirmField({ expected, value, onChange, prompt, testId }: { expected: string; value: string; onChange(v: string): void; prompt: string; testId?: string }) {
  const t = useT();
  const wrong = value.trim() !== '' && !typedMatches(expected, value);
  return (
    <div className="wb-stack-tight">
      <Typography.Text>{prompt}</Typography.Text>
      <Input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={expected}
        status={wrong ? 'error' : undefined}
        aria-label={prompt}
        data-testid={testId}
        autoComplete="off"
        style={{ maxWidth: 240 }}
      />
      {wrong && <Typography.Text type="danger">{t('confirm.mismatch', { expected })}</Typography.Text>}
    </div>
  );
}

export function typedMatches(expected: string, typed: string): boolean {
  return typed.trim() === expected;
}
