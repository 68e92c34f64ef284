import { Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useChecksNow } from '../checks/checks-now.ts';
import type { Check } from '../observation.resource.ts';
import { useShanghaiToday } from '../time/clock.ts';
import { CheckChip } from './check-chip.component.tsx';

interface DayRow {
  day: string;
  dayNumber: number;
  checks: Check[];
}

function byDay(checks: readonly Check[]): DayRow[] {
  const days = new Map<string, DayRow>();
  for (const c of checks) {
    const row = days.get(c.day) ?? { day: c.day, dayNumber: c.dayNumber, checks: [] };
    row.checks.push(c);
    days.set(c.day, row);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day)).map((r) => ({ ...r, checks: r.checks.sort((a, b) => a.dueAt.localeCompare(b.dueAt)) }));
}

/** A plan's checks, one row per day of observation, each check a coloured chip in its state as of now; today's row marked. */
export function PlanChecks({ checks }: { checks: readonly Check[] }) {
  const { t } = useTranslation();
  const today = useShanghaiToday();
  const shown = useChecksNow(checks);
  if (shown.length === 0) return <Typography.Text type="secondary">{t('observation-console:plan.noChecks')}</Typography.Text>;
  return (
    <Table<DayRow>
      size="small"
      rowKey="day"
      pagination={false}
      dataSource={byDay(shown)}
      data-testid="plan-checks"
      onRow={(r) => ({ 'data-testid': 'plan-day', 'data-day': r.day, style: r.day === today ? { background: '#e6f4ff' } : undefined }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'day',
          title: t('observation-console:plan.day'),
          width: 160,
          render: (_, r) => (
            <span>
              <Typography.Text strong>{t('observation:dayN', { n: r.dayNumber })}</Typography.Text> <Typography.Text type="secondary">{r.day}</Typography.Text>
              {r.day === today && <Typography.Text type="success"> · {t('observation-console:plan.today')}</Typography.Text>}
            </span>
          ),
        },
        { key: 'checks', title: t('observation-console:plan.checksOfDay'), render: (_, r) => r.checks.map((c) => <CheckChip key={c.id} check={c} />) },
      ]}
    />
  );
}
