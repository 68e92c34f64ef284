import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useMe, hasPermission } from '../shared/session.ts';
import { AuditPage } from './audit/audit.page.tsx';
import { ChangePasswordPage } from './auth/change-password.page.tsx';
import { LoginPage } from './auth/login.page.tsx';
import { ConsoleLayout } from './layout/console-layout.component.tsx';
import { OrgTreePage } from './org/org-tree.page.tsx';
import { OverviewPage } from './overview/overview.page.tsx';
import { NotAllowed, NotFoundPage } from './shared/not-found.component.tsx';
import { UsersPage } from './users/users.page.tsx';
import { ResidentsPage } from './residents/residents.page.tsx';
import { ResidentPage } from './residents/resident.page.tsx';
import { ResidentImportPage } from './residents/resident-import.page.tsx';
import { DuplicatesPage } from './residents/duplicates.page.tsx';
import { FiguresPage } from './figures/figures.page.tsx';
import { RoundsPage } from './screening/rounds.page.tsx';
import { RoundPage } from './screening/round.page.tsx';
import { gatePageRoutes, gatePrintRoutes } from './gates/gate-routes.tsx';
import { observationPageRoutes, observationPrintRoutes } from './observation/observation-routes.tsx';
import { rosterPageRoutes, rosterPrintRoutes } from './rosters/rosters-routes.tsx';
import { teamsPageRoutes, teamsPrintRoutes } from './teams/teams-routes.tsx';
import { reportWritePageRoutes, reportWritePrintRoutes } from './reports/report-write-routes.tsx';
import { reportOfficePageRoutes, reportOfficePrintRoutes } from './reports/report-office-routes.tsx';
import { dashboardPageRoutes } from './dashboard/dashboard-routes.tsx';

const THEME = {
  token: { colorPrimary: '#1d5fa8', borderRadius: 6 },
  components: { Layout: { headerBg: '#ffffff', siderBg: '#ffffff' } },
};

/** The console: antd in the user's language, then the routes behind the sign-in gate. */
export function App() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  useEffect(() => {
    dayjs.locale(zh ? 'zh-cn' : 'en');
    document.title = `${t('common:appName')} · ${t('console:consoleName')}`;
  }, [zh, t]);
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} theme={THEME}>
      <AntApp>
        <BrowserRouter>
          <Gate />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

/** Signed out: only the sign-in page. A temporary password: only the change-password page. */
function Gate() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Spin size="large" fullscreen description={t('common:loading')} />;
  if (me.isError) return <Result status="error" title={t('common:errors.unexpected')} subTitle={me.error.message} />;
  const user = me.data;
  if (!user) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Navigate to={`/login${redirectQuery(location.pathname + location.search)}`} replace />} />
      </Routes>
    );
  }
  if (user.mustChangePassword) return <ChangePasswordPage forced />;
  return (
    <Routes>
      <Route path="/login" element={<Navigate to={nextFrom(location.search)} replace />} />
      {gatePrintRoutes(user)}
      {observationPrintRoutes(user)}
      {rosterPrintRoutes(user)}
      {teamsPrintRoutes(user)}
      {reportWritePrintRoutes(user)}
      {reportOfficePrintRoutes(user)}
      <Route element={<ConsoleLayout me={user} />}>
        <Route index element={<OverviewPage me={user} />} />
        <Route path="residents" element={hasPermission(user, 'ledger.read') ? <ResidentsPage me={user} /> : <NotAllowed />} />
        <Route path="residents/import" element={hasPermission(user, 'ledger.manage') ? <ResidentImportPage me={user} /> : <NotAllowed />} />
        <Route path="residents/duplicates" element={hasPermission(user, 'ledger.manage') ? <DuplicatesPage me={user} /> : <NotAllowed />} />
        <Route path="residents/:id" element={hasPermission(user, 'ledger.read') ? <ResidentPage me={user} /> : <NotAllowed />} />
        <Route path="figures" element={hasPermission(user, 'ledger.figures') ? <FiguresPage me={user} /> : <NotAllowed />} />
        <Route path="screening" element={hasPermission(user, 'ledger.read') ? <RoundsPage me={user} /> : <NotAllowed />} />
        <Route path="screening/:id" element={hasPermission(user, 'ledger.read') ? <RoundPage me={user} /> : <NotAllowed />} />
        {gatePageRoutes(user)}
        {observationPageRoutes(user)}
        {rosterPageRoutes(user)}
        {teamsPageRoutes(user)}
        {reportWritePageRoutes(user)}
        {reportOfficePageRoutes(user)}
        {dashboardPageRoutes(user)}
        <Route path="org" element={hasPermission(user, 'org.read') ? <OrgTreePage me={user} /> : <NotAllowed />} />
        <Route path="org/:id" element={hasPermission(user, 'org.read') ? <OrgTreePage me={user} /> : <NotAllowed />} />
        <Route path="users" element={hasPermission(user, 'users.manage') ? <UsersPage me={user} /> : <NotAllowed />} />
        <Route path="audit" element={hasPermission(user, 'audit.read') ? <AuditPage /> : <NotAllowed />} />
        <Route path="account/password" element={<ChangePasswordPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function redirectQuery(target: string): string {
  return target && target !== '/' && !target.startsWith('/login') ? `?next=${encodeURIComponent(target)}` : '';
}

/** Only a path on this site, never another origin. */
function nextFrom(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
