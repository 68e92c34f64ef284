import { Button, Dialog, List, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { version } from '../../../../package.json';
import { ApiRequestError } from '../../shared/api.ts';
import { useLogout, useMe } from '../../shared/session.ts';
import { forgetQueries } from '../offline/query-persistence.ts';
import { useMyOutboxCount } from '../offline/outbox-store.ts';
import { useSwStatus } from '../pwa/register-sw.ts';
import { LanguageSwitch } from '../shared/language-switch.component.tsx';
import { ServerStatus } from './server-status.component.tsx';

/** Me: who I am and my roles, language, password, sign-out, and what this app and server are. */
export function MePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const logout = useLogout();
  const { offlineReady } = useSwStatus();
  const waiting = useMyOutboxCount();
  if (!me.data) return null;
  const user = me.data;

  // Visits, registrations and patrol rounds not yet sent stay on this phone and go out at the next sign-in; say so before signing out.
  const confirmSignOut = () => {
    if (waiting === 0) return signOut();
    void Dialog.confirm({
      content: t('field:me.signOutWithOutbox', { count: waiting }),
      confirmText: t('field:me.signOutAnyway'),
      cancelText: t('field:common.back'),
      onConfirm: signOut,
    });
  };

  const signOut = () =>
    logout.mutate(undefined, {
      onSuccess: () => {
        forgetQueries();
        void navigate('/login', { replace: true });
      },
      onError: (e) => Toast.show({ content: e instanceof ApiRequestError ? e.message : t('common:errors.unexpected') }),
    });

  return (
    <div className="field-page">
      <header className="field-hero field-hero-compact">
        <h1 data-testid="me-name">{user.displayName}</h1>
        <p>{user.username}</p>
      </header>
      <div className="field-stack">
        <List header={t('field:me.roles')} className="field-list" data-testid="me-roles">
          {user.roles.length === 0 && <List.Item>{t('field:home.noRoles')}</List.Item>}
          {user.roles.map((g) => (
            <List.Item key={g.assignmentId} description={g.unit ? t(`server:orgKinds.${g.unit.kind}`) : undefined}>
              <span className="field-role-line">
                <Tag color="primary">{t(`server:roles.${g.role}`)}</Tag>
                <span>{g.unit?.name ?? t('field:home.everywhere')}</span>
              </span>
            </List.Item>
          ))}
        </List>

        <List header={t('field:me.settings')} className="field-list">
          <List.Item title={t('common:language.label')}>
            <LanguageSwitch />
          </List.Item>
          <List.Item onClick={() => navigate('/password')} data-testid="change-password">
            {t('field:me.changePassword')}
          </List.Item>
        </List>

        <List header={t('field:me.about')} className="field-list">
          <List.Item extra={<span data-testid="app-version">{version}</span>}>{t('field:me.version')}</List.Item>
          <List.Item extra={<ServerStatus />}>{t('field:me.server')}</List.Item>
          <List.Item extra={offlineReady ? t('field:me.offlineReady') : t('field:me.offlineUnavailable')}>
            {t('field:me.offlineUse')}
          </List.Item>
        </List>

        <div className="field-pad">
          <Button block size="large" color="danger" fill="outline" onClick={confirmSignOut} loading={logout.isPending} data-testid="sign-out">
            {t('field:me.signOut')}
          </Button>
        </div>
      </div>
    </div>
  );
}
