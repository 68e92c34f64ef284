import { Alert, Drawer, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entrance, StateChange } from '../../../../contract/gates.ts';
import { EntranceStateTag } from '../entrance-state-tag.component.tsx';
import { dateTimeOf } from '../gate-format.ts';
import { useEntranceHistory } from '../gates.resource.ts';

/** Every decision about one entrance, newest first: what, from when, who decided and when, and what was called off. */
export function EntranceHistoryDrawer({ entrance, onClose }: { entrance: Entrance; onClose: () => void }) {
  const { t } = useTranslation();
  const history = useEntranceHistory(entrance.id);
  const now = Date.now();
  return (
    <Drawer open size={920} onClose={onClose} destroyOnHidden title={t('gate-console:history.title', { name: entrance.name })}>
      {history.isError && <Alert type="error" showIcon title={history.error.message} />}
      <Table<StateChange>
        data-testid="entrance-history"
        rowKey="id"
        size="small"
        loading={history.isPending}
        dataSource={history.data ?? []}
        pagination={false}
        locale={{ emptyText: t('gate-console:history.none') }}
        onRow={(c) => ({ 'data-testid': 'history-row', style: c.cancelledAt ? { opacity: 0.55 } : undefined }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'state', title: t('gate-console:history.state'), width: 90, render: (_, c) => <EntranceStateTag state={c.state} /> },
          {
            key: 'from',
            title: t('gate-console:history.from'),
            width: 170,
            render: (_, c) => (
              <span>
                {dateTimeOf(c.effectiveAt)}
                {!c.cancelledAt && Date.parse(c.effectiveAt) > now && <Tag color="orange" style={{ marginInlineStart: 6 }}>{t('gate-console:history.planned')}</Tag>}
              </span>
            ),
          },
          { key: 'by', title: t('gate-console:history.decidedBy'), dataIndex: 'decidedByName', width: 110 },
          { key: 'at', title: t('gate-console:history.decidedAt'), width: 140, render: (_, c) => dateTimeOf(c.decidedAt) },
          { key: 'note', title: t('gate-console:history.note'), render: (_, c) => c.note ?? '', onCell: () => ({ style: { minWidth: 160 } }) },
          {
            key: 'cancelled',
            title: t('gate-console:history.cancelled'),
            width: 160,
            render: (_, c) =>
              c.cancelledAt && (
                <Typography.Text type="secondary" data-testid="history-cancelled">
                  {t('gate-console:history.cancelledBy', { when: dateTimeOf(c.cancelledAt), name: c.cancelledByName ?? '' })}
                </Typography.Text>
              ),
          },
        ]}
      />
    </Drawer>
  );
}
