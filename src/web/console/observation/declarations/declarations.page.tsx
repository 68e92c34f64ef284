import { CheckOutlined, CloseOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Descriptions, Empty, Segmented, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../../../contract/auth.ts';
import { hasPermission } from '../../../shared/session.ts';
import { orDash } from '../arrivals/plan-cell.component.tsx';
import { ObservationFrame, useObservationLink } from '../observation-frame.component.tsx';
import { useDeclarations, type ArrivalDetail, type DeclarationItem, type DeclarationStatusFilter } from '../observation.resource.ts';
import { dateTimeOf, DASH, feverStyle, FEVER_RED, temperatureText } from '../observation-format.ts';
import { ApproveModal } from './approve-modal.component.tsx';
import { DeclareLinkModal } from './declare-link-modal.component.tsx';
import { RejectModal } from './reject-modal.component.tsx';

const STATUSES: readonly DeclarationStatusFilter[] = ['pending', 'approved', 'rejected'];

/**
 * Self-declarations sent from the public page: the queue to review, oldest
 * first, a page at a time; each approved into the records (optionally with a
 * plan) or rejected with a note. The QR code to print for the page is here too.
 */
export function DeclarationsPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [showLink, setShowLink] = useState(false);
  return (
    <ObservationFrame
      me={me}
      section="declarations"
      extra={
        <Button icon={<QrcodeOutlined />} onClick={() => setShowLink(true)} data-testid="declare-link-open">
          {t('observation-console:declarations.qr')}
        </Button>
      }
    >
      {(communityId) => (
        <>
          <Queue key={communityId} me={me} communityId={communityId} />
          {showLink && <DeclareLinkModal communityId={communityId} onClose={() => setShowLink(false)} />}
        </>
      )}
    </ObservationFrame>
  );
}

function Queue({ me, communityId }: { me: Me; communityId: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<DeclarationStatusFilter>('pending');
  const declarations = useDeclarations(communityId, status);
  const [approving, setApproving] = useState<DeclarationItem | null>(null);
  const [rejecting, setRejecting] = useState<DeclarationItem | null>(null);
  const [approved, setApproved] = useState<ArrivalDetail | null>(null);
  const link = useObservationLink();
  const items = declarations.data?.pages.flatMap((p) => p.items) ?? [];
  const canReview = hasPermission(me, 'observation.write');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Segmented<DeclarationStatusFilter>
        value={status}
        onChange={setStatus}
        options={STATUSES.map((s) => ({ value: s, label: <span data-testid={`declarations-status-${s}`}>{t(`observation:declarationStatus.${s}`)}</span> }))}
      />
      {approved && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setApproved(null) }}
          data-testid="declaration-approved"
          title={
            <span>
              {t('observation-console:declarations.approved', { name: approved.name })}{' '}
              <Link to={link(`/observation/arrivals/${approved.id}`)}>{t('observation-console:declarations.openRecord')}</Link>
            </span>
          }
        />
      )}
      {declarations.error && <Typography.Text type="danger">{declarations.error.message}</Typography.Text>}
      {declarations.isPending && <Card loading size="small" />}
      {declarations.data && items.length === 0 && <Empty description={t(`observation-console:declarations.empty.${status}`)} data-testid="declarations-empty" />}
      <div data-testid="declarations" data-status={status} style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
        {items.map((d) => (
          <DeclarationCard
            key={d.id}
            declaration={d}
            actions={
              canReview && d.status === 'pending' ? (
                <Space>
                  <Button type="primary" icon={<CheckOutlined />} onClick={() => setApproving(d)} data-testid="declaration-approve">
                    {t('observation-console:declarations.approve')}
                  </Button>
                  <Button danger icon={<CloseOutlined />} onClick={() => setRejecting(d)} data-testid="declaration-reject">
                    {t('observation-console:declarations.reject')}
                  </Button>
                </Space>
              ) : null
            }
          />
        ))}
      </div>
      {declarations.hasNextPage && (
        <Button block loading={declarations.isFetchingNextPage} onClick={() => void declarations.fetchNextPage()} data-testid="declarations-more">
          {t('observation-console:declarations.more')}
        </Button>
      )}
      {approving && <ApproveModal communityId={communityId} declaration={approving} onClose={() => setApproving(null)} onApproved={setApproved} />}
      {rejecting && <RejectModal declaration={rejecting} onClose={() => setRejecting(null)} />}
    </Space>
  );
}

/** One declaration with everything the person declared (masked), how often they sent it again, and its review. */
function DeclarationCard({ declaration: d, actions }: { declaration: DeclarationItem; actions: ReactNode }) {
  const { t } = useTranslation();
  const link = useObservationLink();
  const fever = d.temperature !== null && feverStyle(d.temperature) !== undefined;
  return (
    <Card
      size="small"
      data-testid="declaration"
      data-name={d.name}
      data-reference={d.reference}
      style={fever || d.symptoms ? { borderColor: '#ffa39e' } : undefined}
      title={
        <Space wrap>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {d.name}
          </Typography.Text>
          <Tag color={d.category === 'returnee' ? 'purple' : 'cyan'}>{t(`observation:category.${d.category}`)}</Tag>
          <Typography.Text type="secondary">{t('observation-console:declarations.reference', { reference: d.reference })}</Typography.Text>
          <Typography.Text type="secondary">{t('observation-console:declarations.received', { when: dateTimeOf(d.receivedAt) })}</Typography.Text>
          {d.repeats > 0 && (
            <Badge color="orange" count={t('observation-console:declarations.repeats', { count: d.repeats })} data-testid="declaration-repeats" />
          )}
        </Space>
      }
      extra={actions}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: 'id', label: t('observation-console:field.idNumber'), children: d.idMasked },
          { key: 'phone', label: t('observation-console:field.phone'), children: d.phoneMasked },
          { key: 'origin', label: t('observation-console:field.origin'), children: d.origin },
          { key: 'arrivedOn', label: t('observation-console:field.arrivedOn'), children: d.arrivedOn },
          { key: 'transport', label: t('observation-console:field.transport'), children: [t(`observation:transportKind.${d.transportKind}`), d.transportRef].filter(Boolean).join(' ') },
          { key: 'stay', label: t('observation-console:field.stayPlace'), children: `${t(`observation:stayKind.${d.stayKind}`)} · ${orDash(d.stayPlace)}` },
          { key: 'employer', label: t('observation-console:field.employer'), children: orDash(d.employer) },
          { key: 'reason', label: t('observation-console:field.reason'), children: orDash(d.reason) },
          {
            key: 'temperature',
            label: t('observation-console:field.temperature'),
            children: d.temperature === null ? DASH : <span style={feverStyle(d.temperature)}>{temperatureText(t, d.temperature)}</span>,
          },
          { key: 'symptoms', label: t('observation-console:field.symptoms'), children: d.symptoms ? <span style={{ color: FEVER_RED }}>{d.symptoms}</span> : t('observation-console:field.noSymptoms') },
          { key: 'lastTestOn', label: t('observation-console:field.lastTestOn'), children: orDash(d.lastTestOn) },
          ...(d.status !== 'pending'
            ? [
                {
                  key: 'review',
                  label: t('observation-console:declarations.review'),
                  children: (
                    <span>
                      {[d.reviewedByName, dateTimeOf(d.reviewedAt), d.reviewNote].filter(Boolean).join(' · ')}
                      {d.arrivalId && (
                        <>
                          {' · '}
                          <Link to={link(`/observation/arrivals/${d.arrivalId}`)}>{t('observation-console:declarations.openRecord')}</Link>
                        </>
                      )}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
