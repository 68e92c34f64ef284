import { Button, Input, NavBar, Toast } from 'antd-mobile';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiRequestError } from '../../shared/api.ts';
import { useChangePassword, useLogout, useMe } from '../../shared/session.ts';
import { forgetQueries } from '../offline/query-persistence.ts';

const MIN_LENGTH = 8;

type Field = 'currentPassword' | 'newPassword' | 'confirm';

/**
 * Changing one's password. Forced after a temporary password (no way back,
 * only sign-out); chosen from the Me tab otherwise.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const change = useChangePassword();
  const logout = useLogout();
  const forced = me.data?.mustChangePassword ?? false;
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirm: '' });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});

  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const check = (): Partial<Record<Field, string>> => {
    const p: Partial<Record<Field, string>> = {};
    if (!values.currentPassword) p.currentPassword = t('field:password.required');
    if (values.newPassword.length < MIN_LENGTH) p.newPassword = t('field:password.tooShort', { min: MIN_LENGTH });
    if (values.confirm !== values.newPassword) p.confirm = t('field:password.mismatch');
    return p;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = check();
    setProblems(p);
    if (Object.keys(p).length > 0) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          Toast.show({ icon: 'success', content: t('field:password.done') });
          void navigate(forced ? '/' : '/me', { replace: true });
        },
      },
    );
  };

  const signOut = () =>
    logout.mutate(undefined, {
      onSuccess: () => {
        forgetQueries();
        void navigate('/login', { replace: true });
      },
    });

  const serverError = change.error instanceof ApiRequestError ? change.error : null;
  const fieldError = (field: Field) =>
    problems[field] ?? serverError?.body.details?.find((d) => d.field === field)?.message ?? (serverError?.body.field === field ? serverError.message : undefined);

  const input = (field: Field, label: string, autoComplete: string, hint?: string) => (
    <>
      <label className="field-label" htmlFor={field}>
        {label}
      </label>
      <Input id={field} type="password" className="field-input" autoComplete={autoComplete} value={values[field]} onChange={set(field)} />
      {hint && <div className="field-hint">{hint}</div>}
      {fieldError(field) && <div className="field-error">{fieldError(field)}</div>}
    </>
  );

  return (
    <div className="field-page">
      <NavBar backIcon={!forced} onBack={() => navigate('/me')} back={forced ? null : t('field:common.back')}>
        {forced ? t('field:password.forcedTitle') : t('field:password.title')}
      </NavBar>
      <form className="field-form field-section" onSubmit={submit} noValidate>
        {forced && <p className="field-intro">{t('field:password.forcedIntro')}</p>}
        {input('currentPassword', t('field:password.current'), 'current-password')}
        {input('newPassword', t('field:password.new'), 'new-password', t('field:password.newHint', { min: MIN_LENGTH }))}
        {input('confirm', t('field:password.confirm'), 'new-password')}
        {serverError && !serverError.body.details && !serverError.body.field && (
          <div className="field-error" role="alert" data-testid="password-error">
            {serverError.message}
          </div>
        )}
        <Button type="submit" color="primary" size="large" block loading={change.isPending} data-testid="password-submit">
          {t('field:password.submit')}
        </Button>
        {forced && (
          <Button size="large" block fill="outline" onClick={signOut} loading={logout.isPending} data-testid="sign-out">
            {t('field:me.signOut')}
          </Button>
        )}
      </form>
    </div>
  );
}
