import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Visit } from './screening.resource.ts';

/** A visit's health answers at a glance: fever in red, other symptoms in orange. */
export function HealthFlags({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const h = visit.health;
  if (visit.outcome === 'nobody_home') return <Typography.Text type="secondary">—</Typography.Text>;
  if (!h) {
    return (
      <Tooltip title={t('screening:round.visits.healthHidden')}>
        <Typography.Text type="secondary">—</Typography.Text>
      </Tooltip>
    );
  }
  const temperature = h.temperature != null ? t('screening:round.visits.temperature', { value: h.temperature.toFixed(1) }) : null;
  return (
    <Space size={[4, 4]} wrap>
      {h.fever && (
        <Tag color="red" data-testid="visit-fever">
          {t('screening:round.visits.fever')}
          {temperature && ` ${temperature}`}
        </Tag>
      )}
      {h.cough && <Tag color="orange">{t('screening:round.visits.cough')}</Tag>}
      {h.otherSymptoms && <Tag color="orange">{h.otherSymptoms}</Tag>}
      {!h.fever && !h.cough && !h.otherSymptoms && (
        <Typography.Text type="success">
          {t('screening:round.visits.healthy')}
          {temperature && ` ${temperature}`}
        </Typography.Text>
      )}
    </Space>
  );
}
