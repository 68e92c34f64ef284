import { Button, Input } from 'antd-mobile';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiRequestError } from '../../shared/api.ts';
import type { Language } from '../../shared/i18n.ts';
import { useLogin, useMe, useSwitchLanguage } from '../../shared/session.ts';
import { useOnline } from '../offline/connectivity.ts';
import { LanguageSwitch } from '../shared/language-switch.component.tsx';

/** Sign-in with username or mobile number; the language can be chosen before. */
export function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const online = useOnline();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  // A language picked here, just before signing in, wins over the one saved in the account.
  const [chosenLanguage, setChosenLanguage] = useState<Language | null>(null);
  const switchLanguage = useSwitchLanguage();
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me.data && !login.isPending) return <Navigate to={me.data.mustChangePassword ? '/password' : from} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (user) => {
          if (chosenLanguage && chosenLanguage !== user.locale) switchLanguage(chosenLanguage).catch(() => undefined);
          void navigate(user.mustChangePassword ? '/password' : from, { replace: true });
        },
      },
    );
  };

  const error = missing
    ? t('field:login.required')
    : login.error instanceof ApiRequestError
      ? login.error.message
      : login.error
        ? t('common:errors.unexpected')
        : null;

  return (
    <div className="field-login">
      <header className="field-login-brand">
        <img src="/icons/icon-192.png" alt="" width={72} height={72} />
        <h1>{t('common:appName')}</h1>
        <p>{t('common:appTagline')}</p>
      </header>
      <form className="field-form" onSubmit={submit} noValidate>
        <label className="field-label" htmlFor="username">
          {t('field:login.username')}
        </label>
        <Input
          id="username"
          name="username"
          className="field-input"
          autoComplete="username"
          autoCapitalize="off"
          autoCorrect="off"
          placeholder={t('field:login.usernamePlaceholder')}
          value={username}
          onChange={setUsername}
          clearable
        />
        <label className="field-label" htmlFor="password">
          {t('field:login.password')}
        </label>
        <Input
          id="password"
          name="password"
          type="password"
          className="field-input"
          autoComplete="current-password"
          placeholder={t('field:login.passwordPlaceholder')}
          value={password}
          onChange={setPassword}
        />
        {error && (
          <div className="field-error" role="alert" data-testid="login-error">
            {error}
          </div>
        )}
        {!online && <div className="field-hint">{t('field:login.offlineHint')}</div>}
        <Button
          type="submit"
          color="primary"
          size="large"
          block
          loading={login.isPending}
          disabled={login.isPending}
          data-testid="login-submit"
        >
          {t('field:login.submit')}
        </Button>
      </form>
      <footer className="field-login-language">
        <div className="field-label">{t('common:language.label')}</div>
        <LanguageSwitch onChosen={setChosenLanguage} />
      </footer>
    </div>
  );
}
