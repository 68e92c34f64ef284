import { TabBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { hasPermission, useMe } from '../../shared/session.ts';
import { GateIcon } from '../gate/gate-icons.component.tsx';
import { gateHome, useGateTools } from '../gate/gate-tools.ts';
import { useMyOutbox } from '../offline/outbox.ts';
import { ScreeningIcon, SearchIcon } from '../screening/tab-icons.component.tsx';
import { HomeIcon, MeIcon } from './icons.component.tsx';

/** Which tab a page belongs to: a household is reached by search, the outbox from screening. */
function tabOf(pathname: string): string {
  if (pathname.startsWith('/me')) return '/me';
  if (pathname.startsWith('/search') || pathname.startsWith('/households')) return '/search';
  if (pathname.startsWith('/screening') || pathname.startsWith('/outbox')) return '/screening';
  if (pathname.startsWith('/gate') || pathname.startsWith('/patrol')) return '/gate';
  return '/';
}

/**
 * Signed-in pages: the page scrolls above a fixed bottom bar. Users who
 * record visits get search and screening tabs; the screening tab counts the
 * visits still on the phone (red once one was refused). Users with an
 * entrance or a patrol group get a gate tab, counting their registrations and
 * rounds still on the phone.
 */
export function TabLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const me = useMe();
  const visits = hasPermission(me.data, 'screening.visit');
  const { items } = useMyOutbox();
  const refused = items.some((i) => i.status === 'refused');
  // Gates and patrols share one tab (the patrol is a link on the desk), counting what of theirs is still on the phone.
  const gateTools = useGateTools();
  // A tap on a tab goes to its first page, also from deeper in the same tab (a household, the outbox).
  const go = (key: string) => () => {
    if (pathname !== key) void navigate(key);
  };
  const gateTab = gateHome(gateTools);
  return (
    <div className="field-tabs-layout">
      <main className="field-tabs-content">
        <Outlet />
      </main>
      <nav className="field-tabbar">
        <TabBar activeKey={tabOf(pathname)} safeArea>
          <TabBar.Item key="/" onClick={go('/')} icon={<HomeIcon />} title={t('field:tabs.home')} data-testid="tab-home" />
          {visits && <TabBar.Item key="/search" onClick={go('/search')} icon={<SearchIcon />} title={t('field:ledger.tab')} data-testid="tab-search" />}
          {visits && (
            <TabBar.Item
              key="/screening"
              onClick={go('/screening')}
              icon={<ScreeningIcon />}
              title={t('field:screening.tab')}
              badge={items.length > 0 ? items.length : undefined}
              data-testid="tab-screening"
              data-refused={refused}
            />
          )}
          {(gateTools.gate || gateTools.patrol) && (
            <TabBar.Item
              key="/gate"
              onClick={go(gateTab)}
              icon={<GateIcon />}
              title={gateTools.gate ? t('gate-field:tab') : t('gate-field:patrol.tab')}
              badge={gateTools.onPhone > 0 ? gateTools.onPhone : undefined}
              data-testid="tab-gate"
              data-refused={gateTools.refused}
            />
          )}
          <TabBar.Item key="/me" onClick={go('/me')} icon={<MeIcon />} title={t('field:tabs.me')} data-testid="tab-me" />
        </TabBar>
      </nav>
    </div>
  );
}
