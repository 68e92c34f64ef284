import { NoticeBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useOnline } from './connectivity.ts';

/** Tells the user, on every screen, that what they see may be old and that sending needs the network. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const online = useOnline();
  if (online) return null;
  return (
    <div data-testid="offline-banner" role="status" className="field-banner">
      <NoticeBar color="alert" wrap content={t('field:offline.banner')} />
    </div>
  );
}
