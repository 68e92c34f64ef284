import { useTranslation } from 'react-i18next';

interface Props {
  /** Passages per hour, 0–23. */
  hours: readonly number[];
  /** The scale's top: the same for every row of a table, so bars compare across entrances. */
  max: number;
  /** The hour now (Asia/Shanghai), drawn darker; hours after it are still to come. */
  currentHour?: number | undefined;
  width?: number;
  height?: number;
}

/** 24 small bars, one per hour of the day; plain SVG, each bar with its count as a tooltip. */
export function HourBars({ hours, max, currentHour, width = 192, height = 32 }: Props) {
  const { t } = useTranslation();
  const step = width / 24;
  const top = Math.max(1, max);
  const total = hours.reduce((s, n) => s + n, 0);
  return (
    <svg
      width={width}
      height={height + 10}
      viewBox={`0 0 ${width} ${height + 10}`}
      role="img"
      aria-label={t('gate-console:live.hoursLabel', { count: total })}
      data-testid="hour-bars"
      data-total={total}
      style={{ display: 'block' }}
    >
      <line x1={0} x2={width} y1={height + 0.5} y2={height + 0.5} stroke="#d9d9d9" />
      {hours.map((n, h) => {
        const barHeight = n === 0 ? 0 : Math.max(2, Math.round((n / top) * height));
        const fill = currentHour === h ? '#1d5fa8' : currentHour !== undefined && h > currentHour ? '#d6e4ff' : '#69b1ff';
        return (
          <g key={h}>
            <title>{t('gate-console:live.hourTip', { from: String(h).padStart(2, '0'), to: String((h + 1) % 24).padStart(2, '0'), count: n })}</title>
            <rect x={h * step + 1} y={height - barHeight} width={step - 2} height={barHeight} fill={fill} rx={1} />
            {/* A tick every 6 hours: 0, 6, 12, 18. */}
            {h % 6 === 0 && (
              <text x={h * step + 1} y={height + 9} fontSize={8} fill="#8c8c8c">
                {h}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
