import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** A whole-page refusal with a way back to the overview. */
function RefusalPage({ status, page }: { status: '403' | '404'; page: 'notAllowed' | 'pageNotFound' }) {
  const { t } = useTranslation();
  return (
    <Result
      status={status}
      title={t(`console:${page}.title`)}
      subTitle={t(`console:${page}.text`)}
      extra={
        <Link to="/">
          <Button type="primary">{t('console:nav.overview')}</Button>
        </Link>
      }
    />
  );
}

/** A page the user's roles do not open. */
export const NotAllowed = () => <RefusalPage status="403" page="notAllowed" />;

/** An address that is no page of the console. */
export const NotFoundPage = () => <RefusalPage status="404" page="pageNotFound" />;
