import { ExperimentOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { toApiError } from '../../api';
import { errorText } from '../../components/error-text';
import { useT } from '../../i18n';
import { useCorps } from '../../stores';
import type { Route } from '../../src/route';

/**
 * 体验演示企业: on a fresh install, one click starts the built-in WeCom simulator with the demo enterprise
 * and the demo OA directory, then opens its 【通讯录管理】 — every screen explorable offline.
 */
export function DemoCard({ navigate }: { navigate(r: Route): void }) {
  const t = useT();
  const { message } = App.useApp();
  const demo = useCorps((s) => s.demo);
  const loadDemo = useCorps((s) => s.loadDemo);
  const startDemo = useCorps((s) => s.startDemo);
  const corpCount = useCorps((s) => s.corps.length);
  const [busy, setBusy] = useState(false);
  useEffect(() => void loadDemo(), [loadDemo, corpCount]);
  if (!demo?.offered) return null;

  async function start() {
    setBusy(true);
    try {
      const corpId = await startDemo();
      navigate({ area: 'contacts', corpId });
    } catch (e) {
      message.error(errorText(toApiError(e), t));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card className="wb-demo-card" data-testid="demo-card">
      <Space align="start" size={16}>
        <ExperimentOutlined style={{ fontSize: 36, color: '#722ed1' }} />
        <Space orientation="vertical" size={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>{t('demo.title')}</Typography.Title>
          <Typography.Text>{t('demo.body')}</Typography.Text>
          <Button type="primary" size="large" loading={busy} onClick={() => void start()}>{t('demo.start')}</Button>
        </Space>
      </Space>
    </Card>
  );
}
