import { Button, Popup, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../contract/briefings.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { useMe } from '../../shared/session.ts';
import { clockOf } from '../observation/observation-format.ts';
import { tickOf } from './check-in-state.ts';
import { discardItem, keepTaskTick, type TaskTickItem } from './duty-outbox.ts';

type TaskState = 'done' | 'waiting' | 'refused' | 'cancelled' | 'open';

/**
 * One of the day's tasks: what, where (groups) and who. Ticked off with a
 * note of what was found, kept on the phone and sent by itself; once done it
 * shows who did it and when, for everyone it was given to.
 */
export function TaskCard({ task, ticks }: { task: Task; ticks: readonly TaskTickItem[] }) {
  const { t } = useTranslation();
  const [ticking, setTicking] = useState(false);
  const tick = tickOf(task.id, ticks);
  const state: TaskState = task.cancelledAt ? 'cancelled' : task.doneAt ? 'done' : tick?.status === 'waiting' ? 'waiting' : tick?.status === 'refused' ? 'refused' : 'open';

  return (
    <li className={`duty-task duty-task-${state}`} data-testid="duty-task" data-task={task.id} data-state={state}>
      <p className="duty-task-text">{task.text}</p>
      {task.groups.length > 0 && <p className="duty-task-meta">{t('teams-field:tasks.where', { groups: task.groups.map((g) => g.name).join(t('teams:listSeparator')) })}</p>}
      <p className="duty-task-meta">{t('teams-field:tasks.who', { names: task.assignees.map((a) => a.name).join(t('teams:listSeparator')) })}</p>
      {state === 'done' && task.doneAt && (
        <p className="duty-state duty-state-ok" data-testid="duty-task-done">
          {t('teams-field:tasks.doneBy', { name: task.doneByName ?? '', time: clockOf(task.doneAt) })}
          {task.doneNote ? ` · ${task.doneNote}` : ''}
        </p>
      )}
      {state === 'waiting' && tick && (
        <p className="duty-state duty-state-waiting" data-testid="duty-task-waiting">
          {t('teams-field:tasks.waiting', { time: clockOf(tick.tick.at) })}
          {tick.tick.note ? ` · ${tick.tick.note}` : ''}
        </p>
      )}
      {/* Also beside a task since done by someone else or cancelled: the refusal says why, and only its dismissal takes it off the phone. */}
      {tick?.status === 'refused' && tick.refusal && (
        <div className="duty-state duty-state-refused" role="alert" data-testid="duty-task-refused" data-code={tick.refusal.code}>
          <p>{t('teams-field:tasks.refused', { message: tick.refusal.message })}</p>
          <Button size="middle" fill="outline" color="danger" onClick={() => void discardItem(tick.id)} data-testid="duty-task-dismiss">
            {t('teams-field:shifts.dismiss')}
          </Button>
        </div>
      )}
      {state === 'cancelled' && <p className="duty-state">{t('teams-field:tasks.cancelled')}</p>}
      {state === 'open' && (
        <Button block color="success" size="large" onClick={() => setTicking(true)} data-testid="duty-task-tick">
          {t('teams-field:tasks.tick')}
        </Button>
      )}
      <TickSheet task={ticking ? task : null} onClose={() => setTicking(false)} />
    </li>
  );
}

function TickSheet({ task, onClose }: { task: Task | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const confirm = async () => {
    if (!task || !me.data) return;
    setSaving(true);
    try {
      const id = uuidv7();
      const text = note.trim();
      await keepTaskTick({
        id,
        userId: me.data.id,
        tick: { id, taskId: task.id, at: new Date().toISOString(), ...(text ? { note: text } : {}) },
        taskId: task.id,
        label: { text: task.text, byName: me.data.displayName },
      });
      setNote('');
      onClose();
    } catch {
      Toast.show({ icon: 'fail', content: t('teams-field:shifts.notKept') });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Popup visible={task !== null} onMaskClick={onClose} bodyClassName="duty-sheet" destroyOnClose>
      {task && (
        <div className="duty-sheet-body" data-testid="duty-tick-sheet">
          <h2>{t('teams-field:tasks.tickTitle')}</h2>
          <p>{task.text}</p>
          <TextArea
            className="field-input field-textarea"
            placeholder={t('teams-field:tasks.notePlaceholder')}
            value={note}
            onChange={setNote}
            maxLength={300}
            rows={3}
            autoSize={{ minRows: 3, maxRows: 6 }}
            data-testid="duty-tick-note"
          />
          <Button block color="success" size="large" loading={saving} onClick={() => void confirm()} data-testid="duty-tick-confirm">
            {t('teams-field:tasks.tickConfirm')}
          </Button>
          <Button block size="large" fill="none" onClick={onClose}>
            {t('common:cancel')}
          </Button>
        </div>
      )}
    </Popup>
  );
}
