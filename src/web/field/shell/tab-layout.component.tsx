import { TabBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { HomeIcon, MeIcon } from './icons.component.tsx';

/** Signed-in pages: the page scrolls above a fixed bottom bar with the two tabs. */
export function TabLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.startsWith('/me') ? '/me' : '/';
  return (
    <div className="field-tabs-layout">
      <main className="field-tabs-content">
        <Outlet />
      </main>
      <nav className="field-tabbar">
        <TabBar activeKey={active} onChange={(key) => navigate(key)} safeArea>
          <TabBar.Item key="/" icon={<HomeIcon />} title={t('field:tabs.home')} data-testid="tab-home" />
          <TabBar.Item key="/me" icon={<MeIcon />} title={t('field:tabs.me')} data-testid="tab-me" />
        </TabBar>
      </nav>
    </div>
  );
}
