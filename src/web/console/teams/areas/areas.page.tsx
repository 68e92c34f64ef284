import { CheckCircleOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contract/auth.ts';
import { hasPermission } from '../../../shared/session.ts';
import { formatCount } from '../../figures/figures-format.ts';
import { TeamsDayPicker } from '../teams-day-picker.component.tsx';
import { useTeamsDay } from '../teams-day.ts';
import { periodText } from '../teams-format.ts';
import { TeamsFrame } from '../teams-frame.component.tsx';
import { useAreas, type AreaGroupRow } from '../teams.resource.ts';
import { AreaAssignModal, AreaEndModal } from './area-forms.component.tsx';
import { areaRows, byPerson, type AreaRow } from './area-rows.ts';

const UNCOVERED_BG = '#fff1f0';

/** Areas: who answers for each residential group on a day, the groups nobody covers first and in red. */
export function AreasPage({ me }: { me: Me }) {
  return <TeamsFrame me={me} section="areas">{(communityId) => <AreasBody key={communityId} me={me} communityId={communityId} />}</TeamsFrame>;
}

type Dialog = { kind: 'assign'; preset: string[] } | { kind: 'end'; group: AreaGroupRow; assignment: AreaGroupRow['responsible'][number] } | null;

function AreasBody({ me, communityId }: { me: Me; communityId: string }) {
  const { t } = useTranslation();
  const { day } = useTeamsDay();
  const areas = useAreas(communityId, day);
  const [dialog, setDialog] = useState<Dialog>(null);
  const manage = hasPermission(me, 'team.manage');
  const rows = areas.data ? areaRows(areas.data) : [];
  const uncovered = rows.filter((r) => r.uncovered).length;
  const people = areas.data ? byPerson(areas.data) : [];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        <TeamsDayPicker label={t('teams-console:areas.dayLabel')} testId="areas-day" />
        <div style={{ flex: 1 }} />
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'assign', preset: [] })} data-testid="area-assign">
            {t('teams-console:areas.assign')}
          </Button>
        )}
      </div>
      {!manage && <Alert type="info" showIcon title={t('teams-console:readOnly')} />}
      {areas.isError && <Alert type="error" showIcon title={areas.error.message} />}
      {areas.data && (
        <Alert
          type={uncovered ? 'error' : 'success'}
          showIcon
          icon={uncovered ? <WarningOutlined /> : <CheckCircleOutlined />}
          data-testid="areas-uncovered"
          data-count={areas.isPlaceholderData ? '' : uncovered}
          title={
            uncovered
              ? t('teams-console:areas.uncovered', { count: uncovered, total: rows.length })
              : t('teams-console:areas.allCovered', { total: rows.length })
          }
        />
      )}
      <Table<AreaRow>
        rowKey="groupId"
        size="middle"
        pagination={false}
        loading={areas.isPending}
        dataSource={rows}
        data-testid="areas"
        locale={{ emptyText: <Empty description={t('teams-console:areas.noGroups')} /> }}
        onRow={(r) =>
          ({ 'data-testid': 'area-row', 'data-group': r.groupName, 'data-uncovered': r.uncovered ? 'true' : 'false', style: r.uncovered ? { background: UNCOVERED_BG } : undefined }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            key: 'group',
            title: t('teams-console:areas.group'),
            width: 200,
            render: (_, r) => (
              <Space size={6}>
                <Typography.Text strong>{r.groupName}</Typography.Text>
                {r.uncovered && <Tag color="red">{t('teams-console:areas.nobody')}</Tag>}
              </Space>
            ),
          },
          { key: 'households', title: t('teams-console:areas.households'), width: 90, align: 'right', render: (_, r) => formatCount(r.households) },
          { key: 'residents', title: t('teams-console:areas.residents'), width: 90, align: 'right', render: (_, r) => formatCount(r.residents) },
          {
            key: 'responsible',
            title: t('teams-console:areas.responsible'),
            render: (_, r) => (
              <Space size={[6, 6]} wrap>
                {r.responsible.map((a) => (
                  <Tooltip key={a.id} title={periodText(t, a.from, a.to)}>
                    <Tag
                      color="blue"
                      closable={manage}
                      onClose={(e) => {
                        e.preventDefault();
                        setDialog({ kind: 'end', group: r, assignment: a });
                      }}
                      data-testid="area-responsible"
                      data-name={a.name}
                      style={{ marginInlineEnd: 0, fontSize: 13, padding: '1px 8px' }}
                    >
                      {a.name}
                    </Tag>
                  </Tooltip>
                ))}
              </Space>
            ),
          },
          ...(manage
            ? [
                {
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, r: AreaRow) => (
                    <Button size="small" type={r.uncovered ? 'primary' : 'default'} onClick={() => setDialog({ kind: 'assign', preset: [r.groupId] })} data-testid="area-row-assign">
                      {t('teams-console:areas.assignOne')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {people.length > 0 && (
        <Card size="small" title={t('teams-console:areas.byPerson')} data-testid="areas-by-person">
          <Space orientation="vertical" size={4}>
            {people.map((p) => (
              <div key={p.userId}>
                <Typography.Text strong>{p.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {t('teams-console:areas.groupsCount', { count: p.groups.length })}
                </Typography.Text>
                <Typography.Text style={{ marginInlineStart: 8 }}>{p.groups.join(t('teams:listSeparator'))}</Typography.Text>
              </div>
            ))}
          </Space>
        </Card>
      )}
      {dialog?.kind === 'assign' && <AreaAssignModal communityId={communityId} day={day} groups={rows} preset={dialog.preset} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'end' && <AreaEndModal group={dialog.group} assignment={dialog.assignment} day={day} onClose={() => setDialog(null)} />}
    </Space>
  );
}
