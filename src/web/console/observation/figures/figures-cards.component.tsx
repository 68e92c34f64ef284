import { Card, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Figures } from '../observation.resource.ts';
import { FEVER_RED } from '../observation-format.ts';
import { FIGURES } from './figure-keys.ts';

/** One card per figure of the day; overdue checks and fevers in red when there are any. */
export function FiguresCards({ figures, loading }: { figures: Figures | undefined; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <div data-testid="observation-figures" data-day={figures?.day ?? ''} style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 12 }}>
      {FIGURES.map((f) => {
        const value = figures ? f.value(figures) : 0;
        const red = f.alarm && value > 0;
        return (
          <Card key={f.key} size="small" loading={loading && !figures} data-testid={`figure-${f.key}`} data-value={figures ? value : ''} style={red ? { borderColor: '#ffa39e', background: '#fff1f0' } : undefined}>
            <Statistic title={t(`observation:figures.${f.key}`)} value={value} styles={{ content: { color: red ? FEVER_RED : undefined, fontVariantNumeric: 'tabular-nums' } }} />
          </Card>
        );
      })}
    </div>
  );
}
