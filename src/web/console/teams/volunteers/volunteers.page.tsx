import { CheckOutlined, CloseOutlined, EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { Me } from '../../../../contract/auth.ts';
import { query } from '../../../shared/api.ts';
import { hasPermission } from '../../../shared/session.ts';
import { dateTimeOf } from '../../gates/gate-format.ts';
import { TeamsFrame } from '../teams-frame.component.tsx';
import { ApproveVolunteerModal } from './approve-modal.component.tsx';
import { OneTimePasswordModal } from './password-modal.component.tsx';
import { RejectVolunteerModal } from './reject-modal.component.tsx';
import { revealVolunteerMobile, useVolunteers, type Approved, type Volunteer, type VolunteerStatus } from './volunteers.resource.ts';

const STATUSES: readonly VolunteerStatus[] = ['pending', 'approved', 'rejected'];

/** Volunteers who signed up on the community's public page: the review queue, approval into a field app account, the poster with the QR code. */
export function VolunteersPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <TeamsFrame
      me={me}
      section="volunteers"
      extra={
        <Button icon={<PrinterOutlined />} onClick={() => void navigate(`/teams/volunteers/poster${query({ communityId: params.get('communityId') })}`)} data-testid="volunteer-poster-open">
          {t('teams-console:volunteers.poster')}
        </Button>
      }
    >
      {(communityId) => <Queue key={communityId} me={me} communityId={communityId} />}
    </TeamsFrame>
  );
}

function Queue({ me, communityId }: { me: Me; communityId: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<VolunteerStatus>('pending');
  const volunteers = useVolunteers(communityId, status);
  const [approving, setApproving] = useState<Volunteer | null>(null);
  const [rejecting, setRejecting] = useState<Volunteer | null>(null);
  const [approved, setApproved] = useState<Approved | null>(null);
  const manage = hasPermission(me, 'team.manage');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Segmented<VolunteerStatus>
        value={status}
        onChange={setStatus}
        options={STATUSES.map((s) => ({ value: s, label: <span data-testid={`volunteers-status-${s}`}>{t(`teams:volunteerStatus.${s}`)}</span> }))}
      />
      {volunteers.isError && <Alert type="error" showIcon title={volunteers.error.message} />}
      <Table<Volunteer>
        rowKey="id"
        size="middle"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        loading={volunteers.isPending}
        dataSource={volunteers.data ?? []}
        data-testid="volunteers"
        data-status={status}
        locale={{ emptyText: t(`teams-console:volunteers.empty.${status}`) }}
        onRow={(v) => ({ 'data-testid': 'volunteer', 'data-name': v.name, 'data-reference': v.reference, 'data-status': v.status }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'name',
            title: t('teams-console:volunteers.name'),
            width: 150,
            render: (_, v) => (
              <div>
                <Typography.Text strong>{v.name}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {v.reference}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          { key: 'mobile', title: t('teams-console:volunteers.mobile'), width: 170, render: (_, v) => <MobileCell volunteer={v} /> },
          {
            key: 'skills',
            title: t('teams-console:volunteers.skills'),
            render: (_, v) => (
              <Space size={[4, 4]} wrap>
                {v.skills.map((s) => (
                  <Tag key={s} color="geekblue" style={{ marginInlineEnd: 0 }}>
                    {t(`teams:skills.${s}`)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { key: 'availability', title: t('teams-console:volunteers.availability'), render: (_, v) => v.availability },
          { key: 'createdAt', title: t('teams-console:volunteers.signedUp'), width: 140, render: (_, v) => dateTimeOf(v.createdAt) },
          ...(status === 'pending' ? [] : [{ key: 'review', title: t('teams-console:volunteers.review'), width: 220, render: (_: unknown, v: Volunteer) => <ReviewCell volunteer={v} /> }]),
          ...(manage && status === 'pending'
            ? [
                {
                  key: 'actions',
                  width: 190,
                  render: (_: unknown, v: Volunteer) => (
                    <Space>
                      <Button type="primary" icon={<CheckOutlined />} onClick={() => setApproving(v)} data-testid="volunteer-approve">
                        {t('teams-console:volunteers.approve')}
                      </Button>
                      <Button danger icon={<CloseOutlined />} onClick={() => setRejecting(v)} data-testid="volunteer-reject">
                        {t('teams-console:volunteers.reject')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {approving && <ApproveVolunteerModal volunteer={approving} onClose={() => setApproving(null)} onApproved={setApproved} />}
      {rejecting && <RejectVolunteerModal volunteer={rejecting} onClose={() => setRejecting(null)} />}
      {approved && <OneTimePasswordModal approved={approved} onClose={() => setApproved(null)} />}
    </Space>
  );
}

/** The masked mobile, and the number in full on request (the server records who asked). */
function MobileCell({ volunteer: v }: { volunteer: Volunteer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [full, setFull] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reveal = () => {
    setBusy(true);
    revealVolunteerMobile(v.id).then(
      (r) => setFull(r.mobile),
      (e: Error) => void message.error(e.message),
    ).finally(() => setBusy(false));
  };
  return (
    <Space size={4}>
      <Typography.Text data-testid="volunteer-mobile" copyable={full ? { text: full } : false}>
        {full ?? v.mobile}
      </Typography.Text>
      {!full && (
        <Tooltip title={t('teams-console:volunteers.reveal')}>
          <Button size="small" type="text" icon={<EyeOutlined />} loading={busy} onClick={reveal} data-testid="volunteer-reveal" />
        </Tooltip>
      )}
    </Space>
  );
}

/** Who reviewed it and when; the account made (username and role) or the reason it was turned away. */
function ReviewCell({ volunteer: v }: { volunteer: Volunteer }) {
  const { t } = useTranslation();
  return (
    <div style={{ fontSize: 12 }}>
      {v.status === 'approved' && v.username && (
        <div>
          <Tag color="green">{v.role ? t(`teams:volunteerRoles.${v.role}`) : t('teams:volunteerStatus.approved')}</Tag>
          <Typography.Text code data-testid="volunteer-username-shown">
            {v.username}
          </Typography.Text>
        </div>
      )}
      {v.status === 'rejected' && v.note && <Typography.Text type="danger">{v.note}</Typography.Text>}
      <div>
        <Typography.Text type="secondary">{[v.reviewedByName, v.reviewedAt && dateTimeOf(v.reviewedAt)].filter(Boolean).join(' · ')}</Typography.Text>
      </div>
    </div>
  );
}
