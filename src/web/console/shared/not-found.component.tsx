import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** A page the user's roles do not open. */
export function NotAllowed() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('console:notAllowed.title')}
      subTitle={t('console:notAllowed.text')}
      extra={
        <Link to="/">
          <Button type="primary">{t('console:nav.overview')}</Button>
        </Link>
      }
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('console:pageNotFound.title')}
      subTitle={t('console:pageNotFound.text')}
      extra={
        <Link to="/">
          <Button type="primary">{t('console:nav.overview')}</Button>
        </Link>
      }
    />
  );
}
