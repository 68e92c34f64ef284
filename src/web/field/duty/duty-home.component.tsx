import { Badge, Card, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../shared/session.ts';
import { openTaskCount } from './check-in-state.ts';
import { DutyAlertsBand } from './duty-alerts-band.component.tsx';
import { communitiesWith } from './duty-communities.ts';
import { DutyIcon } from './duty-icon.component.tsx';
import { useCheckInOutbox, useTaskTickOutbox } from './duty-outbox.ts';
import { dayLabel, dutyPhase, nextDuty, shiftText, shortDay } from './duty-times.ts';
import { useClock, useMyArea, useMyDuties, useMyTasks, type MyAreaView } from './duty.resource.ts';
import './duty.css';

/**
 * The top of the home page, before everything else: for the lead, the red
 * band of checkpoints unstaffed now; for whoever answers for groups, their
 * area; for whoever has shifts or tasks, the duty tile with the next shift
 * and the tasks still open. Each shows only when it has something to say.
 */
export function DutyHome() {
  const me = useMe();
  const leads = communitiesWith(me.data, 'team.manage');
  return (
    <>
      {leads.map((c) => (
        <DutyAlertsBand key={c.id} communityId={c.id} />
      ))}
      <MyAreaCard />
      <DutyTile />
    </>
  );
}

function MyAreaCard() {
  const area = useMyArea();
  if (!area.data || area.data.groups.length === 0) return null;
  return <AreaGroups area={area.data} />;
}

function AreaGroups({ area }: { area: MyAreaView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const several = new Set(area.groups.map((g) => g.communityId)).size > 1;
  return (
    <Card title={t('teams-field:area.title')} data-testid="my-area" className="field-card duty-area">
      <List className="field-list duty-area-list">
        {area.groups.map((g) => (
          <List.Item
            key={g.groupId}
            onClick={() => void navigate(`/units/${g.groupId}`)}
            description={t('teams-field:area.counts', { households: g.households, residents: g.residents })}
            extra={several ? g.communityName : null}
            data-testid="my-area-group"
            data-group={g.groupId}
          >
            {g.groupName}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

function DutyTile() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const now = useClock();
  const duties = useMyDuties();
  const tasks = useMyTasks();
  const checkIns = useCheckInOutbox();
  const ticks = useTaskTickOutbox();
  const next = nextDuty(duties.data?.duties ?? [], now);
  const waitingTicks = new Set(ticks.items.filter((i) => i.status === 'waiting').map((i) => i.taskId));
  const open = openTaskCount(tasks.data?.tasks ?? [], waitingTicks);
  const anyTask = (tasks.data?.tasks.length ?? 0) > 0;
  const refused = checkIns.items.some((i) => i.status === 'refused') || ticks.items.some((i) => i.status === 'refused');
  if (!next && !anyTask && checkIns.items.length === 0 && ticks.items.length === 0) return null;

  const phase = next ? dutyPhase(next, now) : null;
  const label = next ? dayLabel(next.day, now) : null;
  const shift =
    next && label
      ? t(phase === 'now' ? 'teams-field:tile.now' : 'teams-field:tile.next', {
          day: t(`teams-field:days.${label.kind}`, { weekday: t(`teams:weekdays.${label.weekday}`), day: shortDay(next.day) }),
          time: shiftText(next),
          place: next.entranceName,
        })
      : t('teams-field:tile.noShift');
  return (
    <section aria-labelledby="duty-tile-title" data-testid="duty-tile">
      <h2 id="duty-tile-title" className="field-section-title">
        {t('teams-field:tile.section')}
      </h2>
      <List className="field-list field-work-list">
        <List.Item
          prefix={<DutyIcon />}
          onClick={() => void navigate('/duty')}
          description={
            <span className="duty-tile-lines">
              <span className={phase === 'now' ? 'duty-tile-now' : undefined} data-testid="duty-tile-shift">
                {shift}
              </span>
              <span data-testid="duty-tile-tasks">{open > 0 ? t('teams-field:tile.tasks', { count: open }) : anyTask ? t('teams-field:tile.tasksDone') : t('teams-field:tile.noTasks')}</span>
              {refused && <span className="field-error">{t('teams-field:tile.refused')}</span>}
            </span>
          }
          extra={open > 0 ? <Badge content={open} color={refused ? 'var(--adm-color-danger)' : undefined} /> : null}
          data-testid="work-duty"
          data-open-tasks={open}
        >
          {t('teams-field:tile.title')}
        </List.Item>
      </List>
    </section>
  );
}
