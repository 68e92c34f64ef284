import { EditOutlined, LogoutOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, Result, Row, Skeleton, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import type { ResidentDetail, ResidentSummary } from '../../../contract/ledger.ts';
import { hasPermission } from '../../shared/session.ts';
import { CategoryTags, ElderlyTag, StatusTag } from './resident-cells.component.tsx';
import { ResidentCreateDrawer } from './resident-create.component.tsx';
import { ResidentEditModal } from './resident-edit.component.tsx';
import { CategoryHistory, MembershipHistory } from './resident-history.component.tsx';
import { ResidentMoveModal, ResidentStatusModal } from './resident-move.component.tsx';
import { ResidentPersonCard, type Revealed } from './resident-person.component.tsx';
import { useResident } from './residents.resource.ts';

/** One person of the ledger: who they are, their household, their history, and what may be done. */
export function ResidentPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const resident = useResident(id);

  const crumbs = (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      items={[{ key: 'list', title: <Link to="/residents">{t('ledger:nav.residents')}</Link> }, { key: 'me', title: resident.data?.name ?? '' }]}
    />
  );
  if (resident.isPending) return <Card>{crumbs}<Skeleton active /></Card>;
  if (resident.isError) {
    return (
      <Card>
        {crumbs}
        <Result status="warning" title={resident.error.message} extra={<Link to="/residents">{t('ledger:detail.backToList')}</Link>} />
      </Card>
    );
  }
  // A new body per person: a reveal belongs to one person only.
  return (
    <>
      {crumbs}
      <ResidentBody key={resident.data.id} me={me} resident={resident.data} onReload={() => void resident.refetch()} />
    </>
  );
}

type Open = 'edit' | 'move' | 'status' | 'member' | null;

function ResidentBody({ me, resident: r, onReload }: { me: Me; resident: ResidentDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState<Open>(null);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const close = () => setOpen(null);
  const reload = () => {
    close();
    onReload();
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="resident-title">
          {r.name}
        </Typography.Title>
        <StatusTag status={r.status} />
        {r.elderly && <ElderlyTag />}
        <Typography.Text type="secondary">
          {[r.communityName, r.groupName, r.address].filter(Boolean).join(' · ')}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        {r.can.edit && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => setOpen('edit')} data-testid="resident-edit">
              {t('ledger:detail.edit')}
            </Button>
            {r.status !== 'deceased' && (
              <Button icon={<SwapOutlined />} onClick={() => setOpen('move')} data-testid="resident-move">
                {r.status === 'living' ? t('ledger:detail.move') : t('ledger:detail.moveBackIn')}
              </Button>
            )}
            {r.status === 'living' && (
              <Button danger icon={<LogoutOutlined />} onClick={() => setOpen('status')} data-testid="resident-status-change">
                {t('ledger:detail.leave')}
              </Button>
            )}
          </Space>
        )}
      </div>
      {r.status === 'merged' && r.mergedInto && <MergedNotice into={r.mergedInto} date={r.statusSince} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <ResidentPersonCard resident={r} revealed={revealed} onReveal={setRevealed} />
        </Col>
        <Col xs={24} xl={11}>
          <Card
            size="small"
            title={r.household ? t('ledger:detail.household', { address: `${r.groupName ?? ''} ${r.household.address}`.trim() }) : t('ledger:detail.noHousehold')}
            extra={
              r.household &&
              r.can.edit &&
              hasPermission(me, 'ledger.write') && (
                <Button size="small" type="link" icon={<UserAddOutlined />} onClick={() => setOpen('member')} data-testid="household-add-member">
                  {t('ledger:detail.addMember')}
                </Button>
              )
            }
            data-testid="resident-household"
          >
            {r.household ? (
              <Table<ResidentSummary>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={r.household.members}
                rowClassName={(m) => (m.id === r.id ? 'ant-table-row-selected' : '')}
                columns={[
                  {
                    key: 'name',
                    title: t('ledger:field.name'),
                    render: (_, m) => (m.id === r.id ? <Typography.Text strong>{m.name}</Typography.Text> : <Link to={`/residents/${m.id}`}>{m.name}</Link>),
                  },
                  { key: 'relation', title: t('ledger:field.relation'), width: 90, render: (_, m) => (m.relation ? t(`server:relations.${m.relation}`) : '') },
                  { key: 'sex', title: t('ledger:field.sex'), width: 50, render: (_, m) => t(`server:sexes.${m.sex}`) },
                  {
                    key: 'age',
                    title: t('ledger:field.age'),
                    width: 90,
                    render: (_, m) => (
                      <span style={{ whiteSpace: 'nowrap' }}>
                        {m.age}
                        {m.elderly && <ElderlyTag />}
                      </span>
                    ),
                  },
                  { key: 'categories', title: t('ledger:field.categories'), render: (_, m) => <CategoryTags categories={m.categories} /> },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">{t('ledger:detail.noHouseholdText', { status: t(`ledger:status.${r.status}`), date: r.statusSince })}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <CategoryHistory periods={r.categoryHistory} />
        </Col>
        <Col xs={24} xl={11}>
          <MembershipHistory memberships={r.memberships} />
        </Col>
      </Row>
      {open === 'edit' && <ResidentEditModal resident={r} phone={revealed ? revealed.phone : undefined} onClose={close} onReload={reload} />}
      {open === 'move' && <ResidentMoveModal resident={r} onClose={close} onReload={reload} />}
      {open === 'status' && <ResidentStatusModal resident={r} onClose={close} onReload={reload} />}
      {open === 'member' && r.household && (
        <ResidentCreateDrawer
          household={{ id: r.household.id, address: r.household.address, groupName: r.groupName ?? '', matched: r.household.members.map((m) => ({ name: m.name, relation: m.relation })) }}
          onClose={close}
          onCreated={(nid) => void navigate(`/residents/${nid}`)}
        />
      )}
    </Space>
  );
}

/** A merged record points to the one kept, by name. */
function MergedNotice({ into, date }: { into: string; date: string }) {
  const { t } = useTranslation();
  const kept = useResident(into);
  return (
    <Alert
      type="info"
      showIcon
      data-testid="resident-merged"
      title={t('ledger:detail.mergedInto', { date })}
      action={
        <Link to={`/residents/${into}`} data-testid="resident-merged-link">
          {kept.data ? t('ledger:detail.openKept', { name: kept.data.name }) : t('ledger:detail.openKeptRecord')}
        </Link>
      }
    />
  );
}
