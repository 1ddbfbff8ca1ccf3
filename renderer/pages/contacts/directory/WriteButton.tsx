import { Button, Tooltip } from 'antd';
import type { ComponentProps } from 'react';
import { useT } from '../../../i18n';

/** A button that changes WeCom: 【只读】 disables it and says why (F4.1). */
export function WriteButton({ readonly, children, ...rest }: ComponentProps<typeof Button> & { readonly: boolean }) {
  const t = useT();
  const button = (
    <Button size="small" {...rest} disabled={readonly || rest.disabled}>
      {children}
    </Button>
  );
  return readonly ? <Tooltip title={t('edit.readonly')}>{button}</Tooltip> : button;
}
