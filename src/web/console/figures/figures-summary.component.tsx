import { BarChartOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { groupWordFor, headline } from './figures-format.ts';
import { figuresQuery } from './figures.resource.ts';

/** The overview's line of today's figures for the top of the user's area, leading to the figures page. */
export function FiguresSummaryCard() {
  const { t } = useTranslation();
  const figures = useQuery(figuresQuery());
  if (!figures.data) return null;
  const { unit, total, children } = figures.data;
  return (
    <Card size="small" data-testid="overview-figures" styles={{ body: { padding: 16 } }}>
      <Space align="start" size={12}>
        <span style={{ fontSize: 22, color: '#1d5fa8' }}>
          <BarChartOutlined />
        </span>
        <span>
          <Typography.Text type="secondary">{t('screening:overview.title')}</Typography.Text>
          <br />
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('screening:figures.unitHeadline', { name: unit.name, headline: headline(t, total, groupWordFor(unit.kind, children)) })}
          </Typography.Text>
          <br />
          <Link to="/figures">{t('screening:overview.open')}</Link>
        </span>
      </Space>
    </Card>
  );
}
