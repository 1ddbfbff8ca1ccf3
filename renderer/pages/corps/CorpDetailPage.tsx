import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { AppView, CorpView } from '../../../main/api/schemas';
import { AddressMissingAlert } from '../../components/AddressMissingAlert';
import { CopyField } from '../../components/CopyField';
import { errorText } from '../../components/error-text';
import { PageHead } from '../../components/PageHead';
import { SetupChecklist } from '../../components/SetupChecklist';
import { useT } from '../../i18n';
import { useBasics, useCorps } from '../../stores';
import type { Route } from '../../src/route';
import { AppDrawer } from './AppDrawer';
import { AppsTable } from './AppsTable';
import { CorpFormDrawer } from './CorpFormDrawer';
import { kindColor } from './CorpListPage';
import { CorpTestModal } from './CorpTestModal';

const NO_APPS: AppView[] = [];

function SetTag({ set }: { set: boolean }) {
  const t = useT();
  return set ? <Tag color="success">{t('common.set')}</Tag> : <Tag>{t('common.notSet')}</Tag>;
}

function CorpBasics({ corp }: { corp: CorpView }) {
  const t = useT();
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'corpid', label: t('corpForm.corpid'), children: <CopyField value={corp.corpid} /> },
        { key: 'kind', label: t('corpForm.kind'), children: <Tag color={kindColor[corp.kind]}>{t(`corps.kind.${corp.kind}`)}</Tag> },
        { key: 'apiBase', label: t('corpForm.apiBase'), children: <span className="wb-mono wb-break">{corp.apiBase}</span> },
        { key: 'apiPrefix', label: t('corpForm.apiPrefix'), children: <span className="wb-mono">{corp.apiPrefix}</span> },
        { key: 'proxy', label: t('corpForm.proxy'), children: corp.proxyUrl ? <span className="wb-mono wb-break">{corp.proxyUrl}</span> : '—' },
        { key: 'ca', label: t('corpForm.ca'), children: <SetTag set={!!corp.caPem} /> },
        { key: 'contact', label: t('corpForm.contactSecret'), children: <SetTag set={corp.hasContactSecret} /> },
        { key: 'customer', label: t('corpForm.customerSecret'), children: <SetTag set={corp.hasCustomerSecret} /> },
      ]}
    />
  );
}

/** F1.3 (partly): one corp's 【基础信息设置】 and its apps (F2). */
export function CorpDetailPage({ corpId, navigate }: { corpId: string; navigate(r: Route): void }) {
  const t = useT();
  const loaded = useCorps((s) => s.loaded);
  const load = useCorps((s) => s.load);
  const corp = useCorps((s) => s.corps.find((c) => c.id === corpId));
  const apps = useCorps((s) => s.appsByCorp[corpId] ?? NO_APPS);
  const appsError = useCorps((s) => s.appsError[corpId] ?? null);
  const loadApps = useCorps((s) => s.loadApps);
  const basics = useBasics((s) => s.view);
  const loadBasics = useBasics((s) => s.load);
  const [editing, setEditing] = useState(false);
  const [testing, setTesting] = useState(false);
  const [appDrawer, setAppDrawer] = useState<{ app?: AppView } | null>(null);

  useEffect(() => {
    void load();
    void loadBasics();
    void loadApps(corpId);
  }, [corpId, load, loadBasics, loadApps]);

  const back = () => navigate({ area: 'corps' });
  if (!corp) {
    return loaded ? (
      <Result status="404" title={t('corp.notFound')} extra={<Button onClick={back}>{t('nav.corps')}</Button>} />
    ) : (
      <Spin />
    );
  }

  const testable = corp.hasContactSecret || corp.hasCustomerSecret;
  return (
    <div className="wb-page">
      <PageHead
        before={<Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('nav.corps')} />}
        title={corp.name}
        after={<Tag color={kindColor[corp.kind]}>{t(`corps.kind.${corp.kind}`)}</Tag>}
        extra={
          <>
            <Button disabled={!testable} onClick={() => setTesting(true)} title={testable ? undefined : t('test.noSecret')}>
              {t('corps.action.test')}
            </Button>
            <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
          </>
        }
      />
      {basics && !basics.externalAddress && (
        <AddressMissingAlert listenerBase={basics.listenerBase} onGoto={() => navigate({ area: 'basics' })} />
      )}
      <SetupChecklist
        hasAddress={!!basics?.externalAddress}
        corp={corp}
        apps={apps}
        onGotoBasics={() => navigate({ area: 'basics' })}
      />
      <Card title={t('corp.basic')}>
        <CorpBasics corp={corp} />
      </Card>
      {appsError && <Alert type="error" showIcon title={t('common.loadFailed')} description={errorText(appsError, t)} />}
      <AppsTable apps={apps} onOpen={(app) => setAppDrawer({ app })} />
      <CorpFormDrawer open={editing} corp={corp} onClose={() => setEditing(false)} />
      <CorpTestModal corp={testing ? corp : null} onClose={() => setTesting(false)} />
      <AppDrawer corpId={corp.id} app={appDrawer?.app} open={!!appDrawer} onClose={() => setAppDrawer(null)} />
    </div>
  );
}
