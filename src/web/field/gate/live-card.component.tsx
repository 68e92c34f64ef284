import { useTranslation } from 'react-i18next';
import type { LiveGateView } from '../../../contract/gates.ts';
import type { StreamStatus } from '../../shared/event-stream.ts';
import { hourMinute } from './gate-format.ts';

/**
 * Today at the chosen entrance, live: people in and out, visitors still
 * inside, fevers. The numbers stay (marked as of their time) while the stream
 * is reconnecting.
 */
export function LiveCard({ view, entranceId, status }: { view: LiveGateView | null; entranceId: string; status: StreamStatus }) {
  const { t } = useTranslation();
  const figures = view?.entrances.find((e) => e.id === entranceId);
  const live = status === 'open';
  const tiles = [
    { key: 'in', label: t('gate-field:live.in'), value: figures?.in },
    { key: 'out', label: t('gate-field:live.out'), value: figures?.out },
    { key: 'visitorsInside', label: t('gate-field:live.visitorsInside'), value: figures?.visitorsInside },
    { key: 'fevers', label: t('gate-field:live.fevers'), value: figures?.fevers, alarm: (figures?.fevers ?? 0) > 0 },
  ];
  return (
    <section className="gate-live" data-testid="live-card" data-live={live}>
      <header className="gate-live-head">
        <h2>{t('gate-field:live.title')}</h2>
        <span className={live ? 'gate-live-dot gate-live-dot-on' : 'gate-live-dot'}>
          {live ? t('gate-field:live.live') : view ? t('gate-field:live.asOf', { time: hourMinute(view.generatedAt) }) : t('gate-field:live.connecting')}
        </span>
      </header>
      <div className="gate-live-tiles">
        {tiles.map((tile) => (
          <div key={tile.key} className={tile.alarm ? 'gate-live-tile gate-live-tile-alarm' : 'gate-live-tile'} data-testid={`live-${tile.key}`}>
            <strong>{tile.value ?? '–'}</strong>
            <span>{tile.label}</span>
          </div>
        ))}
      </div>
    </section>
  );
}
