import {
  ApiOutlined,
  AppstoreOutlined,
  ContactsOutlined,
  InboxOutlined,
  InteractionOutlined,
  QrcodeOutlined,
  ScheduleOutlined,
  SendOutlined,
  SettingOutlined,
  TeamOutlined,
  WechatWorkOutlined,
} from '@ant-design/icons';
import { App as AntApp, ConfigProvider, Layout, Menu, Segmented, Typography } from 'antd';
import antdEnUS from 'antd/locale/en_US';
import antdZhCN from 'antd/locale/zh_CN';
import { useEffect, type ReactNode } from 'react';
import { useLang, useLangStore, useT, type Lang, type MessageKey } from '../i18n';
import { BasicsPage } from '../pages/basics/BasicsPage';
import { CallbacksPage } from '../pages/callbacks/CallbacksPage';
import { CorpDetailPage } from '../pages/corps/CorpDetailPage';
import { ContactsPage } from '../pages/contacts/ContactsPage';
import { CorpListPage } from '../pages/corps/CorpListPage';
import { NotBuiltPage } from '../pages/placeholder/NotBuiltPage';
import { StoresProvider, useCorps, type AppStores } from '../stores';
import { areas, useHashRoute, type Area, type Route } from './route';

const icons: Record<Area, ReactNode> = {
  corps: <WechatWorkOutlined />,
  contacts: <TeamOutlined />,
  messages: <SendOutlined />,
  attendance: <ScheduleOutlined />,
  qrLogin: <QrcodeOutlined />,
  customers: <ContactsOutlined />,
  archive: <InboxOutlined />,
  callbacks: <InteractionOutlined />,
  other: <AppstoreOutlined />,
  basics: <SettingOutlined />,
};

function Page({ route, navigate }: { route: Route; navigate: (r: Route) => void }) {
  switch (route.area) {
    case 'corps':
      return route.corpId ? (
        <CorpDetailPage corpId={route.corpId} navigate={navigate} />
      ) : (
        <CorpListPage navigate={navigate} />
      );
    case 'contacts':
      return <ContactsPage route={route} navigate={navigate} />;
    case 'basics':
      return <BasicsPage />;
    case 'callbacks':
      return <CallbacksPage />;
    default:
      return <NotBuiltPage area={route.area} />;
  }
}

function Shell() {
  const t = useT();
  const lang = useLang();
  const setLang = useLangStore((s) => s.setLang);
  const [route, navigate] = useHashRoute();
  const watchCorps = useCorps((s) => s.watch);

  useEffect(() => watchCorps(), [watchCorps]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);

  return (
    <Layout className="wb-root">
      <Layout.Header className="wb-header">
        <div className="wb-brand">
          <ApiOutlined className="wb-brand-icon" />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('app.title')}
          </Typography.Title>
        </div>
        <Segmented<Lang>
          aria-label="language"
          value={lang}
          onChange={setLang}
          options={[
            { label: '中文', value: 'zh-CN' },
            { label: 'English', value: 'en-US' },
          ]}
        />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={216} theme="light" className="wb-sider">
          <Menu
            mode="inline"
            selectedKeys={[route.area]}
            onClick={(e) => navigate({ area: e.key as Area })}
            items={areas.map((a) => ({ key: a, icon: icons[a], label: t(`nav.${a}` as MessageKey) }))}
          />
        </Layout.Sider>
        <Layout.Content className="wb-content">
          <Page route={route} navigate={navigate} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export function App({ stores }: { stores: AppStores }) {
  const lang = useLang();
  return (
    <ConfigProvider locale={lang === 'en-US' ? antdEnUS : antdZhCN} theme={{ token: { borderRadius: 6 } }}>
      <AntApp>
        <StoresProvider stores={stores}>
          <Shell />
        </StoresProvider>
      </AntApp>
    </ConfigProvider>
  );
}
