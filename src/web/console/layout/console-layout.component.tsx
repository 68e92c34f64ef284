import { ApartmentOutlined, AuditOutlined, BarChartOutlined, FileTextOutlined, FundOutlined, CalendarOutlined, DashboardOutlined, DownOutlined, HomeOutlined, KeyOutlined, LogoutOutlined, MedicineBoxOutlined, SafetyOutlined, ScheduleOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Layout, Menu, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import { hasPermission, useLogout } from '../../shared/session.ts';
import { grantTrail, roleLabel } from '../shared/format.ts';
import { LanguageSwitch } from './language-switch.component.tsx';

/** Header with who is signed in, the menu of what their roles open, and the page. */
export function ConsoleLayout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const location = useLocation();
  const section = location.pathname.split('/')[1] || 'overview';

  const items: MenuProps['items'] = [
    { key: 'overview', icon: <DashboardOutlined />, label: <Link to="/" data-testid="nav-overview">{t('console:nav.overview')}</Link> },
    hasPermission(me, 'report.read') && { key: 'dashboard', icon: <FundOutlined />, label: <Link to="/dashboard" data-testid="nav-dashboard">{t('dashboard:nav')}</Link> },
    hasPermission(me, 'report.read') && { key: 'reports', icon: <FileTextOutlined />, label: <Link to={hasPermission(me, 'report.write') || hasPermission(me, 'report.team') ? '/reports/write' : '/reports'} data-testid="nav-reports">{t('reports-office:nav')}</Link> },
    hasPermission(me, 'ledger.read') && { key: 'residents', icon: <HomeOutlined />, label: <Link to="/residents" data-testid="nav-residents">{t('ledger:nav.residents')}</Link> },
    hasPermission(me, 'ledger.read') && { key: 'screening', icon: <ScheduleOutlined />, label: <Link to="/screening" data-testid="nav-screening">{t('screening:nav.screening')}</Link> },
    hasPermission(me, 'gate.view') && { key: 'gates', icon: <SafetyOutlined />, label: <Link to="/gates" data-testid="nav-gates">{t('gate-console:nav.gates')}</Link> },
    hasPermission(me, 'observation.figures') && { key: 'observation', icon: <MedicineBoxOutlined />, label: <Link to="/observation" data-testid="nav-observation">{t('console:nav.observation')}</Link> },
    hasPermission(me, 'team.read') && { key: 'teams', icon: <SolutionOutlined />, label: <Link to="/teams" data-testid="nav-teams">{t('teams-console:nav.teams')}</Link> },
    hasPermission(me, 'team.read') && { key: 'rosters', icon: <CalendarOutlined />, label: <Link to="/rosters" data-testid="nav-rosters">{t('teams-console:rosters.nav')}</Link> },
    hasPermission(me, 'ledger.figures') && { key: 'figures', icon: <BarChartOutlined />, label: <Link to="/figures" data-testid="nav-figures">{t('screening:nav.figures')}</Link> },
    hasPermission(me, 'org.read') && { key: 'org', icon: <ApartmentOutlined />, label: <Link to="/org" data-testid="nav-org">{t('console:nav.org')}</Link> },
    hasPermission(me, 'users.manage') && { key: 'users', icon: <TeamOutlined />, label: <Link to="/users" data-testid="nav-users">{t('console:nav.users')}</Link> },
    hasPermission(me, 'audit.read') && { key: 'audit', icon: <AuditOutlined />, label: <Link to="/audit" data-testid="nav-audit">{t('console:nav.audit')}</Link> },
  ].filter((i) => i !== false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: 20,
          borderBottom: '1px solid #e8ebf0',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Brand />
        <div style={{ flex: 1 }} />
        <UserBadge me={me} />
        <LanguageSwitch />
        <SignOut />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} style={{ borderRight: '1px solid #e8ebf0' }}>
          <Menu mode="inline" selectedKeys={[section]} items={items} style={{ borderInlineEnd: 'none', paddingTop: 8 }} />
        </Layout.Sider>
        <Layout.Content style={{ padding: 20, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export function Brand() {
  const { t } = useTranslation();
  return (
    <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, color: 'inherit' }}>
      <span
        aria-hidden
        style={{
          width: 30,
          height: 30,
          borderRadius: 8,
          background: 'linear-gradient(135deg, #1d5fa8, #3a8ee6)',
          color: '#fff',
          display: 'grid',
          placeItems: 'center',
          fontWeight: 700,
          fontSize: 15,
          lineHeight: 1,
        }}
      >
        {t('common:appName').slice(0, 1)}
      </span>
      <span style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.2 }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('common:appName')}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('common:appTagline')}
        </Typography.Text>
      </span>
    </Link>
  );
}

/** The display name and the roles held, each with its unit. */
function UserBadge({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const first = me.roles[0];
  const more = me.roles.length - 1;
  const all = (
    <div>
      {me.roles.map((r) => (
        <div key={r.assignmentId}>
          {t(`server:roles.${r.role}`)}: {grantTrail(t, r)}
        </div>
      ))}
    </div>
  );
  const menu: MenuProps = {
    items: [{ key: 'password', icon: <KeyOutlined />, label: t('console:account.changePassword') }],
    onClick: () => void navigate('/account/password'),
  };
  return (
    <Dropdown menu={menu} placement="bottomRight" trigger={['click']}>
      <Tooltip title={me.roles.length ? all : undefined} placement="left">
        <button
          type="button"
          data-testid="current-user"
          style={{ all: 'unset', cursor: 'pointer', display: 'flex', alignItems: 'center', gap: 8 }}
        >
          <span style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-end', lineHeight: 1.25 }}>
            <Typography.Text strong>{me.displayName}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {first ? roleLabel(t, first) : t('console:scope.noRoles')}
              {more > 0 && ` ${t('console:scope.moreRoles', { count: more })}`}
            </Typography.Text>
          </span>
          <DownOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.45)' }} />
        </button>
      </Tooltip>
    </Dropdown>
  );
}

function SignOut() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Button
      data-testid="sign-out"
      icon={<LogoutOutlined />}
      loading={logout.isPending}
      onClick={() =>
        logout.mutate(undefined, {
          onSuccess: () => void navigate('/login', { replace: true }),
          onError: (e) => void message.error(e.message),
        })
      }
    >
      {t('common:signOut')}
    </Button>
  );
}
