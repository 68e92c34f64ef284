import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LiveGateView } from '../../../../contract/gates.ts';
import { formatCount } from '../../figures/figures-format.ts';

type Totals = LiveGateView['totals'];
type Figure = 'checkpoints' | 'sealed' | 'open' | 'in' | 'out' | 'refused' | 'visitors' | 'visitorsInside' | 'fevers' | 'openAlerts';

/** Figures that call for someone when above zero: shown in red. */
const ALARMING: readonly Figure[] = ['fevers', 'openAlerts'];
const STATES: readonly Figure[] = ['checkpoints', 'sealed', 'open'];
const TODAY: readonly Figure[] = ['in', 'out', 'refused', 'visitors', 'visitorsInside', 'fevers', 'openAlerts'];

/** The community at a glance: its entrances by state, then the day's passages, fevers and open alerts. */
export function LiveTotals({ totals }: { totals: Totals }) {
  const { t } = useTranslation();
  const figure = (key: Figure) => {
    const value = totals[key];
    const red = ALARMING.includes(key) && value > 0;
    return (
      <div key={key} data-testid={`total-${key}`} data-value={value} style={{ minWidth: 64 }}>
        <Statistic
          title={<span style={red ? { color: '#cf1322' } : undefined}>{t(`gate-console:live.totals.${key}`)}</span>}
          value={value}
          formatter={(v) => formatCount(Number(v))}
          styles={{ content: red ? { color: '#cf1322', fontWeight: 700 } : undefined }}
        />
      </div>
    );
  };
  const row = { display: 'flex', gap: 28, flexWrap: 'wrap' } as const;
  const alarming = totals.fevers > 0 || totals.openAlerts > 0;
  return (
    <Row gutter={[12, 12]} data-testid="live-totals">
      <Col xs={24} xl={8}>
        <Card size="small" title={t('gate-console:live.entrancesCard', { count: totals.checkpoints + totals.sealed + totals.open })} style={{ height: '100%' }}>
          <div style={row}>{STATES.map(figure)}</div>
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        <Card
          size="small"
          title={t('gate-console:live.todayCard')}
          style={{ height: '100%', ...(alarming ? { borderColor: '#ffa39e' } : {}) }}
        >
          <div style={row}>{TODAY.map(figure)}</div>
        </Card>
      </Col>
    </Row>
  );
}
