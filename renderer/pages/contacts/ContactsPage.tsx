import { Button, Card, Empty, List, Spin, Tag } from 'antd';
import { useEffect } from 'react';
import { PageHead } from '../../components/PageHead';
import { useT } from '../../i18n';
import { useCorps } from '../../stores';
import type { Route } from '../../src/route';
import { ContactsArea } from './ContactsArea';

/** 【通讯录同步】: pick a corp (or go straight to the only one), then its 【通讯录管理】. */
export function ContactsPage({ route, navigate }: { route: Route; navigate(r: Route): void }) {
  const t = useT();
  const corps = useCorps((s) => s.corps);
  const loaded = useCorps((s) => s.loaded);
  const load = useCorps((s) => s.load);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (!route.corpId && loaded && corps.length === 1) navigate({ area: 'contacts', corpId: corps[0].id });
  }, [route.corpId, loaded, corps, navigate]);

  if (route.corpId) return <ContactsArea corpId={route.corpId} tab={route.tab} navigate={navigate} />;
  return (
    <div className="wb-page">
      <PageHead title={t('nav.contacts')} />
      <Card>
        {!loaded ? (
          <Spin />
        ) : corps.length === 0 ? (
          <Empty description={t('diag.noCorp')}>
            <Button type="primary" onClick={() => navigate({ area: 'corps' })}>{t('nav.corps')}</Button>
          </Empty>
        ) : (
          <List
            dataSource={corps}
            renderItem={(c) => (
              <List.Item actions={[<Button key="open" type="link" onClick={() => navigate({ area: 'contacts', corpId: c.id })}>{t('contacts.open')}</Button>]}>
                <List.Item.Meta title={<a onClick={() => navigate({ area: 'contacts', corpId: c.id })}>{c.name}</a>} description={<Tag>{t(`corps.kind.${c.kind}`)}</Tag>} />
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
