import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Result, Space, Spin, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../components/error-text';
import { JobProgress } from '../../components/JobProgress';
import { PageHead } from '../../components/PageHead';
import { useT, type MessageKey } from '../../i18n';
import { useContacts, useCorps, useJobs } from '../../stores';
import type { Route } from '../../src/route';
import { BatchUnbindModal } from './bindings/BatchUnbindModal';
import { BindImportModal } from './bindings/BindImportModal';
import { BindingsTab } from './bindings/BindingsTab';
import { DirectoryTab } from './directory/DirectoryTab';
import { HistoryTab } from './history/HistoryTab';
import { InterfaceTab } from './settings/InterfaceTab';
import { PullTab } from './settings/PullTab';
import { PushSettingsTab } from './settings/PushSettingsTab';
import { ToOaTab } from './settings/ToOaTab';
import { SimulationTab } from './simulate/SimulationTab';

const PULL_PHASES = new Set(['departments', 'users']);

export const TABS = ['directory', 'simulate', 'interface', 'pull', 'toOA', 'push', 'bindings', 'history'] as const;
export type Tab = (typeof TABS)[number];

/** F4.15 【通讯录管理】 of one corp: the actions of the manual's screen on top, its setting tabs below. */
export function ContactsArea({ corpId, tab, navigate }: { corpId: string; tab?: string; navigate(r: Route): void }) {
  const t = useT();
  const { message } = App.useApp();
  const corp = useCorps((s) => s.corps.find((c) => c.id === corpId));
  const corpsLoaded = useCorps((s) => s.loaded);
  const loadCorps = useCorps((s) => s.load);
  const settings = useContacts((s) => s.settings[corpId]);
  const settingsError = useContacts((s) => s.settingsError[corpId]);
  const state = useContacts((s) => s.syncState[corpId]);
  const pullRun = useContacts((s) => s.pulls[corpId]);
  const bound = useContacts((s) => s.syncState[corpId]?.bound ?? 0);
  const loadSettings = useContacts((s) => s.loadSettings);
  const loadState = useContacts((s) => s.loadState);
  const pull = useContacts((s) => s.pull);
  const simulate = useContacts((s) => s.simulate);
  const openPlan = useContacts((s) => s.openPlan);
  const pullProgress = useJobs((s) => (pullRun?.jobId ? s.progress[pullRun.jobId] ?? null : null));
  const [modal, setModal] = useState<'import' | 'unbind' | null>(null);
  const active: Tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'directory';
  const go = (next: string) => navigate({ area: 'contacts', corpId, tab: next });

  useEffect(() => {
    void loadCorps();
    void loadSettings(corpId);
    void loadState(corpId);
  }, [corpId, loadCorps, loadSettings, loadState]);

  if (!corp) return corpsLoaded ? <Result status="404" title={t('corp.notFound')} extra={<Button onClick={() => navigate({ area: 'contacts' })}>{t('nav.contacts')}</Button>} /> : <Spin />;
  if (settingsError) return <Alert type="error" showIcon title={t('common.loadFailed')} description={errorText(settingsError, t)} />;
  if (!settings) return <Spin />;
  const readonly = settings['sync.mode'] === 'readonly';

  async function onPull() {
    const r = await pull(corpId);
    if (r.error?.code === 'not_configured') {
      message.warning(t('contacts.configureFirst'));
      go('interface');
    } else if (r.error) message.error(errorText(r.error, t));
    else if (r.result) message.success(t('contacts.pulled', { d: r.result.departments, u: r.result.users, b: r.result.newBindings }));
  }
  const onSimulate = () => {
    go('simulate');
    void simulate(corpId);
  };

  return (
    <div className="wb-page wb-page-wide">
      <PageHead
        before={<Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate({ area: 'contacts' })} aria-label={t('nav.contacts')} />}
        title={t('contacts.title', { corp: corp.name })}
        after={<Tag color={readonly ? 'default' : 'blue'} data-testid="mode-tag">{readonly ? t('settings.mode.readonly') : t('settings.mode.readwrite')}</Tag>}
        extra={
          <Space wrap>
            <Button type="primary" onClick={() => void onPull()} loading={pullRun?.running} data-testid="action-pull">{t('contacts.action.pull')}</Button>
            <Button onClick={onSimulate} data-testid="action-simulate">{t('contacts.action.simulate')}</Button>
            <Tooltip title={readonly ? t('contacts.readonly') : t('contacts.pushHelp')}>
              <Button disabled={readonly} onClick={onSimulate} data-testid="action-push">{t('contacts.action.push')}</Button>
            </Tooltip>
            <Button onClick={() => setModal('import')}>{t('contacts.action.import')}</Button>
            <Button danger disabled={bound === 0} onClick={() => setModal('unbind')}>{t('contacts.action.batchUnbind')}</Button>
          </Space>
        }
      />
      <div className="wb-status-strip" data-testid="sync-state">
        <Typography.Text type="secondary">{state?.pulledAt ? t('contacts.lastPull', { at: new Date(state.pulledAt).toLocaleString() }) : t('contacts.neverPulled')}</Typography.Text>
        {state && <Typography.Text>{t('contacts.counts', { d: state.departments, u: state.users, b: state.bound })}</Typography.Text>}
        {state && !state.pullComplete && state.pulledAt && <Tag color="warning">{t('contacts.pullIncomplete')}</Tag>}
        {readonly && <Tag>{t('contacts.readonly')}</Tag>}
      </div>
      {pullRun?.running && <JobProgress progress={pullProgress && { ...pullProgress, phase: PULL_PHASES.has(pullProgress.phase) ? t(`push.phase.${pullProgress.phase}` as MessageKey) : pullProgress.phase }} />}
      <Tabs
        activeKey={active}
        onChange={go}
        destroyOnHidden
        items={[
          { key: 'directory', label: t('contacts.tab.directory'), children: <DirectoryTab corpId={corpId} pulledAt={state?.pulledAt ?? null} readonly={readonly} /> },
          { key: 'simulate', label: t('contacts.tab.simulate'), children: <SimulationTab corpId={corpId} settings={settings} readonly={readonly} onGoto={go} /> },
          { key: 'interface', label: t('contacts.tab.interface'), children: <InterfaceTab corp={corp} navigate={navigate} /> },
          { key: 'pull', label: t('contacts.tab.pull'), children: <PullTab corpId={corpId} /> },
          { key: 'toOA', label: t('contacts.tab.toOA'), children: <ToOaTab corpId={corpId} /> },
          { key: 'push', label: t('contacts.tab.push'), children: <PushSettingsTab corpId={corpId} readonly={readonly} /> },
          { key: 'bindings', label: t('contacts.tab.bindings'), children: <BindingsTab corpId={corpId} onImport={() => setModal('import')} onBatchUnbind={() => setModal('unbind')} /> },
          { key: 'history', label: t('contacts.tab.history'), children: <HistoryTab corpId={corpId} onOpenPlan={(h) => { go('simulate'); void openPlan(corpId, h); }} /> },
        ]}
      />
      <BindImportModal corpId={corpId} open={modal === 'import'} onClose={() => setModal(null)} />
      <BatchUnbindModal corpId={corpId} count={bound} open={modal === 'unbind'} onClose={() => setModal(null)} />
    </div>
  );
}
