import { Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../contract/audit.ts';
import { formatDateTime } from '../shared/format.ts';
import { UnitPathName } from '../shared/unit-path.component.tsx';
import { AuditFiltersBar } from './audit-filters.component.tsx';
import { actionLabel, entityName, parseActorRole, useAuditEvents, type AuditFilters } from './audit.resource.ts';

const ACTION_COLOURS: Record<string, string> = { org: 'geekblue', users: 'cyan', auth: 'default', sensitive: 'volcano' };

/** Who did what, where and when, newest first; read-only. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>({});
  const events = useAuditEvents(filters);
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card title={t('console:nav.audit')} extra={<Typography.Text type="secondary">{t('console:audit.readOnly')}</Typography.Text>}>
      <AuditFiltersBar onApply={setFilters} />
      {events.isError && <Typography.Paragraph type="danger">{events.error.message}</Typography.Paragraph>}
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        loading={events.isPending || (events.isFetching && !events.isFetchingNextPage)}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('console:audit.none') }}
        expandable={{
          rowExpandable: (e) => e.before !== null || e.after !== null,
          expandedRowRender: (e) => <Changes event={e} />,
        }}
        columns={[
          { key: 'at', title: t('console:audit.field.at'), width: 170, render: (_, e) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(e.at)}</span> },
          { key: 'actor', title: t('console:audit.field.actor'), width: 120, render: (_, e) => e.actorName ?? <Typography.Text type="secondary">{t('console:audit.noActor')}</Typography.Text> },
          { key: 'role', title: t('console:audit.field.role'), width: 200, render: (_, e) => <ActorRole value={e.actorRole} /> },
          {
            key: 'action',
            title: t('console:audit.field.action'),
            width: 140,
            render: (_, e) => (
              <Tag color={ACTION_COLOURS[e.action.split('.')[0] ?? ''] ?? 'default'} title={e.action}>
                {actionLabel(t, e.action)}
              </Tag>
            ),
          },
          { key: 'entity', title: t('console:audit.field.entity'), render: (_, e) => <Entity event={e} /> },
          { key: 'unit', title: t('console:audit.field.unit'), width: 150, render: (_, e) => <UnitPathName path={e.unitPath} name={e.unitName} /> },
          { key: 'ip', title: t('console:audit.field.ip'), dataIndex: 'ip', width: 130 },
        ]}
      />
      <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', gap: 16, marginTop: 16 }}>
        {rows.length > 0 && <Typography.Text type="secondary">{t('console:audit.shown', { count: rows.length })}</Typography.Text>}
        {events.hasNextPage && (
          <Button onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage} data-testid="audit-more">
            {t('console:audit.loadMore')}
          </Button>
        )}
        {!events.hasNextPage && rows.length > 0 && <Typography.Text type="secondary">{t('console:audit.end')}</Typography.Text>}
      </div>
    </Card>
  );
}

function ActorRole({ value }: { value: string | null }) {
  const { t } = useTranslation();
  const { role, path, raw } = parseActorRole(value);
  if (!raw) return <Typography.Text type="secondary">—</Typography.Text>;
  if (!role) return <span>{raw}</span>;
  return (
    <div style={{ lineHeight: 1.35 }}>
      <div>{t(`server:roles.${role}`)}</div>
      {path && path !== '/' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <UnitPathName path={path} />
        </Typography.Text>
      )}
    </div>
  );
}

function Entity({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const type = t(`console:audit.entityTypes.${event.entityType}`, { defaultValue: event.entityType });
  const name = entityName(event);
  return (
    <span title={event.entityId ?? undefined}>
      <Typography.Text type="secondary">{type}</Typography.Text>
      {name && <> {name}</>}
    </span>
  );
}

function Changes({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const side = (title: string, value: unknown) => (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre className="linli-json">{value === null ? t('console:audit.nothing') : JSON.stringify(value, null, 2)}</pre>
    </div>
  );
  return (
    <div style={{ display: 'flex', gap: 16, padding: '4px 8px' }}>
      {side(t('console:audit.before'), event.before)}
      {side(t('console:audit.after'), event.after)}
    </div>
  );
}
