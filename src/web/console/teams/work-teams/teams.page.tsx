import { BankOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contract/auth.ts';
import { hasPermission } from '../../../shared/session.ts';
import { TeamsDayPicker } from '../teams-day-picker.component.tsx';
import { useTeamsDay } from '../teams-day.ts';
import { TeamsFrame } from '../teams-frame.component.tsx';
import { useSendingOrgs, useTeams, type SendingOrg } from '../teams.resource.ts';
import { MemberAddModal, MemberEndModal } from './member-add.component.tsx';
import { OrgFormModal } from './org-form.component.tsx';
import { ReplacementModal } from './replacement.component.tsx';
import { TeamCard, type TeamDialog } from './team-card.component.tsx';
import { TeamFormModal } from './team-form.component.tsx';

/** Work teams stationed at the community and the bodies that sent them; the team of any past day, replacements with their reasons. */
export function TeamsPage({ me }: { me: Me }) {
  return <TeamsFrame me={me} section="teams">{(communityId) => <TeamsBody key={communityId} me={me} communityId={communityId} />}</TeamsFrame>;
}

type Dialog = TeamDialog | { kind: 'org' } | { kind: 'team' } | null;

function TeamsBody({ me, communityId }: { me: Me; communityId: string }) {
  const { t } = useTranslation();
  const { day } = useTeamsDay();
  const teams = useTeams(communityId, day);
  const orgs = useSendingOrgs(communityId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const manage = hasPermission(me, 'team.manage');
  const close = () => setDialog(null);
  const list = teams.data ?? [];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        <TeamsDayPicker label={t('teams-console:teams.dayLabel')} testId="teams-day" />
        <Typography.Text type="secondary">{t('teams-console:teams.dayHint')}</Typography.Text>
        <div style={{ flex: 1 }} />
        {manage && (
          <>
            <Button icon={<BankOutlined />} onClick={() => setDialog({ kind: 'org' })} data-testid="org-create">
              {t('teams-console:orgs.create')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'team' })} data-testid="team-create">
              {t('teams-console:teams.create')}
            </Button>
          </>
        )}
      </div>
      {!manage && <Alert type="info" showIcon title={t('teams-console:readOnly')} />}
      {teams.isError && <Alert type="error" showIcon title={teams.error.message} />}
      {teams.isPending && <Card loading size="small" />}
      {teams.data && list.length === 0 && (
        <Empty description={t(manage ? 'teams-console:teams.emptyManage' : 'teams-console:teams.empty')} data-testid="teams-empty" style={{ margin: '32px 0' }} />
      )}
      <div data-testid="teams" data-day={day} data-loaded={teams.data && !teams.isPlaceholderData ? day : ''} style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        {list.map((team) => (
          <TeamCard key={team.id} team={team} day={day} manage={manage} onDialog={setDialog} />
        ))}
      </div>
      <OrgsTable orgs={orgs.data} loading={orgs.isPending} error={orgs.error?.message} />
      {dialog?.kind === 'org' && <OrgFormModal communityId={communityId} onClose={close} />}
      {dialog?.kind === 'team' && <TeamFormModal communityId={communityId} onClose={close} onNeedOrg={() => setDialog({ kind: 'org' })} />}
      {dialog?.kind === 'add' && <MemberAddModal team={dialog.team} day={day} onClose={close} />}
      {dialog?.kind === 'replace' && <ReplacementModal team={dialog.team} day={day} outgoing={dialog.outgoing} onClose={close} />}
      {dialog?.kind === 'end' && <MemberEndModal member={dialog.member} day={day} onClose={close} />}
    </Space>
  );
}

/** The sending organisations the community's teams can come from (registered here or at an office above). */
function OrgsTable({ orgs, loading, error }: { orgs: SendingOrg[] | undefined; loading: boolean; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('teams-console:orgs.title')} data-testid="orgs">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Table<SendingOrg>
        rowKey="id"
        size="small"
        pagination={false}
        loading={loading}
        dataSource={orgs ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('teams-console:orgs.empty')} /> }}
        onRow={(o) => ({ 'data-testid': 'org-row', 'data-name': o.name }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('teams-console:orgs.name'), render: (_, o) => <Typography.Text strong>{o.name}</Typography.Text> },
          { key: 'kind', title: t('teams-console:orgs.kind'), width: 180, render: (_, o) => <Tag>{t(`teams:sendingKinds.${o.kind}`)}</Tag> },
          { key: 'unit', title: t('teams-console:orgs.unit'), width: 180, render: (_, o) => o.unitName },
          { key: 'contact', title: t('teams-console:orgs.contact'), width: 220, render: (_, o) => o.contact ?? '—' },
        ]}
      />
    </Card>
  );
}
