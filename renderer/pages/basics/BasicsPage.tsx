import { Alert } from 'antd';
import { useEffect } from 'react';
import { errorText } from '../../components/error-text';
import { PageHead } from '../../components/PageHead';
import { useT } from '../../i18n';
import { useBasics, useCorps } from '../../stores';
import { DiagnosticsCard } from './DiagnosticsCard';
import { ExternalAddressCard } from './ExternalAddressCard';

/** 【基础参数设置】: F0.1 external address and F0.2 network diagnostics. */
export function BasicsPage() {
  const t = useT();
  const load = useBasics((s) => s.load);
  const error = useBasics((s) => s.error);
  const loadCorps = useCorps((s) => s.load);

  useEffect(() => {
    void load();
    void loadCorps();
  }, [load, loadCorps]);

  return (
    <div className="wb-page">
      <PageHead title={t('nav.basics')} />
      {error && <Alert type="error" showIcon title={t('common.loadFailed')} description={errorText(error, t)} />}
      <ExternalAddressCard />
      <DiagnosticsCard />
    </div>
  );
}
