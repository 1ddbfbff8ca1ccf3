import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** Page title row: the menu name on the left, the page's main actions on the right (【新建企业微信】…). */
export function PageHead({ title, before, after, extra }: { title: ReactNode; before?: ReactNode; after?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="wb-page-head">
      <div className="wb-page-title">
        {before}
        <Typography.Title level={3}>{title}</Typography.Title>
        {after}
      </div>
      {extra && <div className="wb-page-actions">{extra}</div>}
    </div>
  );
}
