import { LogoutOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { coversDay, periodText } from '../teams-format.ts';
import type { Membership, Team } from '../teams.resource.ts';
import { TeamHistory } from './team-history.component.tsx';

export type TeamDialog = { kind: 'add'; team: Team } | { kind: 'replace'; team: Team; outgoing?: Membership } | { kind: 'end'; team: Team; member: Membership };

interface Props {
  team: Team;
  day: string;
  manage: boolean;
  onDialog: (dialog: TeamDialog) => void;
}

/** A team: who sent it and for how long, who was on it on the day shown (leader first), and its history of changes. */
export function TeamCard({ team, day, manage, onDialog }: Props) {
  const { t } = useTranslation();
  const stationed = coversDay(team.from, team.to, day);
  const members = [...team.onDay].sort((a, b) => Number(b.role === 'leader') - Number(a.role === 'leader'));
  return (
    <Card
      size="small"
      data-testid="team"
      data-team={team.name}
      title={
        <Space wrap size={8}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {team.name}
          </Typography.Text>
          <Tag color={team.kind === 'party_members' ? 'red' : 'blue'}>{t(`teams:teamKinds.${team.kind}`)}</Tag>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('teams-console:teams.sentBy', { org: team.sendingOrg.name, kind: t(`teams:sendingKinds.${team.sendingOrg.kind}`) })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{t('teams-console:teams.stationed', { period: periodText(t, team.from, team.to) })}</Typography.Text>
        </Space>
      }
      extra={
        manage && (
          <Space>
            <Button icon={<UserAddOutlined />} onClick={() => onDialog({ kind: 'add', team })} data-testid="member-add">
              {t('teams-console:members.add')}
            </Button>
            <Button type="primary" icon={<SwapOutlined />} disabled={team.history.every((m) => m.to !== null)} onClick={() => onDialog({ kind: 'replace', team })} data-testid="replace-open">
              {t('teams-console:replace.open')}
            </Button>
          </Space>
        )
      }
    >
      {!stationed && <Alert type="info" showIcon title={t('teams-console:teams.notStationed', { day })} style={{ marginBottom: 12 }} />}
      {/* A day outside the team's stay with nobody on it says so once, without an empty table under it. */}
      {(stationed || members.length > 0) && (
        <Table<Membership>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={members}
          data-testid="team-members"
          data-day={team.day}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('teams-console:members.noneOnDay', { day })} /> }}
          onRow={(m) => ({ 'data-testid': 'team-member', 'data-name': m.name, 'data-role': m.role }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'name',
              title: t('teams-console:members.name'),
              render: (_, m) => (
                <Space size={6} wrap>
                  <Typography.Text strong>{m.name}</Typography.Text>
                  {m.replacesName && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('teams-console:members.replaces', { name: m.replacesName })}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              key: 'role',
              title: t('teams-console:members.role'),
              width: 90,
              render: (_, m) => <Tag color={m.role === 'leader' ? 'gold' : 'default'}>{t(`teams:memberRoles.${m.role}`)}</Tag>,
            },
            { key: 'mobile', title: t('teams-console:members.mobile'), width: 140, render: (_, m) => m.mobile ?? '—' },
            { key: 'period', title: t('teams-console:members.period'), width: 230, render: (_, m) => periodText(t, m.from, m.to) },
            ...(manage
              ? [
                  {
                    // Someone whose time on the team has ended is neither replaced nor ended again (the replacement form lists only those still on it).
                    key: 'actions',
                    width: 96,
                    render: (_: unknown, m: Membership) => (
                      <Space size={0}>
                        <Tooltip title={t('teams-console:replace.open')}>
                          <Button type="text" icon={<SwapOutlined />} disabled={m.to !== null} onClick={() => onDialog({ kind: 'replace', team, outgoing: m })} data-testid="member-replace" />
                        </Tooltip>
                        <Tooltip title={t('teams-console:members.end')}>
                          <Button type="text" danger icon={<LogoutOutlined />} disabled={m.to !== null} onClick={() => onDialog({ kind: 'end', team, member: m })} data-testid="member-end" />
                        </Tooltip>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <Collapse
        ghost
        size="small"
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'history',
            label: <span data-testid="history-open">{t('teams-console:history.title', { count: team.history.length })}</span>,
            children: <TeamHistory history={team.history} />,
          },
        ]}
      />
    </Card>
  );
}
