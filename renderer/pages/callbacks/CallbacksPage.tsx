import { Alert, App, Empty, Select, Space, Spin, Switch, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CallbackKind, CallbackSettingsView } from '../../../main/api/callback-contract';
import { toApiError } from '../../api';
import { AddressMissingAlert } from '../../components/AddressMissingAlert';
import { CallbackSettingsCard } from '../../components/CallbackSettingsCard';
import { errorText } from '../../components/error-text';
import { PageHead } from '../../components/PageHead';
import { useT } from '../../i18n';
import { useBasics, useCallbacks, useCorps } from '../../stores';
import { InspectorCard } from './InspectorCard';
import { ReplyRulesTable } from './ReplyRulesTable';

/** One callback's card, with its regenerate action (and, for apps, 【是否开启应用回调】 and the rules). */
function Target({ title, settings, hint }: { title: string; settings: CallbackSettingsView; hint: string }) {
  const t = useT();
  const { message } = App.useApp();
  const regenerate = useCallbacks((s) => s.regenerate);
  const setReplies = useCallbacks((s) => s.setReplies);
  const [busy, setBusy] = useState<'regen' | 'replies' | null>(null);
  const run = async (what: 'regen' | 'replies', fn: () => Promise<unknown>, ok?: string) => {
    setBusy(what);
    try {
      await fn();
      if (ok) message.success(ok);
    } catch (e) {
      message.error(errorText(toApiError(e), t));
    } finally {
      setBusy(null);
    }
  };
  const app = settings.kind === 'app';
  return (
    <CallbackSettingsCard
      title={title}
      settings={settings}
      hint={hint}
      regenerating={busy === 'regen'}
      onRegenerate={() => run('regen', () => regenerate(settings.kind as CallbackKind, settings.refId), t('callbacks.regenerated'))}
      extra={
        app ? (
          <Space>
            <span>{t('callbacks.replies')}</span>
            <Switch checked={!!settings.replies} loading={busy === 'replies'} aria-label={t('callbacks.replies')} onChange={(on) => run('replies', () => setReplies(settings.refId, on))} />
          </Space>
        ) : undefined
      }
    >
      {app && (
        <>
          <Typography.Text type="secondary">{t('callbacks.replies.help')}</Typography.Text>
          <ReplyRulesTable appId={settings.refId} repliesOn={!!settings.replies} />
        </>
      )}
    </CallbackSettingsCard>
  );
}

/** 【回调设置】 (F6): per corp, each app's 【接收消息】 with its auto-reply rules, the 通讯录 and 客户联系 callbacks,
 *  and the live callback log. */
export function CallbacksPage() {
  const t = useT();
  const corps = useCorps((s) => s.corps);
  const corpsLoaded = useCorps((s) => s.loaded);
  const loadCorps = useCorps((s) => s.load);
  const basics = useBasics((s) => s.view);
  const loadBasics = useBasics((s) => s.load);
  const corpId = useCallbacks((s) => s.corpId);
  const overview = useCallbacks((s) => s.overview);
  const loading = useCallbacks((s) => s.loading);
  const error = useCallbacks((s) => s.error);
  const load = useCallbacks((s) => s.load);

  useEffect(() => {
    void loadCorps();
    void loadBasics();
  }, [loadCorps, loadBasics]);

  const selected = corps.find((c) => c.id === corpId)?.id ?? corps[0]?.id ?? null;
  useEffect(() => {
    if (selected && selected !== corpId) void load(selected);
  }, [selected, corpId, load]);

  const head = (
    <PageHead
      title={t('nav.callbacks')}
      extra={
        corps.length > 1 ? (
          <Space>
            <span>{t('callbacks.corp')}</span>
            <Select style={{ minWidth: 220 }} value={selected ?? undefined} options={corps.map((c) => ({ value: c.id, label: c.name }))} onChange={(id: string) => void load(id)} aria-label={t('callbacks.corp')} />
          </Space>
        ) : undefined
      }
    />
  );
  if (corpsLoaded && !corps.length) {
    return (
      <div className="wb-page">
        {head}
        <Empty description={t('callbacks.noCorp')} />
      </div>
    );
  }
  const current = overview && overview.contacts.corpId === selected ? overview : null;
  return (
    <div className="wb-page">
      {head}
      {basics && !basics.externalAddress && <AddressMissingAlert listenerBase={basics.listenerBase} />}
      {error && <Alert type="error" showIcon title={t('common.loadFailed')} description={errorText(error, t)} />}
      {!current && loading && <Spin />}
      {current && (
        <Tabs
          items={[
            {
              key: 'apps',
              label: t('callbacks.tab.apps'),
              children: current.apps.length ? (
                <Space orientation="vertical" style={{ width: '100%' }} size={16}>
                  {current.apps.map((a) => (
                    <Target key={a.appId} title={`${a.name}（AgentID ${a.agentid}）`} settings={a.settings} hint={t('callbacks.hint.app')} />
                  ))}
                </Space>
              ) : (
                <Empty description={t('callbacks.noApps')} />
              ),
            },
            { key: 'contacts', label: t('callbacks.tab.contacts'), children: <Target title={t('callbacks.tab.contacts')} settings={current.contacts} hint={t('callbacks.hint.contacts')} /> },
            { key: 'customer', label: t('callbacks.tab.customer'), children: <Target title={t('callbacks.tab.customer')} settings={current.customer} hint={t('callbacks.hint.customer')} /> },
            { key: 'log', label: t('callbacks.tab.log'), children: <InspectorCard corpId={selected} /> },
          ]}
        />
      )}
    </div>
  );
}
