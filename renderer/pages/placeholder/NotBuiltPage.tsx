import { Card, Result } from 'antd';
import { PageHead } from '../../components/PageHead';
import { useT, type MessageKey } from '../../i18n';
import type { Area } from '../../src/route';

type Planned = Exclude<Area, 'corps' | 'basics' | 'callbacks'>;

/** SPEC features each area will cover; shown so nobody mistakes an empty screen for missing data. */
const features: Record<Planned, string> = {
  contacts: 'F4',
  messages: 'F3',
  attendance: 'F5',
  qrLogin: 'F9.3',
  customers: 'F7',
  archive: 'F8',
  other: 'F6.4, F9.1, F9.2, F9.4',
};

export function NotBuiltPage({ area }: { area: Planned }) {
  const t = useT();
  return (
    <div className="wb-page">
      <PageHead title={t(`nav.${area}` as MessageKey)} />
      <Card>
        <Result
          status="info"
          title={t('notBuilt.title')}
          subTitle={
            <div>
              <div>{t('notBuilt.covers', { features: features[area] })}</div>
              <div>{t(`notBuilt.${area}` as MessageKey)}</div>
            </div>
          }
        />
      </Card>
    </div>
  );
}
