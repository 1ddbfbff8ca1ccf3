import { Card, Steps, Typography } from 'antd';
import type { AppView, CorpView } from '../../main/api/schemas';
import { useT } from '../i18n';

/**
 * F0.4 per corp, in the manual's order: 【云桥对外域名】 → 【企业集成】 → 【应用集成】.
 * Only what this version can know is marked done; later steps are named as not yet available.
 */
export function SetupChecklist(props: { hasAddress: boolean; corp: CorpView; apps: AppView[]; onGotoBasics(): void }) {
  const t = useT();
  const appDone = props.apps.some((a) => a.validation?.ok);
  const current = !props.hasAddress ? 0 : appDone ? 3 : 2;
  return (
    <Card title={t('checklist.title')} size="small">
      <Steps
        size="small"
        current={current}
        items={[
          {
            title: t('checklist.address'),
            status: props.hasAddress ? 'finish' : 'process',
            onClick: props.hasAddress ? undefined : props.onGotoBasics,
          },
          { title: t('checklist.corp'), status: 'finish' },
          {
            title: t('checklist.app'),
            status: appDone ? 'finish' : props.hasAddress ? 'process' : 'wait',
            content: t('checklist.app.desc'),
          },
        ]}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {props.corp.kind === 'public' ? t('checklist.later') : t('checklist.laterPrivate')}
      </Typography.Text>
    </Card>
  );
}
