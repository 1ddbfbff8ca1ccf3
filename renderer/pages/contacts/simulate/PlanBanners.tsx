import { Alert, Button, Card, Collapse, Space, Typography } from 'antd';
import { conflictText, holdText, stopText, useLang, useT, type MessageKey } from '../../../i18n';
import type { SimulateResult } from '../../../stores/contacts-sync';

type Summary = SimulateResult['summary'];
type Stop = NonNullable<SimulateResult['stop']>;
type Conflict = Summary['conflicts'][number];

/** Settings keys → the manual's name of the setting, for banners that name the setting in control. */
export function settingLabel(key: string, t: (k: MessageKey) => string): string {
  const k = `settingName.${key}` as MessageKey;
  const label = t(k);
  return label === undefined || label === k ? key : label;
}

/** The root-name rule and the other stops: cause, both names, and the setting that controls it. */
export function StopBanner({ stop, onGoto }: { stop: Stop; onGoto(tab: 'push' | 'import'): void }) {
  const t = useT();
  const lang = useLang();
  const title =
    stop.code === 'root_mismatch'
      ? t('plan.stop.rootMismatch', { oa: stop.oaRoot ?? '', wx: stop.wecomRoot || t('plan.stop.none') })
      : stop.code === 'top_dept_missing'
        ? t('plan.stop.topMissing', { id: stop.topDept ?? '' })
        : stop.code === 'no_oa_directory'
          ? t('plan.stop.noOa')
          : stopText(stop, lang);
  return (
    <Alert
      type="error"
      showIcon
      data-testid="stop-banner"
      title={title}
      description={stop.setting ? t('plan.controlledBy', { label: settingLabel(stop.setting, t), key: stop.setting }) : stopText(stop, lang)}
      action={stop.setting ? <Button size="small" onClick={() => onGoto('push')}>{t('plan.gotoBasic')}</Button> : undefined}
    />
  );
}

/** Safety holds (F4.8) and withheld removals, each naming the rule, the numbers and the setting. */
export function HoldBanners({ summary, onGotoSafety }: { summary: Summary; onGotoSafety(): void }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      {summary.safety.held.map((h) => (
        <Alert
          key={h.rule}
          type={h.part === 'run' ? 'error' : 'warning'}
          showIcon
          data-testid="hold-banner"
          title={t(h.part === 'run' ? 'plan.hold.run' : 'plan.hold.users', { rule: t(`plan.rule.${h.rule}` as MessageKey) })}
          description={
            <Space orientation="vertical" size={2}>
              <span>{holdText(h, lang)}</span>
              <span>{t('plan.hold.numbers', { limit: h.limit, actual: h.actual })}</span>
              <span>{t('plan.controlledBy', { label: settingLabel(h.setting, t), key: h.setting })}</span>
            </Space>
          }
          action={<Button size="small" onClick={onGotoSafety}>{t('plan.gotoSafety')}</Button>}
        />
      ))}
      {summary.removalsWithheld && <Alert type="warning" showIcon title={t('plan.removalsWithheld')} />}
    </>
  );
}

/** F4.10 conflicts, each with its fix (most are fixed with 【手动绑定】 in 【关联管理】). */
export function ConflictList({ conflicts, total, onBind }: { conflicts: Conflict[]; total: number; onBind?(userid: string, oaUserId?: string): void }) {
  const t = useT();
  const lang = useLang();
  if (total === 0) return null;
  const byKind = new Map<string, Conflict[]>();
  for (const c of conflicts) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
  return (
    <Card size="small" title={t('plan.conflicts', { n: total })} data-testid="conflicts">
      {total > conflicts.length && <Typography.Text type="secondary">{t('plan.conflictsFirst', { n: conflicts.length })}</Typography.Text>}
      <Collapse
        size="small"
        ghost
        items={[...byKind].map(([kind, list]) => ({
          key: kind,
          label: lang === 'zh-CN' ? `${t(`conflict.${kind}` as MessageKey)}（${list.length}）` : `${t(`conflict.${kind}` as MessageKey)} (${list.length})`,
          children: (
            <Space orientation="vertical" size={6} style={{ width: '100%' }}>
              {list.slice(0, 100).map((c, i) => {
                const text = conflictText(c, lang);
                return (
                  <div key={i}>
                    <Typography.Text>{text.message}</Typography.Text>
                    <br />
                    <Typography.Text type="success">{t('diff.fix', { fix: text.fix })}</Typography.Text>
                    {onBind && c.userid && c.kind !== 'boundMissing' && (
                      <Button type="link" size="small" onClick={() => onBind(c.userid!, c.oaUserId)}>
                        {t('plan.manualBind')}
                      </Button>
                    )}
                  </div>
                );
              })}
            </Space>
          ),
        }))}
      />
    </Card>
  );
}
