import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DashboardRow } from '../../../contract/reports.ts';
import { formatCount } from '../figures/figures-format.ts';
import { DASH_SECTIONS, figureText, figureValue, isAlarming, type DashFigure, type DashSection } from './dashboard-figures.ts';
import type { FigureLink } from './dashboard-links.ts';
import { FigureNumber } from './figure-number.component.tsx';

const RED = '#cf1322';

/** How wide each section's card is on a wide screen: two rows of 24. */
const SPAN: Record<DashSection, number> = { screening: 7, gates: 17, observation: 9, duty: 6, reports: 9 };

interface Props {
  total: DashboardRow;
  linkOf: (figure: DashFigure) => FigureLink;
  selected: DashFigure | undefined;
  onSelect: (figure: DashFigure) => void;
}

/** The unit's figures of the day in big numbers, a card per section of the report; each number leads to what it counts. */
export function DashboardCards({ total, linkOf, selected, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]} data-testid="dash-cards">
      {DASH_SECTIONS.map(({ section, figures }) => {
        const alarming = figures.some((f) => isAlarming(f, figureValue(total, f)));
        return (
          <Col key={section} xs={24} md={12} xl={SPAN[section]}>
            <Card
              size="small"
              title={t(section === 'reports' ? 'dashboard:sections.reports' : `server:reportSections.${section}`)}
              style={{ height: '100%', ...(alarming ? { borderColor: '#ffa39e' } : {}) }}
              data-testid={`dash-section-${section}`}
            >
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(100px, 1fr))', gap: '12px 20px' }}>
                {figures.map((f) => (
                  <FigureItem key={f} total={total} figure={f} link={linkOf(f)} selected={selected === f} onSelect={() => onSelect(f)} />
                ))}
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

interface ItemProps {
  total: DashboardRow;
  figure: DashFigure;
  link: FigureLink;
  selected: boolean;
  onSelect: () => void;
}

function FigureItem({ total, figure, link, selected, onSelect }: ItemProps) {
  const { t } = useTranslation();
  const value = figureValue(total, figure);
  const red = isAlarming(figure, value);
  const { text, detail } = figureText(total, figure, formatCount);
  return (
    <FigureNumber link={link} testId={`figure-${figure}`} value={value} selected={selected} onSelect={onSelect} style={{ display: 'block', width: '100%' }}>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', ...(red ? { color: RED } : {}) }}>
        {t(`dashboard:figures.${figure}`)}
      </Typography.Text>
      <span className="dash-value" style={{ display: 'block', fontSize: 26, fontWeight: red ? 700 : 600, lineHeight: 1.3, ...(red ? { color: RED } : {}) }}>
        {text}
      </span>
      {detail && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          {detail}
        </Typography.Text>
      )}
    </FigureNumber>
  );
}
