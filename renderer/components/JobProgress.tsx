import { Progress, Space, Typography } from 'antd';
import type { Progress as JobProgressValue } from '../stores';

/** Progress of a running job: phase name and done/total (indeterminate until the total is known). */
export function JobProgress({ progress }: { progress: JobProgressValue | null }) {
  const total = progress?.total ?? 0;
  const percent = total > 0 ? Math.min(100, Math.round(((progress?.done ?? 0) / total) * 100)) : 0;
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }} role="status">
      <Progress percent={percent} status="active" showInfo={total > 0} />
      {progress && (
        <Typography.Text type="secondary">
          {progress.phase}
          {total > 0 ? ` · ${progress.done}/${total}` : ''}
        </Typography.Text>
      )}
    </Space>
  );
}
