import { CheckCircleFilled, ClockCircleOutlined, PlusOutlined, StopOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { dateTimeOf } from '../../gates/gate-format.ts';
import { completion } from '../teams-format.ts';
import { useEditTask, type Task } from './briefing.resource.ts';

const DONE_GREEN = '#389e0d';

/** The day's tasks with the count done, open ones first; each shows where, who, and when it was done with the note from the field. */
export function TaskList({ tasks, manage, onAdd }: { tasks: readonly Task[]; manage: boolean; onAdd: () => void }) {
  const { t } = useTranslation();
  const { done, total } = completion(tasks);
  const rank = (task: Task) => (task.cancelledAt ? 2 : task.doneAt ? 1 : 0);
  const ordered = [...tasks].sort((a, b) => rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt));
  return (
    <Card
      size="small"
      data-testid="tasks"
      data-done={done}
      data-total={total}
      title={
        <Space size={12}>
          <span>{t('teams-console:tasks.title')}</span>
          <Typography.Text strong style={{ color: total > 0 && done === total ? DONE_GREEN : undefined }} data-testid="tasks-count">
            {t('teams-console:tasks.count', { done, total })}
          </Typography.Text>
          {total > 0 && <Progress percent={Math.round((done / total) * 100)} size="small" style={{ width: 140, margin: 0 }} showInfo={false} strokeColor={DONE_GREEN} />}
        </Space>
      }
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onAdd} data-testid="task-add">
            {t('teams-console:tasks.add')}
          </Button>
        )
      }
    >
      {ordered.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(manage ? 'teams-console:tasks.emptyManage' : 'teams-console:tasks.empty')} data-testid="tasks-empty" />
      ) : (
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          {ordered.map((task, i) => (
            <TaskRow key={task.id} task={task} manage={manage} last={i === ordered.length - 1} />
          ))}
        </div>
      )}
    </Card>
  );
}

function TaskRow({ task, manage, last }: { task: Task; manage: boolean; last: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const edit = useEditTask();
  const state = task.cancelledAt ? 'cancelled' : task.doneAt ? 'done' : 'open';
  const icon =
    state === 'done' ? <CheckCircleFilled style={{ color: DONE_GREEN, fontSize: 20 }} /> : state === 'cancelled' ? <StopOutlined style={{ color: '#999', fontSize: 20 }} /> : <ClockCircleOutlined style={{ color: '#d48806', fontSize: 20 }} />;
  return (
    <div
      data-testid="task"
      data-text={task.text}
      data-state={state}
      style={{ display: 'flex', gap: 12, padding: '10px 4px', borderBottom: last ? undefined : '1px solid #f0f0f0', opacity: state === 'cancelled' ? 0.6 : 1 }}
    >
      <div style={{ paddingTop: 2 }}>{icon}</div>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Typography.Text strong delete={state === 'cancelled'} style={{ fontSize: 15 }}>
          {task.text}
        </Typography.Text>
        <div style={{ marginTop: 4, display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'center' }}>
          {task.groups.map((g) => (
            <Tag key={g.id} color="purple" style={{ marginInlineEnd: 0 }}>
              {g.name}
            </Tag>
          ))}
          {task.assignees.map((a) => (
            <Tag key={a.userId ?? a.teamId ?? a.name} icon={a.teamId ? <TeamOutlined /> : <UserOutlined />} color="blue" style={{ marginInlineEnd: 0 }} data-testid="task-assignee">
              {a.name}
            </Tag>
          ))}
        </div>
        {state === 'done' && (
          <div style={{ marginTop: 4 }} data-testid="task-done">
            <Typography.Text style={{ color: DONE_GREEN }}>
              {t('teams-console:tasks.doneBy', { name: task.doneByName ?? '', when: dateTimeOf(task.doneAt!) })}
            </Typography.Text>
            {task.doneNote && <Typography.Text type="secondary">{` · ${task.doneNote}`}</Typography.Text>}
          </div>
        )}
        {state === 'cancelled' && (
          <div style={{ marginTop: 4 }}>
            <Typography.Text type="secondary">{t('teams-console:tasks.cancelledAt', { when: dateTimeOf(task.cancelledAt!) })}</Typography.Text>
          </div>
        )}
      </div>
      {manage && state === 'open' && (
        <Popconfirm
          title={t('teams-console:tasks.cancelTitle')}
          okText={t('teams-console:tasks.cancelOk')}
          cancelText={t('common:cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'task-cancel-ok' }}
          onConfirm={() =>
            edit.mutateAsync({ taskId: task.id, cancelled: true }).then(
              () => void message.success(t('teams-console:tasks.cancelled')),
              (e: Error) => void message.error(e.message),
            )
          }
        >
          <Button size="small" type="link" danger loading={edit.isPending} data-testid="task-cancel">
            {t('teams-console:tasks.cancel')}
          </Button>
        </Popconfirm>
      )}
    </div>
  );
}
