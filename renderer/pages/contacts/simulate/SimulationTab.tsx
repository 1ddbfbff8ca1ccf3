import { Alert, App, Button, Card, Empty, Spin, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SyncSettings } from '../../../../main/sync/settings-schema';
import { errorText } from '../../../components/error-text';
import { DiffSidePanel } from '../../../components/org-diff/DiffSidePanel';
import type { DiffNode } from '../../../components/org-diff/diff-model';
import { OrgDiffTree } from '../../../components/org-diff/OrgDiffTree';
import { useT } from '../../../i18n';
import { useContacts } from '../../../stores';
import type { MirrorUsersPage } from '../../../stores/contacts-data';
import { UserCard } from '../directory/UserCard';
import { ConflictList, HoldBanners, StopBanner } from './PlanBanners';
import { PlanSummaryCard, SimulateButton } from './PlanSummaryCard';
import { PushConfirmModal } from './PushConfirmModal';
import { PushRunPanel } from './PushRunPanel';

export interface SimulationTabProps {
  corpId: string;
  settings: SyncSettings;
  readonly: boolean;
  onGoto(tab: string): void;
}

/** F4.10 【模拟同步】 → review → confirm → apply (F4.12). Works offline on the last pulled mirror. */
export function SimulationTab({ corpId, settings, readonly, onGoto }: SimulationTabProps) {
  const t = useT();
  const sim = useContacts((s) => s.sims[corpId]);
  const run = useContacts((s) => s.pushes[corpId]);
  const simulate = useContacts((s) => s.simulate);
  const push = useContacts((s) => s.push);
  const clearPush = useContacts((s) => s.clearPush);
  const [selected, setSelected] = useState<DiffNode | null>(null);
  const [confirming, setConfirming] = useState(false);
  const onSelect = useCallback((n: DiffNode) => setSelected(n), []);
  const { message } = App.useApp();
  const mirrorUsers = useContacts((s) => s.mirrorUsers);
  const depts = useContacts((s) => s.mirrorDepts[corpId]);
  const loadDepts = useContacts((s) => s.loadMirrorDepts);
  const [card, setCard] = useState<{ user: MirrorUsersPage['users'][number]; suggest?: string } | null>(null);
  useEffect(() => void loadDepts(corpId).catch(() => undefined), [corpId, loadDepts]);
  const deptNames = useMemo(() => new Map((depts ?? []).map((d) => [d.id, d.name])), [depts]);
  /** 【手动绑定】 from a conflict: the WeCom member's card, the OA user it names searched already. */
  const openBind = async (userid: string, oaUserId?: string) => {
    const u = (await mirrorUsers({ corpId, search: userid, limit: 20 })).users.find((x) => x.userid === userid);
    if (u) setCard({ user: u, suggest: oaUserId });
    else message.warning(t('bind.notInMirror', { userid }));
  };

  const resimulate = () => {
    clearPush(corpId);
    setSelected(null);
    void simulate(corpId);
  };

  if (!sim || (sim.running && !sim.result)) {
    return (
      <Card>
        {sim?.running ? <Spin description={t('plan.simulating')}><div style={{ height: 120 }} /></Spin> : (
          <Empty description={t('plan.intro')}>
            <SimulateButton primary onClick={() => void simulate(corpId)} loading={false} />
          </Empty>
        )}
      </Card>
    );
  }
  const result = sim.result;
  const summary = result?.summary;
  // Nothing to apply, a stop, a plan already applied, or one the server called stale: simulate again first.
  const spent = !!run && run.hash === summary?.hash && !run.running && (run.error?.code === 'stale_plan' || run.result?.status === 'succeeded');
  const blocked = !!result?.stop || !summary || (summary.changes === 0 && summary.counts.bind === 0 && summary.counts.linkDept === 0) || spent;
  const applyButton = (
    <Tooltip title={readonly ? t('contacts.readonly') : undefined}>
      <Button type="primary" danger={!!summary?.destructive} disabled={readonly || blocked || !!run?.running} onClick={() => setConfirming(true)} data-testid="push-open">
        {t('push.apply')}
      </Button>
    </Tooltip>
  );

  return (
    <div className="wb-stack" data-testid="simulation">
      {sim.error && <Alert type="error" showIcon title={errorText(sim.error, t)} />}
      {result?.stop && <StopBanner stop={result.stop} onGoto={() => onGoto('push')} />}
      {summary && !result?.stop && (
        <>
          <HoldBanners summary={summary} onGotoSafety={() => onGoto('push')} />
          <PlanSummaryCard summary={summary} actions={<><SimulateButton onClick={resimulate} loading={sim.running} />{applyButton}</>} />
          {run && <PushRunPanel corpId={corpId} run={run} onResimulate={resimulate} onClose={() => clearPush(corpId)} />}
          <ConflictList conflicts={sim.tree?.conflicts ?? summary.conflicts} total={summary.conflictsTotal} onBind={(u, o) => void openBind(u, o)} />
        </>
      )}
      {result?.stop && (
        <div>
          <SimulateButton primary onClick={resimulate} loading={sim.running} />
        </div>
      )}
      {sim.tree && (
        <div className="wb-diff-layout">
          <Card size="small" title={t('diff.title')} className="wb-diff-main">
            <OrgDiffTree tree={sim.tree} selectedKey={selected?.key ?? null} onSelect={onSelect} />
          </Card>
          <div className="wb-diff-side">
            <DiffSidePanel key={selected?.key ?? 'none'} node={selected} tree={sim.tree} />
          </div>
        </div>
      )}
      <UserCard corpId={corpId} user={card?.user ?? null} suggest={card?.suggest} deptName={(id) => deptNames.get(id) ?? String(id)} onClose={() => setCard(null)} onChanged={(user) => setCard((c) => (c ? { ...c, user } : c))} />
      {summary && (
        <PushConfirmModal
          open={confirming}
          summary={summary}
          toOA={settings['sync.toOA']}
          onCancel={() => setConfirming(false)}
          onConfirm={(o) => {
            setConfirming(false);
            void push(corpId, { hash: summary.hash, ...o });
          }}
        />
      )}
    </div>
  );
}
