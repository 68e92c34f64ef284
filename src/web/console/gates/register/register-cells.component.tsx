import { WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PassageRow } from '../../../../contract/gates.ts';
import { temperatureOf } from '../gate-format.ts';

const CODE_COLOR = { green: 'green', yellow: 'gold', red: 'red', none: 'default' } as const;

/** A reading, in bold red from 37.3 °C (the server's fever flag). */
export function TemperatureCell({ row }: { row: PassageRow }) {
  const { t } = useTranslation();
  if (row.temperature === null) return null;
  return row.fever ? (
    <Typography.Text strong style={{ color: '#cf1322' }} data-testid="register-fever">
      {temperatureOf(t, row.temperature)} {t('gates:fever')}
    </Typography.Text>
  ) : (
    <span>{temperatureOf(t, row.temperature)}</span>
  );
}

export function HealthCodeCell({ row }: { row: PassageRow }) {
  const { t } = useTranslation();
  return row.healthCode ? <Tag color={CODE_COLOR[row.healthCode]}>{t(`gates:healthCodes.${row.healthCode}`)}</Tag> : null;
}

/**
 * Let through or turned back with the reason; flagged when a phone offline
 * decided otherwise than the server (a pass it did not yet know was revoked).
 */
export function ResultCell({ row }: { row: PassageRow }) {
  const { t } = useTranslation();
  return (
    <span style={{ display: 'inline-flex', gap: 4, alignItems: 'center', flexWrap: 'wrap' }}>
      {row.allowed ? (
        <Tag color="green">{t('gates:allowed')}</Tag>
      ) : (
        <Tag color="red">
          {t('gates:refused')}
          {row.reason && `: ${t(`gates:reasons.${row.reason}`)}`}
        </Tag>
      )}
      {row.deviceDisagreed && (
        <Tooltip title={t('gate-console:register.disagreedHint')}>
          <Tag color="orange" icon={<WarningOutlined />} data-testid="register-disagreed">
            {t('gate-console:register.disagreed')}
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}

/** Group and address for a resident's pass, the place they came from for a visitor. */
export function WhoCell({ row }: { row: PassageRow }) {
  const { t } = useTranslation();
  if (row.kind === 'visitor') return <span>{row.fromPlace ? t('gate-console:register.from', { place: row.fromPlace }) : ''}</span>;
  return <span>{row.label ?? ''}</span>;
}

/** The masked ID number, else the masked phone. */
export function IdentityCell({ row }: { row: PassageRow }) {
  const text = [row.idMasked, row.phoneMasked].filter(Boolean).join(' / ');
  return <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{text}</span>;
}
