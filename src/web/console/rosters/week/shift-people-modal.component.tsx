import { CheckCircleFilled, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Modal, Popconfirm, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterWeek } from '../../../../contract/rosters.ts';
import { clockOf } from '../../gates/gate-format.ts';
import { busyElsewhere, shiftLabel, shiftTiming, shortDay, weekdayIndex, type GridRow, type GridShift } from '../roster-grid.ts';
import { useAddDuty, useCommunityPeople, useRemoveDuty } from '../rosters.resource.ts';

interface Props {
  communityId: string;
  week: RosterWeek;
  row: GridRow;
  day: string;
  shift: GridShift;
  onClose: () => void;
}

/**
 * One shift's people: remove someone, or add a person of the community. The
 * server refuses two places at once, a sealed entrance or a time that is not
 * a shift, with its own message, shown here as it comes.
 */
export function ShiftPeopleModal({ communityId, week, row, day, shift, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const people = useCommunityPeople(communityId, true);
  const add = useAddDuty();
  const remove = useRemoveDuty();
  const [picked, setPicked] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const names = new Map(week.checkpoints.map((c) => [c.entranceId, c.name]));
  const busy = useMemo(() => busyElsewhere(week, row.entranceId, day, shift), [week, row.entranceId, day, shift]);
  const onIt = new Set(shift.duties.map((d) => d.userId));
  const when = `${t(`teams:weekdays.${weekdayIndex(day)}`)} ${shortDay(day)}`;
  const timing = shiftTiming(day, shift);

  const options = (people.data ?? [])
    .filter((p) => !onIt.has(p.userId))
    .map((p) => {
      const elsewhere = busy.get(p.userId);
      return {
        value: p.userId,
        label: p.name,
        search: `${p.name} ${p.mobile ?? ''}`,
        render: (
          <span style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <span>
              {p.name} <Typography.Text type="secondary">{p.mobile ?? ''}</Typography.Text>
            </span>
            <span>
              {elsewhere ? (
                <Tag color="orange">{t('teams-console:rosters.shift.busy', { place: names.get(elsewhere.entranceId) ?? '', time: shiftLabel(elsewhere.start, elsewhere.end) })}</Tag>
              ) : (
                p.roles.slice(0, 1).map((r) => <Tag key={r}>{t(`server:roles.${r}`)}</Tag>)
              )}
            </span>
          </span>
        ),
      };
    });

  const submit = () => {
    if (!picked) return;
    setError(null);
    add.mutate(
      { entranceId: row.entranceId, day, start: shift.start, end: shift.end, userId: picked },
      {
        onSuccess: (duty) => {
          void message.success(t('teams-console:rosters.shift.added', { name: duty.name }));
          setPicked(undefined);
        },
        onError: (e) => setError(e.message),
      },
    );
  };

  return (
    <Modal
      open
      title={t('teams-console:rosters.shift.title', { checkpoint: row.name, day: when, time: `${shift.start}–${shift.end}` })}
      onCancel={onClose}
      footer={<Button onClick={onClose} data-testid="roster-shift-close">{t('teams-console:rosters.shift.close')}</Button>}
      width={560}
    >
      <div data-testid="roster-shift-modal" data-gap={String(shift.gap)}>
        <Space style={{ marginBottom: 12 }}>
          <Tag color={shift.gap ? 'red' : 'green'} data-testid="roster-shift-modal-count">
            {shift.defined ? t('teams-console:rosters.shift.staffed', { staffed: shift.staffed, minimum: shift.minimum }) : t('teams-console:rosters.grid.stray')}
          </Tag>
          {!shift.defined && <Typography.Text type="warning">{t('teams-console:rosters.shift.strayHint')}</Typography.Text>}
        </Space>
        <div style={{ border: '1px solid #f0f0f0', borderRadius: 6 }} data-testid="roster-shift-people">
          {shift.duties.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('teams-console:rosters.shift.none')} style={{ margin: '12px 0' }} />}
          {shift.duties.map((d, i) => (
            <div
              key={d.id}
              data-testid="roster-shift-person"
              data-name={d.name}
              style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '8px 12px', borderTop: i ? '1px solid #f0f0f0' : undefined }}
            >
              <span style={{ fontSize: 15 }}>{d.name}</span>
              <Typography.Text type="secondary">{d.mobile ?? ''}</Typography.Text>
              {d.checkedInAt && (
                <Tag color="green" icon={<CheckCircleFilled />}>
                  {t('teams-console:rosters.now.checkedIn', { time: clockOf(d.checkedInAt) })}
                </Tag>
              )}
              <div style={{ flex: 1 }} />
              {timing === 'ahead' ? (
                <Popconfirm
                  title={t('teams-console:rosters.shift.removeConfirm', { name: d.name })}
                  okText={t('teams-console:rosters.shift.remove')}
                  cancelText={t('common:cancel')}
                  okButtonProps={{ danger: true, 'data-testid': 'roster-remove-ok' }}
                  onConfirm={() =>
                    new Promise<void>((resolve) => {
                      setError(null);
                      remove.mutate(d.id, {
                        onSuccess: () => void message.success(t('teams-console:rosters.shift.removed', { name: d.name })),
                        onError: (e) => setError(e.message),
                        onSettled: () => resolve(),
                      });
                    })
                  }
                >
                  <Button size="small" danger type="text" icon={<DeleteOutlined />} data-testid="roster-remove">
                    {t('teams-console:rosters.shift.remove')}
                  </Button>
                </Popconfirm>
              ) : (
                <Tooltip title={t('teams-console:rosters.shift.startedNoRemove')}>
                  <Button size="small" type="text" icon={<DeleteOutlined />} disabled data-testid="roster-remove">
                    {t('teams-console:rosters.shift.remove')}
                  </Button>
                </Tooltip>
              )}
            </div>
          ))}
        </div>
        {timing === 'over' && <Alert type="info" showIcon title={t('teams-console:rosters.shift.over')} style={{ marginTop: 16 }} />}
        <div style={{ display: timing === 'over' ? 'none' : 'flex', gap: 8, marginTop: 16 }}>
          <Select
            showSearch={{ optionFilterProp: 'search' }}
            allowClear
            value={picked}
            onChange={(v: string | undefined) => {
              setPicked(v);
              setError(null);
            }}
            loading={people.isPending}
            placeholder={t('teams-console:rosters.shift.pick')}
            options={options}
            optionRender={(o) => (o.data as { render: React.ReactNode }).render}
            notFoundContent={people.isError ? people.error.message : undefined}
            // Wider than the field: a name, its phone and where the person already stands then, untruncated.
            popupMatchSelectWidth={480}
            style={{ flex: 1 }}
            data-testid="roster-person-select"
          />
          <Button type="primary" icon={<PlusOutlined />} disabled={!picked} loading={add.isPending} onClick={submit} data-testid="roster-person-add">
            {t('teams-console:rosters.shift.add')}
          </Button>
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="roster-shift-error" />}
      </div>
    </Modal>
  );
}
