import { ApartmentOutlined, AuditOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me, RoleGrant } from '../../../contract/auth.ts';
import { roleAllows, type Permission } from '../../../domain/access/roles.ts';
import { hasPermission } from '../../shared/session.ts';
import { FiguresSummaryCard } from '../figures/figures-summary.component.tsx';
import { childrenQuery, firstReadable } from '../org/org.resource.ts';
import { formatDate } from '../shared/format.ts';

/** Who the user is here: each role with the full place of its unit, and where to go from there. */
export function OverviewPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={20} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('console:overview.greeting', { name: me.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('console:overview.intro')}</Typography.Text>
      </div>
      {hasPermission(me, 'ledger.figures') && <FiguresSummaryCard />}
      <section data-testid="my-scope">
        <Typography.Title level={5}>{t('console:overview.myRoles', { count: me.roles.length })}</Typography.Title>
        {me.roles.length === 0 ? (
          <Card>
            <Empty description={t('console:scope.noRoles')} />
          </Card>
        ) : (
          <Row gutter={[16, 16]}>
            {me.roles.map((grant) => (
              <Col key={grant.assignmentId} xs={24} xl={12}>
                <RoleCard me={me} grant={grant} />
              </Col>
            ))}
          </Row>
        )}
      </section>
      <section>
        <Typography.Title level={5}>{t('console:overview.shortcuts')}</Typography.Title>
        <Row gutter={[16, 16]}>
          <Shortcut me={me} permission="org.read" to="/org" icon={<ApartmentOutlined />} title={t('console:nav.org')} text={t('console:overview.orgText')} />
          <Shortcut me={me} permission="users.manage" to="/users" icon={<TeamOutlined />} title={t('console:nav.users')} text={t('console:overview.usersText')} />
          <Shortcut me={me} permission="audit.read" to="/audit" icon={<AuditOutlined />} title={t('console:nav.audit')} text={t('console:overview.auditText')} />
        </Row>
      </section>
    </Space>
  );
}

function RoleCard({ me, grant }: { me: Me; grant: RoleGrant }) {
  const { t } = useTranslation();
  const unit = grant.unit;
  const chain = unit ? [...unit.ancestors, unit] : [];
  const readableFrom = firstReadable(me, chain);
  const canOpen = roleAllows(grant.role, 'org.read');
  return (
    <Card size="small" styles={{ body: { padding: 16 } }}>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t(`server:roles.${grant.role}`)}
          </Typography.Text>
          {unit && <Tag color="blue">{t(`server:orgKinds.${unit.kind}`)}</Tag>}
          <Typography.Text type="secondary">{t('console:overview.since', { date: formatDate(grant.validFrom) })}</Typography.Text>
        </Space>
        {unit ? (
          <Breadcrumb
            items={chain.map((c, i) => ({
              key: c.id,
              title: canOpen && i >= readableFrom ? <Link to={`/org/${c.id}`}>{c.name}</Link> : c.name,
            }))}
          />
        ) : (
          <Typography.Text>{t('console:scope.wholeSystem')}</Typography.Text>
        )}
        {unit && canOpen && <UnitFigures unitId={unit.id} />}
        {unit && (
          <Space size={16} wrap>
            {canOpen && <Link to={`/org/${unit.id}`}>{t('console:overview.openInHierarchy')}</Link>}
            {hasPermission(me, 'users.manage') && roleAllows(grant.role, 'users.manage') && (
              <Link to={`/users?unitId=${unit.id}`}>{t('console:overview.usersOfUnit')}</Link>
            )}
          </Space>
        )}
      </Space>
    </Card>
  );
}

/** Figures read from the hierarchy itself: how many units sit directly below. */
function UnitFigures({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const children = useQuery(childrenQuery(unitId, true));
  if (!children.data) return null;
  const current = children.data.filter((u) => u.current).length;
  const ended = children.data.filter((u) => u.validTo !== null && !u.current).length;
  if (children.data.length === 0) return <Typography.Text type="secondary">{t('console:overview.noSubUnits')}</Typography.Text>;
  return (
    <Typography.Text type="secondary">
      {t('console:overview.subUnits', { count: current })}
      {ended > 0 && t('console:overview.subUnitsDissolved', { count: ended })}
    </Typography.Text>
  );
}

function Shortcut(props: { me: Me; permission: Permission; to: string; icon: ReactNode; title: string; text: string }) {
  if (!hasPermission(props.me, props.permission)) return null;
  return (
    <Col xs={24} md={8}>
      <Link to={props.to} style={{ display: 'block', height: '100%' }}>
        <Card hoverable size="small" style={{ height: '100%' }} styles={{ body: { padding: 16 } }}>
          <Space align="start" size={12}>
            <span style={{ fontSize: 22, color: '#1d5fa8' }}>{props.icon}</span>
            <span>
              <Typography.Text strong>{props.title}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{props.text}</Typography.Text>
            </span>
          </Space>
        </Card>
      </Link>
    </Col>
  );
}
