import { Card, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CATEGORY_ORDER, categoryCount, formatCount, type Figures, type GroupWord } from './figures-format.ts';

interface Props {
  figures: Figures;
  groupWord: GroupWord;
  /** When set, each category links to the residents list of this unit filtered by it. */
  residentsOf?: string | undefined;
}

/** One card per figure: the three counts, then each category. */
export function FigureCards({ figures, groupWord, residentsOf }: Props) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 12 }}>
        <FigureCard testId="figure-groups" title={t(`screening:figures.card.${groupWord}`)} value={figures.groups} strong />
        <FigureCard testId="figure-households" title={t('screening:figures.card.households')} value={figures.households} strong />
        <FigureCard testId="figure-residents" title={t('screening:figures.card.residents')} value={figures.residents} strong />
      </div>
      <div style={grid(140)}>
        {CATEGORY_ORDER.map((c) => {
          const card = <FigureCard testId={`figure-${c}`} title={t(`server:categories.${c}`)} value={categoryCount(figures, c)} linked={Boolean(residentsOf)} />;
          return residentsOf ? (
            <Link key={c} to={`/residents?unitId=${residentsOf}&category=${c}`} title={t('screening:figures.openList')}>
              {card}
            </Link>
          ) : (
            <div key={c}>{card}</div>
          );
        })}
      </div>
    </div>
  );
}

const grid = (min: number) => ({ display: 'grid', gridTemplateColumns: `repeat(auto-fill, minmax(${min}px, 1fr))`, gap: 12 });

function FigureCard(props: { testId: string; title: ReactNode; value: number; strong?: boolean; linked?: boolean }) {
  return (
    <Card size="small" hoverable={props.linked} data-testid={props.testId} style={{ height: '100%' }} styles={{ body: { padding: '12px 16px' } }}>
      <Statistic
        title={<Typography.Text type="secondary" ellipsis>{props.title}</Typography.Text>}
        value={props.value}
        formatter={(v) => formatCount(Number(v))}
        styles={{ content: { fontSize: props.strong ? 28 : 22, fontWeight: props.strong ? 600 : 500, color: props.linked ? '#1d5fa8' : undefined } }}
      />
    </Card>
  );
}
