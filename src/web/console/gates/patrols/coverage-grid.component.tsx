import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Coverage } from '../gates.resource.ts';
import { clockOf } from '../gate-format.ts';
import './coverage-grid.css';

type ZoneCoverage = Coverage['zones'][number];

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** The shade of an hour: white when nobody walked the zone, deeper green with each round under way. */
export function shadeOf(rounds: number): string {
  if (rounds <= 0) return '#f5f5f5';
  if (rounds === 1) return '#b7eb8f';
  if (rounds === 2) return '#73d13d';
  return '#389e0d';
}

/**
 * Patrol coverage of a day: zones down, the 24 hours across, each hour shaded
 * by the rounds under way in it; then each zone's rounds, people checked,
 * fevers and the end of its last round.
 */
export function CoverageGrid({ zones, currentHour }: { zones: readonly ZoneCoverage[]; currentHour: number | undefined }) {
  const { t } = useTranslation();
  if (zones.length === 0) return <Typography.Text type="secondary">{t('gate-console:patrols.noZones')}</Typography.Text>;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table className="gate-coverage" data-testid="patrol-coverage">
        <thead>
          <tr>
            <th className="gate-coverage-zone">{t('gate-console:patrols.zone')}</th>
            {HOURS.map((h) => (
              <th key={h} className={h === currentHour ? 'gate-coverage-now' : undefined}>
                {h}
              </th>
            ))}
            <th>{t('gate-console:patrols.rounds')}</th>
            <th>{t('gate-console:patrols.checked')}</th>
            <th>{t('gate-console:patrols.fevers')}</th>
            <th>{t('gate-console:patrols.lastAt')}</th>
          </tr>
        </thead>
        <tbody>
          {zones.map((z) => (
            <tr key={z.id} data-testid="coverage-zone" data-zone={z.name}>
              <th className="gate-coverage-zone">{z.name}</th>
              {HOURS.map((h) => {
                const n = z.hours[h] ?? 0;
                return (
                  <td
                    key={h}
                    className="gate-coverage-cell"
                    data-rounds={n}
                    title={t('gate-console:patrols.cellTip', { zone: z.name, from: String(h).padStart(2, '0'), to: String((h + 1) % 24).padStart(2, '0'), count: n })}
                    style={{ background: shadeOf(n), outline: h === currentHour ? '1px solid #91caff' : undefined }}
                  />
                );
              })}
              <td className="gate-coverage-figure">{z.rounds}</td>
              <td className="gate-coverage-figure">{z.checked}</td>
              <td className="gate-coverage-figure" style={z.fevers ? { color: '#cf1322', fontWeight: 600 } : undefined}>
                {z.fevers}
              </td>
              <td className="gate-coverage-figure">{z.lastAt ? clockOf(z.lastAt) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="gate-coverage-legend">
        {[0, 1, 2, 3].map((n) => (
          <span key={n}>
            <i style={{ background: shadeOf(n) }} />
            {n === 3 ? t('gate-console:patrols.legendMore', { count: n }) : t('gate-console:patrols.legend', { count: n })}
          </span>
        ))}
      </div>
    </div>
  );
}
