import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../../contract/observation.ts';
import { shanghaiDate } from '../../../../domain/local-date.ts';
import { DASH, FEVER_RED, planDayOf } from '../observation-format.ts';

/** A plan in one cell: its kind, day N of M (or released), the release day, checks done of all, and the overdue ones in red. */
export function PlanCell({ plan }: { plan: Plan | null }) {
  const { t } = useTranslation();
  if (!plan) return <Typography.Text type="secondary">{t('observation:listStatus.none')}</Typography.Text>;
  const released = plan.releasedAt !== null;
  return (
    <Space orientation="vertical" size={0} data-testid="plan-cell" data-overdue={plan.checksOverdue}>
      <span>
        <Tag color={released ? 'default' : 'blue'}>{t(`observation:planKind.${plan.kind}`)}</Tag>
        {released ? (
          <Tag color="green">{plan.releaseOutcome ? t(`observation:releaseOutcome.${plan.releaseOutcome}`) : t('observation:listStatus.released')}</Tag>
        ) : (
          <Typography.Text>{t('observation-console:plan.dayOf', { n: planDayOf(plan.startDay, plan.days, shanghaiDate()), days: plan.days })}</Typography.Text>
        )}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('observation-console:plan.releaseOn', { day: plan.releaseDay })} · {t('observation-console:plan.checks', { done: plan.checksDone, total: plan.checksTotal })}
        {plan.checksOverdue > 0 && (
          <Typography.Text strong style={{ color: FEVER_RED, fontSize: 12 }} data-testid="plan-overdue">
            {' · '}
            {t('observation-console:plan.overdue', { count: plan.checksOverdue })}
          </Typography.Text>
        )}
      </Typography.Text>
    </Space>
  );
}

export const orDash = (v: string | null | undefined): string => (v ? v : DASH);
