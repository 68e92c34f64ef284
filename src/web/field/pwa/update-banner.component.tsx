import { NoticeBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useSwStatus } from './register-sw.ts';

/** Offers a reload when a new version of the app has been installed in the background. */
export function UpdateBanner() {
  const { t } = useTranslation();
  const { updateReady } = useSwStatus();
  if (!updateReady) return null;
  return (
    <div data-testid="update-banner" className="field-banner">
      <NoticeBar
        color="info"
        content={t('field:update.ready')}
        extra={
          <button type="button" className="field-banner-action" onClick={() => window.location.reload()}>
            {t('field:update.reload')}
          </button>
        }
      />
    </div>
  );
}
