import { Typography } from 'antd';

/** A value the admin will paste into the WeCom admin console: monospace, with a copy button. */
export function CopyField({ value, label }: { value: string; label?: string }) {
  return (
    <Typography.Text code copyable={{ text: value }} aria-label={label ?? value} style={{ wordBreak: 'break-all' }}>
      {value}
    </Typography.Text>
  );
}

/** Several lines copied together (an allow-list), each shown on its own line, the copy button beside them. */
export function CopyBlock({ lines }: { lines: string[] }) {
  return (
    <div className="wb-copy-block">
      <pre className="wb-pre">{lines.join('\n')}</pre>
      <Typography.Text copyable={{ text: lines.join('\n') }} />
    </div>
  );
}
