import { EditOutlined, HistoryOutlined, PlusOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contract/auth.ts';
import type { Entrance, StateChange } from '../../../../contract/gates.ts';
import { ENTRANCE_STATES } from '../../../../domain/gates/entrance-state.ts';
import { hasPermission } from '../../../shared/session.ts';
import { EntranceStateTag } from '../entrance-state-tag.component.tsx';
import { GatesFrame } from '../gates-frame.component.tsx';
import { whenOf } from '../gate-format.ts';
import { useCancelChange, useEntrances } from '../gates.resource.ts';
import { EntranceAssigneesModal } from './entrance-assignees.component.tsx';
import { EntranceFormModal } from './entrance-form.component.tsx';
import { EntranceHistoryDrawer } from './entrance-history.component.tsx';
import { EntrancePlanModal } from './entrance-plan.component.tsx';

/** The community's entrances: their state now and planned, who staffs them, and decisions for several at once. */
export function EntrancesPage({ me }: { me: Me }) {
  return <GatesFrame me={me} section="entrances">{(communityId) => <EntrancesBody key={communityId} me={me} communityId={communityId} />}</GatesFrame>;
}

type Dialog = { kind: 'plan' } | { kind: 'create' } | { kind: 'edit' | 'history' | 'assign'; entrance: Entrance } | null;

function EntrancesBody({ me, communityId }: { me: Me; communityId: string }) {
  const { t } = useTranslation();
  const entrances = useEntrances(communityId);
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const manage = hasPermission(me, 'gate.manage');
  const list = entrances.data ?? [];
  const chosen = list.filter((e) => selected.includes(e.id));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {manage && (
        <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button type="primary" icon={<SwapOutlined />} disabled={chosen.length === 0} onClick={() => setDialog({ kind: 'plan' })} data-testid="plan-open">
            {t('gate-console:entrances.changeState', { count: chosen.length })}
          </Button>
          <Typography.Text type="secondary">
            {chosen.length ? t('gate-console:entrances.selected', { count: chosen.length }) : t('gate-console:entrances.selectHint')}
          </Typography.Text>
          <div style={{ flex: 1 }} />
          <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="entrance-create">
            {t('gate-console:entrances.create')}
          </Button>
        </div>
      )}
      {entrances.isError && <Alert type="error" showIcon title={entrances.error.message} />}
      <Table<Entrance>
        data-testid="entrances"
        rowKey="id"
        size="middle"
        loading={entrances.isPending}
        dataSource={list}
        pagination={false}
        rowSelection={manage ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
        onRow={(e) => ({ 'data-testid': 'entrance-row', 'data-entrance': e.name, 'data-state': e.state }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'name',
            title: t('gate-console:entrances.name'),
            width: 170,
            render: (_, e) => (
              <div>
                <Typography.Text strong>{e.name}</Typography.Text>
                {e.description && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {e.description}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          {
            key: 'state',
            title: t('gate-console:entrances.stateNow'),
            width: 340,
            filters: ENTRANCE_STATES.map((s) => ({ value: s, text: t(`gates:states.${s}`) })),
            onFilter: (value, e) => e.state === value,
            render: (_, e) => (
              <div data-testid="entrance-state" style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                <EntranceStateTag state={e.state} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.since ? t('gate-console:entrances.since', { when: whenOf(t, e.since.effectiveAt), name: e.since.decidedByName }) : t('gate-console:entrances.neverChanged')}
                </Typography.Text>
              </div>
            ),
          },
          {
            key: 'planned',
            title: t('gate-console:entrances.planned'),
            render: (_, e) => (
              <Space orientation="vertical" size={4} data-testid="entrance-planned">
                {e.planned.map((c) => (
                  <PlannedChange key={c.id} change={c} canCancel={manage} />
                ))}
              </Space>
            ),
          },
          {
            key: 'assignees',
            title: t('gate-console:entrances.assignees'),
            width: 210,
            render: (_, e) => (
              <Space size={[4, 4]} wrap>
                {e.assignees.map((a) => (
                  <Tag key={a.userId} style={{ marginInlineEnd: 0 }}>
                    {a.name}
                  </Tag>
                ))}
                {manage && (
                  <Tooltip title={t('gate-console:assignees.edit')}>
                    <Button size="small" type="text" icon={<TeamOutlined />} onClick={() => setDialog({ kind: 'assign', entrance: e })} data-testid="assignees-open" />
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            key: 'actions',
            width: manage ? 96 : 56,
            render: (_, e) => (
              <Space size={0}>
                <Tooltip title={t('gate-console:history.open')}>
                  <Button type="text" icon={<HistoryOutlined />} onClick={() => setDialog({ kind: 'history', entrance: e })} data-testid="history-open" />
                </Tooltip>
                {manage && (
                  <Tooltip title={t('gate-console:entrances.edit')}>
                    <Button type="text" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', entrance: e })} data-testid="entrance-edit" />
                  </Tooltip>
                )}
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'plan' && (
        <EntrancePlanModal
          entrances={chosen}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setSelected([]);
          }}
        />
      )}
      {dialog?.kind === 'create' && <EntranceFormModal communityId={communityId} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <EntranceFormModal communityId={communityId} entrance={dialog.entrance} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'history' && <EntranceHistoryDrawer entrance={dialog.entrance} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'assign' && <EntranceAssigneesModal entrance={dialog.entrance} onClose={() => setDialog(null)} />}
    </Space>
  );
}

/** "Sealed from 07:00 tomorrow, decided by …", with a way to call it off before it takes effect. */
function PlannedChange({ change, canCancel }: { change: StateChange; canCancel: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const cancel = useCancelChange();
  return (
    <div data-testid="planned-change" data-change-id={change.id} style={{ display: 'flex', alignItems: 'center', gap: 6, flexWrap: 'wrap' }}>
      <EntranceStateTag state={change.state} />
      <Tooltip title={[t('gate-console:entrances.decidedBy', { name: change.decidedByName }), change.note].filter(Boolean).join(' · ')}>
        <Typography.Text data-testid="planned-when">{t('gate-console:entrances.from', { when: whenOf(t, change.effectiveAt) })}</Typography.Text>
      </Tooltip>
      {canCancel && (
        <Popconfirm
          title={t('gate-console:entrances.cancelTitle')}
          okText={t('gate-console:entrances.cancelOk')}
          cancelText={t('common:cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'planned-cancel-ok' }}
          onConfirm={() =>
            cancel.mutateAsync(change.id).then(
              () => void message.success(t('gate-console:entrances.cancelled')),
              (e: Error) => void message.error(e.message),
            )
          }
        >
          <Button size="small" type="link" danger loading={cancel.isPending} data-testid="planned-cancel">
            {t('gate-console:entrances.cancel')}
          </Button>
        </Popconfirm>
      )}
    </div>
  );
}
