import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Membership } from '../teams.resource.ts';
import { periodText } from '../teams-format.ts';
import { historyEvents, type HistoryEvent } from './team-history.ts';

const COLOR: Record<HistoryEvent['kind'], string> = { joined: 'green', replaced: 'blue', left: 'gray' };

/** Every membership of the team as a timeline: who, from when to when, whom they replaced and why. */
export function TeamHistory({ history }: { history: readonly Membership[] }) {
  const { t } = useTranslation();
  const events = historyEvents(history);
  if (events.length === 0) return <Typography.Text type="secondary">{t('teams-console:history.empty')}</Typography.Text>;
  return (
    <Timeline
      data-testid="team-history"
      items={events.map((e) => ({
        key: `${e.kind}-${e.member.id}`,
        color: COLOR[e.kind],
        content: (
          <div data-testid="history-event" data-kind={e.kind} data-name={e.member.name} data-day={e.day}>
            <Typography.Text strong>{e.day}</Typography.Text>{' '}
            <EventText event={e} />
          </div>
        ),
      }))}
    />
  );
}

function EventText({ event: e }: { event: HistoryEvent }) {
  const { t } = useTranslation();
  const m = e.member;
  const role = <Tag style={{ marginInline: 4 }}>{t(`teams:memberRoles.${m.role}`)}</Tag>;
  const period = (
    <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
      {periodText(t, m.from, m.to)}
    </Typography.Text>
  );
  if (e.kind === 'left') {
    return (
      <span>
        {t('teams-console:history.left', { name: m.name })}
        {m.endReason && <Typography.Text type="secondary">{` · ${m.endReason}`}</Typography.Text>}
      </span>
    );
  }
  if (e.kind === 'replaced') {
    return (
      <span>
        {t('teams-console:history.replaced', { name: m.name, replaced: m.replacesName })}
        {role}
        {m.reason && <Typography.Text type="secondary" style={{ marginInlineStart: 4 }}>{t('teams-console:history.reason', { reason: m.reason })}</Typography.Text>}
        {period}
      </span>
    );
  }
  return (
    <span>
      {t('teams-console:history.joined', { name: m.name })}
      {role}
      {period}
    </span>
  );
}
