import { useQueryClient } from '@tanstack/react-query';
import { Button, ErrorBlock, PullToRefresh } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { clockOf } from '../observation/observation-format.ts';
import { QueryView } from '../shared/query-view.component.tsx';
import { orphanTicks } from './check-in-state.ts';
import { DutyHeader, OutboxLine } from './duty-header.component.tsx';
import { discardItem, taskDoneChannel, useTaskTickOutbox, type TaskTickItem } from './duty-outbox.ts';
import { MY_TASKS_KEY, useClock, useMyTasks, type MyTasksView } from './duty.resource.ts';
import { Hazards } from './hazards.component.tsx';
import { TaskCard } from './task-card.component.tsx';
import './duty.css';

/**
 * Today's tasks (/duty/tasks) from the morning briefing, given to me or to a
 * team I am on, open ones first, each ticked off with a note; then the open
 * hazards, and a report of a new one.
 */
export function TasksPage() {
  const qc = useQueryClient();
  const tasks = useMyTasks();
  const outbox = useTaskTickOutbox();
  return (
    <div className="field-page duty-page" data-testid="duty-tasks-page">
      <DutyHeader tab="tasks" />
      <OutboxLine channel={taskDoneChannel} items={outbox.items} testId="duty-task-outbox-line" />
      <PullToRefresh onRefresh={() => qc.invalidateQueries({ queryKey: [MY_TASKS_KEY] })}>
        <QueryView result={tasks}>{(data) => <TaskList data={data} />}</QueryView>
      </PullToRefresh>
    </div>
  );
}

const rank = (t: MyTasksView['tasks'][number]) => (t.cancelledAt ? 2 : t.doneAt ? 1 : 0);

function TaskList({ data }: { data: MyTasksView }) {
  const { t } = useTranslation();
  const now = useClock();
  const { items } = useTaskTickOutbox();
  // A list kept from yesterday is not today's work: said plainly until the new one comes.
  const stale = data.day < shanghaiDate(new Date(now));
  const tasks = [...data.tasks].sort((a, b) => rank(a) - rank(b));
  return (
    <div className="field-stack">
      <section aria-labelledby="duty-tasks-title">
        <h2 id="duty-tasks-title" className="field-section-title">
          {t('teams-field:tasks.title', { day: data.day.slice(5) })}
        </h2>
        {stale && <p className="field-error field-pad">{t('teams-field:tasks.stale')}</p>}
        {tasks.length === 0 ? (
          <div className="field-state" data-testid="duty-tasks-empty">
            <ErrorBlock status="empty" title={t('teams-field:tasks.none')} description={t('teams-field:tasks.noneHint')} />
          </div>
        ) : (
          <ul className="duty-tasks">
            {tasks.map((task) => (
              <TaskCard key={task.id} task={task} ticks={items} />
            ))}
          </ul>
        )}
      </section>
      <OrphanTicks items={orphanTicks(items, new Set(data.tasks.map((task) => task.id)))} />
      <Hazards hazards={data.hazards} />
    </div>
  );
}

/** Ticks kept on the phone for tasks today's list does not show (ticked off another day): waiting, or refused with the reason (then dismissed). */
function OrphanTicks({ items }: { items: readonly TaskTickItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="duty-orphan-ticks-title" data-testid="duty-orphan-ticks">
      <h2 id="duty-orphan-ticks-title" className="field-section-title">
        {t('teams-field:tasks.otherTicks')}
      </h2>
      <ul className="duty-tasks">
        {items.map((i) => (
          <li key={i.id} className="duty-task" data-testid="duty-orphan-tick" data-state={i.status}>
            <p className="duty-task-text">{i.label.text}</p>
            {i.status === 'waiting' ? (
              <p className="duty-state duty-state-waiting">{t('teams-field:tasks.waiting', { time: clockOf(i.tick.at) })}</p>
            ) : (
              <div className="duty-state duty-state-refused" role="alert" data-testid="duty-task-refused" data-code={i.refusal?.code}>
                <p>{t('teams-field:tasks.refused', { message: i.refusal?.message ?? '' })}</p>
                <Button size="middle" fill="outline" color="danger" onClick={() => void discardItem(i.id)} data-testid="duty-task-dismiss">
                  {t('teams-field:shifts.dismiss')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
