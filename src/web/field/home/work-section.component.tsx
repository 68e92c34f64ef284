import { Card } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

/**
 * Where the field tools (visits, gate registration, care calls…) will appear
 * as each capability is switched on. None is yet, and the section says so
 * rather than showing tiles that lead nowhere.
 */
export function WorkSection() {
  const { t } = useTranslation();
  return (
    <Card title={t('field:home.work')} data-testid="work-section" className="field-card">
      <div className="field-empty" data-testid="work-empty">
        <p>{t('field:home.workEmpty')}</p>
        <p className="field-muted">{t('field:home.workEmptyHint')}</p>
      </div>
    </Card>
  );
}
