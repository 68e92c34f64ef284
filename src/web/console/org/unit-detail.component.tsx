import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Descriptions, Popconfirm, Result, Skeleton, Space, Table, Tag, Typography, App } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import type { OrgUnit, OrgUnitDetail } from '../../../contract/org.ts';
import { ApiRequestError } from '../../shared/api.ts';
import { hasPermission } from '../../shared/session.ts';
import { UnitTitle } from './org-tree.component.tsx';
import { allowedChildKinds, canEditUnit, childrenQuery, firstReadable, isDissolved, useOrgUnit, useUpdateUnit } from './org.resource.ts';
import { UnitCreateModal } from './unit-create.component.tsx';
import { DissolveModal, RenameModal } from './unit-edit.component.tsx';

interface Props {
  id: string;
  me: Me;
  showDissolved: boolean;
  onOpen: (id: string) => void;
}

/** One unit: where it sits, what it is, its children, and what the user may do with it. */
export function UnitDetail({ id, me, showDissolved, onOpen }: Props) {
  const { t } = useTranslation();
  const unit = useOrgUnit(id);
  if (unit.isPending) return <Card><Skeleton active /></Card>;
  if (unit.isError) {
    const notFound = unit.error instanceof ApiRequestError && unit.error.status === 404;
    return (
      <Card data-testid="not-found">
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? t('console:org.notFoundTitle') : t('common:errors.unexpected')}
          subTitle={unit.error.message}
          extra={<Link to="/org">{t('console:org.backToTree')}</Link>}
        />
      </Card>
    );
  }
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <UnitCard unit={unit.data} me={me} onOpen={onOpen} />
      <ChildrenCard unit={unit.data} showDissolved={showDissolved} onOpen={onOpen} />
    </Space>
  );
}

function UnitCard({ unit, me, onOpen }: { unit: OrgUnitDetail; me: Me; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'create' | 'rename' | 'dissolve' | null>(null);
  const update = useUpdateUnit(unit.id);
  const readableFrom = firstReadable(me, [...unit.ancestors, unit]);
  const gone = isDissolved(unit);
  const childKinds = allowedChildKinds(unit.kind);
  const canCreate = unit.canManage && unit.current && childKinds.length > 0;
  const canEdit = canEditUnit(me, unit);

  const restore = () =>
    update.mutate(
      { validTo: null },
      { onSuccess: () => void message.success(t('console:org.restored')), onError: (e) => void message.error(e.message) },
    );

  const crumbs = [...unit.ancestors, unit].map((c, i) => ({
    key: c.id,
    title: c.id !== unit.id && i >= readableFrom ? <Link to={`/org/${c.id}`}>{c.name}</Link> : c.name,
  }));

  return (
    <Card>
      <Breadcrumb items={crumbs} style={{ marginBottom: 12 }} />
      <Flexed>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="unit-title" className={gone ? 'linli-dissolved' : undefined}>
          {unit.name}
        </Typography.Title>
        <Tag color="blue">{t(`server:orgKinds.${unit.kind}`)}</Tag>
        <StatusTag unit={unit} />
      </Flexed>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        style={{ marginTop: 16 }}
        items={[
          { key: 'name', label: t('console:org.field.name'), children: unit.name },
          { key: 'kind', label: t('console:org.field.kind'), children: t(`server:orgKinds.${unit.kind}`) },
          { key: 'code', label: t('console:org.field.code'), children: <Typography.Text copyable>{unit.code}</Typography.Text> },
          { key: 'validFrom', label: t('console:org.field.validFrom'), children: unit.validFrom },
          { key: 'validTo', label: t('console:org.field.validTo'), children: unit.validTo ?? t('console:org.noEnd') },
          { key: 'status', label: t('console:org.field.status'), children: <StatusTag unit={unit} /> },
        ]}
      />
      <Space wrap style={{ marginTop: 16 }}>
        {canCreate && (
          <Button type="primary" onClick={() => setDialog('create')} data-testid="unit-add-child">
            {t('console:org.addChild')}
          </Button>
        )}
        {canEdit && (
          <Button onClick={() => setDialog('rename')} data-testid="unit-rename">
            {t('console:org.rename')}
          </Button>
        )}
        {canEdit && !gone && (
          <Button danger onClick={() => setDialog('dissolve')} data-testid="unit-dissolve">
            {t('console:org.dissolve')}
          </Button>
        )}
        {canEdit && unit.validTo !== null && (
          <Popconfirm title={t('console:org.restoreConfirm', { name: unit.name })} onConfirm={restore} okText={t('common:ok')} cancelText={t('common:cancel')}>
            <Button loading={update.isPending}>{t('console:org.restore')}</Button>
          </Popconfirm>
        )}
        {hasPermission(me, 'users.manage') && (
          <Link to={`/users?unitId=${unit.id}`}>
            <Button type="link">{t('console:org.usersHere')}</Button>
          </Link>
        )}
      </Space>
      {!unit.canManage && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('console:org.readOnly')}
        </Typography.Paragraph>
      )}
      {dialog === 'create' && <UnitCreateModal parent={unit} onClose={() => setDialog(null)} onCreated={onOpen} />}
      {dialog === 'rename' && <RenameModal unit={unit} onClose={() => setDialog(null)} />}
      {dialog === 'dissolve' && <DissolveModal unit={unit} onClose={() => setDialog(null)} />}
    </Card>
  );
}

function Flexed({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', alignItems: 'center', gap: 10, flexWrap: 'wrap' }}>{children}</div>;
}

export function StatusTag({ unit }: { unit: Pick<OrgUnit, 'validTo' | 'validFrom' | 'current'> }) {
  const { t } = useTranslation();
  if (isDissolved(unit)) return <Tag>{t('console:org.dissolvedOn', { date: unit.validTo })}</Tag>;
  if (!unit.current) return <Tag color="gold">{t('console:org.startsOn', { date: unit.validFrom })}</Tag>;
  if (unit.validTo) return <Tag color="orange">{t('console:org.endsOn', { date: unit.validTo })}</Tag>;
  return <Tag color="green">{t('console:org.inForce')}</Tag>;
}

function ChildrenCard({ unit, showDissolved, onOpen }: { unit: OrgUnitDetail; showDissolved: boolean; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const children = useQuery({ ...childrenQuery(unit.id, showDissolved), enabled: unit.childCount > 0 });
  const rows = unit.childCount > 0 ? (children.data ?? []) : [];
  return (
    <Card title={t('console:org.childrenTitle', { count: rows.length })} size="small">
      <Table<OrgUnit>
        size="small"
        rowKey="id"
        loading={unit.childCount > 0 && children.isPending}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('console:org.noChildren') }}
        onRow={(u) => ({ onClick: () => onOpen(u.id), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'name', title: t('console:org.field.name'), render: (_, u) => <UnitTitle unit={u} /> },
          { key: 'kind', title: t('console:org.field.kind'), width: 160, render: (_, u) => t(`server:orgKinds.${u.kind}`) },
          { key: 'code', title: t('console:org.field.code'), dataIndex: 'code', width: 160 },
          { key: 'validFrom', title: t('console:org.field.validFrom'), dataIndex: 'validFrom', width: 120 },
          { key: 'status', title: t('console:org.field.status'), width: 160, render: (_, u) => <StatusTag unit={u} /> },
          { key: 'children', title: t('console:org.field.childCount'), dataIndex: 'childCount', width: 90, align: 'right' },
        ]}
      />
    </Card>
  );
}
